/**
 * The customer learns that support answered without keeping the popup open: the worker reads the
 * status of the open tickets it delivered on an alarm (which survives the worker being stopped),
 * when the browser starts and when the worker wakes, and the toolbar badge shows how many
 * changed since "My tickets" was last opened (utils/delivery/ticket-watch.ts keeps the count).
 */
import { browser } from 'wxt/browser';
import { allRecords } from '../../utils/delivery/outbox';
import { refreshWatch, unseenCount, watchItem, type WatchState } from '../../utils/delivery/ticket-watch';
import { supportApiUrl } from '../../utils/extension/build-config';
import { IS_RELEASE, STATUS_REFRESH_MS } from '../../utils/extension/build-env';

const ALARM = 'ticket-status';
/**
 * How often open tickets are read. The e2e and development builds follow STATUS_REFRESH_MS (an
 * unpacked extension's alarms may fire every second); the release reads at most every quarter of
 * an hour, and a quiet ticket less often still (ticket-watch.ts backs off).
 */
export const WATCH_PERIOD_MS = IS_RELEASE ? Math.max(STATUS_REFRESH_MS, 15 * 60_000) : STATUS_REFRESH_MS;
/** Green, as "Answered" is in "My tickets": good news, unlike the page's red error count. */
const BADGE_COLOR = '#1b6e37';

let running: Promise<void> | undefined;

/** Reads the due tickets once (concurrent calls share the pass). */
export function refreshTicketStatuses(): Promise<void> {
  running ??= (async () => {
    try {
      await refreshWatch(await supportApiUrl(), await allRecords(), WATCH_PERIOD_MS);
    } catch (error) {
      // Storage or IndexedDB refused: the next alarm tries again; nothing is lost.
      console.warn('[ticket-status] refresh failed', error);
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function showBadge(state: WatchState): Promise<void> {
  const count = unseenCount(state);
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
}

export function registerTicketStatus(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void refreshTicketStatuses();
  });
  browser.runtime.onStartup.addListener(() => void refreshTicketStatuses());
  // "My tickets" marks changes seen in storage (a change that also wakes a stopped worker).
  watchItem.watch((state) => void showBadge(state ?? {}));
  void (async () => {
    // Created once: re-creating it at every wake-up would push its next firing back each time.
    if (!(await browser.alarms.get(ALARM))) {
      await browser.alarms.create(ALARM, { periodInMinutes: WATCH_PERIOD_MS / 60_000, delayInMinutes: WATCH_PERIOD_MS / 60_000 });
    }
    await showBadge(await watchItem.getValue());
    await refreshTicketStatuses();
  })();
}
