import { useEffect, useState } from 'react';

/**
 * How often the popup re-reads the outbox. The worker writes every state change to IndexedDB,
 * which both share; polling a local database is cheap and, unlike a message, cannot be missed
 * by a popup that opened after the change or a worker that was asleep.
 */
const POLL_MS = 400;

/** `read()` now and every POLL_MS while mounted (or until `deps` change); `loaded` once it answered. */
export function usePolled<T>(read: () => Promise<T>, deps: unknown[]): { value: T | undefined; loaded: boolean } {
  const [state, setState] = useState<{ value: T | undefined; loaded: boolean }>({ value: undefined, loaded: false });
  useEffect(() => {
    let live = true;
    const poll = async () => {
      try {
        const value = await read();
        if (live) setState({ value, loaded: true });
      } catch {
        // The database is busy or being upgraded: the next poll will do.
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when `read` reads something else, as with useMemo.
  }, deps);
  return state;
}
