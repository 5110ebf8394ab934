/**
 * What happened to tickets, told inside the API process: the intake and the status route emit,
 * and features that react (the handoff to support's mail and webhooks, the inbox's history) subscribe,
 * so the routes do not need to know who listens. Listeners run synchronously after the change is
 * committed; a listener that throws is logged and does not undo the change or stop the others.
 */
import type { TicketStatus } from '../utils/contract/schemas';

export interface TicketEvents {
  'ticket.created': { ticketId: string; reference: string; at: string };
  'ticket.status_changed': { ticketId: string; reference: string; from: TicketStatus; to: TicketStatus; at: string; by?: string };
}

export type TicketEventName = keyof TicketEvents;
type Listener<K extends TicketEventName> = (event: TicketEvents[K]) => void;

export class TicketEventBus {
  private readonly listeners: { [K in TicketEventName]: Listener<K>[] } = { 'ticket.created': [], 'ticket.status_changed': [] };

  constructor(private readonly log: (message: string, error?: unknown) => void) {}

  /** Returns a function that removes the listener. */
  on<K extends TicketEventName>(name: K, listener: Listener<K>): () => void {
    const list = this.listeners[name] as Listener<K>[];
    list.push(listener);
    return () => {
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
    };
  }

  emit<K extends TicketEventName>(name: K, event: TicketEvents[K]): void {
    for (const listener of [...(this.listeners[name] as Listener<K>[])]) {
      try {
        listener(event);
      } catch (error) {
        this.log(`a ${name} listener failed`, error);
      }
    }
  }
}
