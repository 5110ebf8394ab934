/**
 * Keeps the toolbar badge's error count current, from the top window's content script: the
 * hook's count (utils/page/hook-pull.ts) plus the DOM recorder's (utils/page/dom-events.ts).
 */
import { sendMessage } from '../extension/messaging';
import { pullHookErrorCount } from './hook-pull';
import { domEntriesOf } from './dom-events';

/**
 * Polls the hook's count once a second (one synchronous event; the hook has no timer of its
 * own) and tells the worker when it changes.
 */
export function watchErrorCount(intervalMs = 1000): () => void {
  let last = -1;
  const timer = setInterval(() => {
    const count = pullHookErrorCount(window) + (domEntriesOf(window)?.errorCount() ?? 0);
    if (count === last) return;
    last = count;
    void sendMessage('reportErrorCount', { count }).catch(() => {});
  }, intervalMs);
  return () => clearInterval(timer);
}
