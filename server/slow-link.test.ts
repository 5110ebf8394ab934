/**
 * Slow links, both sides, through a real paced TCP proxy: the API cuts a request on lack of
 * progress (408 with the JSON error), not on total time; the extension's client gives an upload
 * the time its bytes need at a floor rate, so a big ticket on a slow but moving link goes out on
 * its first attempt. SLOW_LINK_FULL=1 runs the figure (6 MiB at 90 KiB/s, default
 * settings: ~70 s); the default is the same at a smaller scale.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema, TicketSchema } from '../utils/contract/schemas';
import { sendTicket } from '../utils/delivery/api-client';
import { uploadTimeoutMs } from '../utils/delivery/retry-policy';
import { startPacedProxy } from '../tests/fixtures/paced-proxy';
import { encodeMultipart, pngOfSize, postParts, startTestApi, ticketFor, ticketParts } from './test-support';

const FULL = process.env.SLOW_LINK_FULL === '1';
const KIB = 1024;
/** The target, or the same shape in ~4 s. */
const SCALE = FULL
  ? { bytes: 6 * 1024 * KIB, rate: 90 * KIB, idleMs: 30_000, policy: {} }
  : { bytes: 450 * KIB, rate: 150 * KIB, idleMs: 1_000, policy: { timeoutMs: 1_500, floorBytesPerSecond: 50 * KIB } };

describe('a slow but moving upload', () => {
  it(`delivers ${SCALE.bytes / KIB} KiB at ${SCALE.rate / KIB} KiB/s on the first attempt (the extension's sendTicket, the real API)`, {
    timeout: FULL ? 200_000 : 30_000,
  }, async () => {
    const api = await startTestApi({ idleTimeoutMs: SCALE.idleMs });
    const proxy = await startPacedProxy(api.url, SCALE.rate);
    try {
      // Screenshots of at most 4 MiB each, filling the ticket to SCALE.bytes.
      const shots = [];
      for (let left = SCALE.bytes - 4 * KIB; left > 0; left -= 4 * 1024 * KIB) shots.push(pngOfSize(Math.min(left, 4 * 1024 * KIB)));
      const files = shots.map((bytes) => ({ type: 'image/png' as const, bytes }));
      const ticket = TicketSchema.parse(ticketFor(files));
      const blobs = shots.map((bytes) => new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const timeoutMs = uploadTimeoutMs(SCALE.bytes, SCALE.policy);
      const started = Date.now();
      const outcome = await sendTicket(proxy.url, ticket, blobs, { timeoutMs });
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `[slow-link] ${SCALE.bytes / KIB} KiB at ${SCALE.rate / KIB} KiB/s: ${outcome.kind} in ${seconds.toFixed(1)} s (client timeout ${timeoutMs / 1000} s)`,
      );
      expect(outcome.kind).toBe('created');
      // It really was slow: longer than the idle timeout, so only progress kept it alive.
      expect(seconds * 1000).toBeGreaterThan(SCALE.idleMs * 2);
      expect(api.db.counts().tickets).toBe(1);
    } finally {
      await proxy.close();
      await api.close();
    }
  });
});

describe('a stalled upload', () => {
  it('answers 408 request_timeout with the JSON error after the idle timeout, logs one line, and frees its bytes in flight', async () => {
    const logs: { message: string; error: unknown }[] = [];
    // A budget of one request: a reservation the stalled upload kept would turn the next into 503.
    const api = await startTestApi({ idleTimeoutMs: 800, inflightBytes: 1, log: (message, error) => logs.push({ message, error }) });
    try {
      const files = [{ type: 'image/png' as const, bytes: pngOfSize(100 * KIB) }];
      const { body, contentType } = encodeMultipart(ticketParts(ticketFor(files), files));
      const { port } = new URL(api.url);
      const started = Date.now();
      const answer = await new Promise<{ status?: number; body: string }>((resolve) => {
        const req = request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/tickets',
          headers: { 'Content-Type': contentType, 'Content-Length': body.length },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode, body: text }));
        });
        req.on('error', () => resolve({ body: '' }));
        // Half the body, then silence (the connection stays open).
        req.write(body.subarray(0, body.length / 2));
      });
      const waited = Date.now() - started;
      expect(answer.status).toBe(408);
      expect(ApiErrorSchema.parse(JSON.parse(answer.body)).error.code).toBe('request_timeout');
      expect(waited).toBeGreaterThanOrEqual(700);
      expect(waited).toBeLessThan(5_000);
      expect(logs.filter((l) => l.error !== undefined)).toEqual([]);
      expect(logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/no bytes for 1 s; answered 408/));
      // The stalled request let go of its bytes in flight: the next ticket is received.
      await expect.poll(async () => (await postParts(api.url, ticketParts(ticketFor(files), files))).status, { timeout: 3_000 }).toBe(201);
    } finally {
      await api.close();
    }
  });
});
