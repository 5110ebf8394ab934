/**
 * The browser's high-entropy client hints (real OS version, device model, full browser
 * version), which a frozen User-Agent string no longer tells. Kept apart from the UA parser so
 * the popup can ask for them before its main bundle has loaded.
 */

/** The high-entropy hints asked for (architecture and bitness have no field in the contract yet). */
export const HIGH_ENTROPY_HINTS = ['platformVersion', 'model', 'fullVersionList', 'architecture', 'bitness'] as const;

export interface HighEntropyValues {
  platform?: string;
  platformVersion?: string;
  model?: string;
  mobile?: boolean;
  fullVersionList?: { brand: string; version: string }[];
  architecture?: string;
  bitness?: string;
}

export interface UserAgentDataLike {
  mobile?: boolean;
  platform?: string;
  getHighEntropyValues?(hints: string[]): Promise<HighEntropyValues>;
}

/** Asks for the hints, giving up after `timeoutMs`; undefined where the browser has none. */
export async function askClientHints(ua: UserAgentDataLike | undefined, timeoutMs: number): Promise<HighEntropyValues | undefined> {
  if (!ua || typeof ua.getHighEntropyValues !== 'function') return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      ua.getHighEntropyValues([...HIGH_ENTROPY_HINTS]),
      new Promise<undefined>((resolve) => (timer = setTimeout(resolve, timeoutMs, undefined))),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
