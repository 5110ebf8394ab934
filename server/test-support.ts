/**
 * Helpers shared by the server tests: real image bytes, a raw multipart encoder (so tests
 * can send bodies no FormData would produce) and a temporary API.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { encodePng } from '../scripts/png';
import { MULTIPART, type ImageType, type TicketInput } from '../utils/contract/schemas';
import { sampleTicket } from '../tests/fixtures/sample-ticket';
import { readDimensions } from './image-dimensions';
import { startApi, type RunningApi } from './start';
import type { StartApiOptions } from './start-options';

// --- Images ---------------------------------------------------------------------------------

/** A real, decodable PNG of `width`×`height` filled with `rgb`. */
export function makePng(width = 3, height = 2, rgb: [number, number, number] = [200, 40, 40]): Buffer {
  return encodePng(width, height, () => [...rgb, 255] as const);
}

/**
 * `bytes` bytes that pass the API's image checks as a `width`×`height` PNG: the signature and a
 * real IHDR, then random filler (the API reads headers, it does not decode). For size tests.
 */
export function pngOfSize(bytes: number, width = 1280, height = 800): Buffer {
  const head = makePng(1, 1).subarray(0, 33);
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  return Buffer.concat([head, randomBytes(Math.max(0, bytes - head.length))]);
}

/** A real 2×2 JPEG, encoded once by Chromium's canvas.toDataURL('image/jpeg'). */
export const JPEG_2X2 = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQf/xAAaEQACAgMAAAAAAAAAAAAAAAAAAQNxAjIz/9oADAMBAAIRAxEAPwCWACSbuypw88aR/9k=',
  'base64',
);

/** A real 2×2 WebP, encoded once by Chromium's canvas.toDataURL('image/webp'). */
export const WEBP_2X2 = Buffer.from(
  'UklGRhYCAABXRUJQVlA4WAoAAAAgAAAAAQAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggKAAAAHABAJ0BKgIAAgABQCYloAJ0AUAAAP7u/45P0vf/npn/sD/5I+FgAAA=',
  'base64',
);

/** A shot's metadata for `bytes` of `type`, with the dimensions its header holds (the API checks them). */
export function shotMeta(index: number, type: ImageType, bytes: Uint8Array, source: 'visible' | 'fullpage' | 'attachment' = 'visible') {
  const size = readDimensions(bytes, type) ?? { width: 2, height: 2 };
  return { index, source, type, width: size.width, height: size.height, bytes: bytes.length, edited: false };
}

/** A valid ticket whose screenshots metadata matches `files`. */
export function ticketFor(files: { type: ImageType; bytes: Uint8Array }[], overrides: Partial<TicketInput> = {}): TicketInput {
  return sampleTicket({ screenshots: files.map((f, i) => shotMeta(i, f.type, f.bytes)), ...overrides });
}

// --- Multipart --------------------------------------------------------------------------------

/** One part of a hand-encoded multipart body. */
export interface RawPart {
  name: string;
  data: string | Uint8Array;
  filename?: string;
  contentType?: string;
}

/** Encodes parts as multipart/form-data by hand (any names, duplicates, types). */
export function encodeMultipart(parts: RawPart[], boundary = `----osortoo${Math.random().toString(16).slice(2)}`) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.contentType !== undefined) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The usual parts of a ticket: the JSON then one file per screenshot (as the extension sends them). */
export function ticketParts(ticket: unknown, files: { type: string; bytes: Uint8Array }[]): RawPart[] {
  return [
    { name: MULTIPART.ticket, data: JSON.stringify(ticket), filename: 'ticket.json', contentType: 'application/json' },
    ...files.map((f, i) => ({
      name: MULTIPART.screenshot(i),
      data: f.bytes,
      filename: `screenshot-${i}.${f.type.split('/')[1] ?? 'bin'}`,
      contentType: f.type,
    })),
  ];
}

/** POSTs a hand-encoded ticket with fetch. */
export async function postParts(url: string, parts: RawPart[], headers: Record<string, string> = {}): Promise<Response> {
  const { body, contentType } = encodeMultipart(parts);
  return fetch(`${url}/v1/tickets`, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });
}

/** The same, to an app built without a socket (createApp's `request`), for tests that inject into it. */
export async function postPartsTo(app: { request(path: string, init: RequestInit): Response | Promise<Response> }, parts: RawPart[]) {
  const { body, contentType } = encodeMultipart(parts);
  return app.request('/v1/tickets', { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

/**
 * Sends raw bytes over a fresh socket (node:http, so headers and Content-Length are ours) and
 * resolves with the status, or `null` when the server closed without answering.
 */
export function rawRequest(
  url: string,
  options: { method: string; path: string; headers: Record<string, string | number>; body?: Uint8Array; endEarly?: boolean },
): Promise<{ status: number | null; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const req = httpRequest({ host: hostname, port, method: options.method, path: options.path, headers: options.headers, agent: false });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? null, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: res.statusCode ?? null, headers: res.headers, body: '' }));
    });
    req.on('error', () => resolve({ status: null, headers: {}, body: '' }));
    if (options.body) req.write(options.body);
    if (options.endEarly) {
      // Give the bytes a moment to leave, then cut the connection mid-body.
      setTimeout(() => req.destroy(), 20);
    } else {
      req.end();
    }
  });
}

// --- A temporary API ----------------------------------------------------------------------------

export const SUPPORT_TOKEN = 'test-support-token-0123456789abcdef';
export const EXTENSION_ORIGIN = 'chrome-extension://olkiigammefckhmfmlfmbpaejfekofon';

/** A temporary data directory under TMPDIR. */
export function tempDataDir(parent = tmpdir()): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(parent, 'osortoo-api-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts an API on a free port with a fresh data directory (unless one is given). */
export async function startTestApi(options: Partial<StartApiOptions> = {}): Promise<RunningApi & { dataDir: string }> {
  const data = options.dataDir ? undefined : tempDataDir();
  const dataDir = options.dataDir ?? data!.dir;
  const api = await startApi({
    port: 0,
    supportToken: SUPPORT_TOKEN,
    allowedOrigins: [EXTENSION_ORIGIN],
    rateLimit: false,
    ...options,
    dataDir,
  });
  return {
    ...api,
    dataDir,
    async close() {
      await api.close();
      data?.remove();
    },
  };
}

/** Authorization header of the support routes. */
export const supportAuth = { Authorization: `Bearer ${SUPPORT_TOKEN}` };
