/**
 * A value built the first time it is asked for, then kept: the rules' patterns and word tables.
 * Not at load: a `new RegExp` or a table made at module level is a side effect that bundlers
 * keep in every bundle that imports the module (see utils/contract/scrub.ts); a call marked
 * `@__PURE__` is dropped where its result is unused.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
