/**
 * What the outbox door (outbox-door.ts) takes and answers, apart from its code: the e2e harness
 * runs under plain Node and imports these shapes, not the worker modules behind the door.
 */
import type { Ticket } from '../../../utils/contract/schemas';

/** One screenshot to attach: a real capture of a tab, or a PNG drawn with this label. */
export type TestShot = { capture: number } | { label: string };

export interface OutboxDoor {
  timeoutMs: number;
  enqueue(ticket: Ticket, shots: TestShot[]): Promise<{ key: string; sha256: string[] }>;
  records(): Promise<{ key: string; state: string; attempts: number; lastError?: unknown; sha256: string[] }[]>;
  flush(): Promise<void>;
  /** The customer's "try now": lifts the queue's pause. Does not wait for the delivery. */
  retryNow(key: string): void;
}
