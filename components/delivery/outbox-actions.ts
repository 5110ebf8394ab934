import { removeRecord } from '../../utils/delivery/outbox';
import { sendMessage } from '../../utils/extension/messaging';

/** Asks the worker to try a ticket now; a worker that is not listening will get to it anyway. */
export const retryTicket = (key: string) => void sendMessage('retryTicket', { key }).catch(() => {});

/** The customer discards a ticket: it leaves the outbox. */
export const discardTicket = (key: string) => void removeRecord(key);
