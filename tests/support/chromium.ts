/**
 * The one Chromium every browser test, e2e suite and benchmark starts: Debian's, or CHROMIUM_PATH,
 * with the flags that keep it off the network this machine does not have (without them it tries
 * Google's hosts at every start, and the closed network refuses them many at a time).
 * Side-effect free, so that scripts and unit-project browser tests can import it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const QUIET_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];
