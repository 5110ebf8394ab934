/**
 * Which browser origins may call the API (the CORS gate, gates.ts). An origin named in
 * ALLOWED_ORIGINS, or any Firefox extension origin when the list holds `moz-extension://*`:
 * the Firefox add-on's origin is `moz-extension://<UUID>` with a UUID Firefox draws per profile,
 * so no list can name each customer's (docs/store.md, "Making a release"). Web pages stay refused,
 * which is what the gate is for.
 */
const FIREFOX_EXTENSION_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function originAllowed(allowed: Set<string>, origin: string): boolean {
  return allowed.has(origin) || (allowed.has('moz-extension://*') && FIREFOX_EXTENSION_ORIGIN.test(origin));
}
