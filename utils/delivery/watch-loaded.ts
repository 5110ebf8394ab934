/**
 * What the form shows while open and keeps fresh from the API (support's status, the catalogue of
 * known problems): the stored copy at once, then the API's, then the API's again every
 * `intervalMs`. `onChange` is called only when what it would show changes, so an unchanged answer
 * re-renders nothing. Requests never overlap; the returned function stops it (pending answers are
 * then ignored).
 */
export interface WatchLoadedOptions<T> {
  /** The answer without the network (stored or built in). */
  peek: () => Promise<T>;
  /** The answer after asking the API; never throws (it falls back on its own). */
  load: () => Promise<T>;
  intervalMs: number;
  /** Two answers with the same key show the same thing. */
  keyOf: (loaded: T) => string;
}

export function watchLoaded<T>(onChange: (loaded: T) => void, { peek, load, intervalMs, keyOf }: WatchLoadedOptions<T>): () => void {
  let stopped = false;
  let loadedOnce = false;
  let last: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = (loaded: T) => {
    const key = keyOf(loaded);
    if (stopped || key === last) return;
    last = key;
    onChange(loaded);
  };

  void peek().then((peeked) => {
    if (!loadedOnce) emit(peeked);
  });

  const tick = async () => {
    const loaded = await load();
    loadedOnce = true;
    emit(loaded);
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  void tick();

  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
