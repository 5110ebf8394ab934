/**
 * Size limits shared by the extension (which trims before sending) and the API (which
 * refuses what is over them). Changing one here changes both sides.
 */
export const LIMITS = {
  descriptionChars: 5000,
  shortTextChars: 300,
  urlChars: 2048,
  messageChars: 2000,
  stackChars: 4000,
  bodyExcerptBytes: 2048,
  entries: 200,
  screenshots: 6,
  screenshotBytes: 4 * 1024 * 1024,
  ticketJsonBytes: 512 * 1024,
  requestBytes: 6 * 4 * 1024 * 1024 + 1024 * 1024,
  /**
   * Bounds of a screenshot's real dimensions (read from its header by the API): a 300 KB PNG
   * can declare 50,000 × 50,000, which would take 10 GB to decode in support's browser.
   * 32767 is Chrome's largest canvas side; 64 megapixels decode to 256 MB.
   */
  screenshotMaxSide: 32767,
  screenshotMaxPixels: 64_000_000,
} as const;
