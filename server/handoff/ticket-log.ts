/**
 * A ticket's handoff log as support reads it: each delivery with its attempts and, for a webhook,
 * whether a 410 disabled its endpoint. One function for the bearer route (server/handoff/routes.ts)
 * and the inbox's page (server/inbox/handoff-section.tsx), so both show the same facts.
 */
import type { Attempt, Channel, DeliveryState, HandoffQueue } from './queue';

export interface LoggedDelivery {
  id: string;
  event: string;
  channel: Channel;
  destination: string;
  state: DeliveryState;
  attempts: Attempt[];
  nextAttemptAt?: string;
  lastError?: string;
  endpointDisabled?: { at: string; reason: string };
  createdAt: string;
}

export function ticketHandoffLog(queue: HandoffQueue, ticketId: string): LoggedDelivery[] {
  return queue.forTicket(ticketId).map((d) => {
    const disabled = d.channel === 'webhook' ? queue.endpointDisabled(d.destination) : undefined;
    return {
      id: d.id,
      event: d.event,
      channel: d.channel,
      destination: d.destination,
      state: d.state,
      attempts: d.attemptLog,
      ...(d.nextAttemptAt ? { nextAttemptAt: d.nextAttemptAt } : {}),
      ...(d.lastError ? { lastError: d.lastError } : {}),
      ...(disabled ? { endpointDisabled: disabled } : {}),
      createdAt: d.createdAt,
    };
  });
}
