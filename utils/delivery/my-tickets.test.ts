import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../../server/start';
import { sampleTicket } from '../../tests/fixtures/sample-ticket';
import { ticketFormData } from './api-client';
import { TicketCreatedSchema, TicketSchema, type TicketCreated } from '../contract/schemas';
import { fetchTicketStatus, myTicketRows } from './my-tickets';
import type { OutboxRecord } from './outbox';

const SUPPORT_TOKEN = 'unit-support-token-0123456789abcdef';
let api: RunningApi;
let dataDir: string;
let created: TicketCreated;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'oso-my-tickets-'));
  api = await startApi({ port: 0, dataDir, supportToken: SUPPORT_TOKEN, rateLimit: false });
  const ticket = TicketSchema.parse(sampleTicket({ screenshots: [] }));
  const response = await fetch(`${api.url}/v1/tickets`, {
    method: 'POST',
    headers: { 'Idempotency-Key': ticket.idempotencyKey },
    body: ticketFormData(ticket, []),
  });
  expect(response.status).toBe(201);
  created = TicketCreatedSchema.parse(await response.json());
});

afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('fetchTicketStatus (real API over HTTP)', () => {
  it('reads the status with the ticket access token, and follows support changing it', async () => {
    const first = await fetchTicketStatus(api.url, created);
    expect(first).toMatchObject({ ok: true, ticket: { id: created.id, reference: created.reference, status: 'received' } });
    const patch = await fetch(`${api.url}/v1/tickets/${created.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${SUPPORT_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'answered' }),
    });
    expect(patch.status).toBe(200);
    expect(await fetchTicketStatus(api.url, created)).toMatchObject({ ok: true, ticket: { status: 'answered' } });
  });

  it('says unauthorized for a wrong token, network when nobody answers, invalid for an unreadable answer', async () => {
    expect(await fetchTicketStatus(api.url, { id: created.id, accessToken: 'x'.repeat(40) })).toEqual({
      ok: false,
      reason: 'unauthorized',
    });
    expect(await fetchTicketStatus('http://127.0.0.1:9', created)).toEqual({ ok: false, reason: 'network' });
    const garbage = (async () => new Response('{"id":1}', { status: 200 })) as typeof fetch;
    expect(await fetchTicketStatus(api.url, created, { fetch: garbage })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('myTicketRows', () => {
  const ticket = TicketSchema.parse(sampleTicket({ screenshots: [] }));
  const record = (key: string, state: OutboxRecord['state'], createdAt: number, result?: TicketCreated): OutboxRecord => ({
    key,
    ticket,
    screenshots: [],
    state,
    attempts: 0,
    nextAttemptAt: 0,
    createdAt,
    updatedAt: createdAt,
    result,
  });

  it('lists sent, pending and refused tickets newest first, and skips a sent record without an answer', () => {
    const rows = myTicketRows([
      record('a', 'sent', 1, created),
      record('b', 'queued', 3),
      record('c', 'attention', 2),
      record('d', 'sending', 4),
      record('e', 'sent', 5),
    ]);
    expect(rows.map((r) => [r.key, r.state])).toEqual([
      ['d', 'pending'],
      ['b', 'pending'],
      ['c', 'attention'],
      ['a', 'sent'],
    ]);
    expect(rows.at(-1)?.result?.reference).toBe(created.reference);
  });
});
