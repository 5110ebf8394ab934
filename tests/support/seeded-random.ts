/**
 * A seeded generator of numbers in [0, 1) (mulberry32: tiny, deterministic), for tests and
 * fixtures that generate many inputs: the same seed gives the same inputs on every machine, so a
 * failure names the input it failed on and fails again.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
