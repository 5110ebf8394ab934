import { describe, expect, it } from 'vitest';
import { TicketEventBus } from './events';

describe('TicketEventBus', () => {
  it('calls every listener in order, logs one that throws without stopping the next, and unsubscribes', () => {
    const logged: string[] = [];
    const bus = new TicketEventBus((message) => logged.push(message));
    const seen: string[] = [];
    bus.on('ticket.created', () => {
      throw new Error('boom');
    });
    const off = bus.on('ticket.created', (e) => seen.push(e.reference));
    bus.emit('ticket.created', { ticketId: 'a', reference: 'OSO-AAAAA', at: 'now' });
    off();
    bus.emit('ticket.created', { ticketId: 'b', reference: 'OSO-BBBBB', at: 'now' });
    expect(seen).toEqual(['OSO-AAAAA']);
    expect(logged).toEqual(['a ticket.created listener failed', 'a ticket.created listener failed']);
  });
});
