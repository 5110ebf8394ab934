import { useEffect, useState } from 'react';

/**
 * How often the popup re-reads the outbox. The worker writes every state change to IndexedDB,
 * which both share; polling a local database is cheap and, unlike a message, cannot be missed
 * by a popup that opened after the change or a worker that was asleep.
 */
const POLL_MS = 400;

/**
 * `read()` now and every `intervalMs` while mounted and `enabled` (or until `deps` change);
 * `loaded` once it answered. A list that is hidden stops polling and keeps its last value.
 */
export function usePolled<T>(
  read: () => Promise<T>,
  deps: unknown[],
  { enabled = true, intervalMs = POLL_MS }: { enabled?: boolean; intervalMs?: number } = {},
): { value: T | undefined; loaded: boolean } {
  const [state, setState] = useState<{ value: T | undefined; loaded: boolean }>({ value: undefined, loaded: false });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when `read` reads something else, as with useMemo.
  useEffect(() => {
    if (!enabled) return;
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
    const timer = setInterval(poll, intervalMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [enabled, intervalMs, ...deps]);
  return state;
}
