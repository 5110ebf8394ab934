import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MULTIPART, TicketSchema, type Ticket } from '../utils/contract/schemas';
import { detectImageType } from '../utils/contract/image-type';
import { LIMITS } from '../utils/contract/limits';
import { ApiFailure, type Issue } from './errors';
import type { StoredScreenshot } from './db';
import { readDimensions } from './image-dimensions';

/** A ticket request that passed every check, ready to store. */
export interface AcceptedTicket {
  ticket: Ticket;
  idempotencyKey: string;
  /** sha256 over the ticket JSON text and each file's bytes (not the raw multipart: boundaries differ per send). */
  fingerprint: string;
  screenshots: StoredScreenshot[];
  /** The ticket JSON's and the screenshots' bytes: what storing it costs (the per-address quota). */
  storedBytes: number;
}

const SCREENSHOT_FIELD = /^screenshot-(0|[1-9]\d{0,2})$/;
const uuid = z.uuid();
/**
 * Part Content-Types that declare nothing: absent, generic binary, and text/plain, which the
 * multipart parser reports for a file part sent without any Content-Type (the spec's default).
 */
const UNDECLARED_PART_TYPES = new Set(['', 'application/octet-stream', 'text/plain']);

/**
 * Validates the header form of `Idempotency-Key` before the body is read.
 * @returns the key in lower case, or undefined when the header is absent.
 */
export function parseIdempotencyHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = value.trim().toLowerCase();
  if (!uuid.safeParse(key).success) {
    throw new ApiFailure(400, 'validation_failed', 'Idempotency-Key must be a UUID', [
      { path: 'Idempotency-Key', message: 'must be a UUID' },
    ]);
  }
  return key;
}

/**
 * Checks a parsed multipart body of `POST /v1/tickets` against the contract: the `ticket`
 * part with TicketSchema, then each `screenshot-<i>` file against its metadata (present, no
 * extra or duplicate part, size equal to `bytes`, type detected from the magic bytes equal to
 * the declared one). Type problems answer 415, everything else 400 (413 for sizes).
 *
 * @throws ApiFailure with the failing paths as issues.
 */
export async function acceptTicket(form: FormData, headerKey: string | undefined): Promise<AcceptedTicket> {
  // 1. Field names: only the ticket and screenshot parts, each once.
  const seen = new Map<string, number>();
  const nameIssues: Issue[] = [];
  for (const [name] of form.entries()) {
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  for (const [name, count] of seen) {
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    if (name !== MULTIPART.ticket && !SCREENSHOT_FIELD.test(name)) {
      nameIssues.push({ path: shown, message: 'unexpected multipart field' });
    } else if (count > 1) {
      nameIssues.push({ path: shown, message: `sent ${count} times; expected once` });
    }
  }
  if (nameIssues.length > 0) throw new ApiFailure(400, 'validation_failed', 'Unexpected multipart fields', nameIssues);

  // 2. The ticket JSON (a plain field, or a file part such as a Blob of type application/json).
  const ticketPart = form.get(MULTIPART.ticket);
  if (ticketPart === null) {
    throw new ApiFailure(400, 'validation_failed', 'The ticket part is missing', [{ path: MULTIPART.ticket, message: 'required' }]);
  }
  const ticketSize = typeof ticketPart === 'string' ? Buffer.byteLength(ticketPart, 'utf8') : ticketPart.size;
  if (ticketSize > LIMITS.ticketJsonBytes) {
    throw new ApiFailure(413, 'payload_too_large', `The ticket JSON is over ${LIMITS.ticketJsonBytes} bytes`, [
      { path: MULTIPART.ticket, message: `${ticketSize} bytes; at most ${LIMITS.ticketJsonBytes}` },
    ]);
  }
  const ticketText = typeof ticketPart === 'string' ? ticketPart : await ticketPart.text();
  let json: unknown;
  try {
    json = JSON.parse(ticketText);
  } catch {
    throw new ApiFailure(400, 'validation_failed', 'The ticket part is not valid JSON', [
      { path: MULTIPART.ticket, message: 'not valid JSON' },
    ]);
  }
  const parsed = TicketSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: [MULTIPART.ticket, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new ApiFailure(400, 'validation_failed', 'The ticket does not match the contract', issues);
  }
  const ticket = parsed.data;

  // 3. The idempotency key: the header, else the ticket's own; both present must agree.
  const bodyKey = ticket.idempotencyKey.toLowerCase();
  if (headerKey !== undefined && headerKey !== bodyKey) {
    throw new ApiFailure(400, 'validation_failed', 'Idempotency-Key differs from ticket.idempotencyKey', [
      { path: 'Idempotency-Key', message: 'must equal ticket.idempotencyKey' },
    ]);
  }

  // 4. Files against their metadata.
  const files = new Map<number, File>();
  const fileIssues: Issue[] = [];
  for (const [name, value] of form.entries()) {
    const match = SCREENSHOT_FIELD.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    if (typeof value === 'string') {
      fileIssues.push({ path: name, message: 'must be a file part' });
    } else if (index >= ticket.screenshots.length) {
      fileIssues.push({ path: name, message: `no entry ${index} in ticket.screenshots` });
    } else {
      files.set(index, value);
    }
  }
  for (const [index, file] of files) {
    if (file.size > LIMITS.screenshotBytes) {
      throw new ApiFailure(413, 'payload_too_large', `A screenshot is over ${LIMITS.screenshotBytes} bytes`, [
        { path: MULTIPART.screenshot(index), message: `${file.size} bytes; at most ${LIMITS.screenshotBytes}` },
      ]);
    }
  }
  ticket.screenshots.forEach((meta, index) => {
    const file = files.get(index);
    if (!file) fileIssues.push({ path: MULTIPART.screenshot(index), message: 'missing file part' });
    else if (file.size !== meta.bytes) {
      fileIssues.push({ path: MULTIPART.screenshot(index), message: `is ${file.size} bytes; metadata says ${meta.bytes}` });
    }
  });
  if (fileIssues.length > 0) throw new ApiFailure(400, 'validation_failed', 'Screenshot parts do not match the metadata', fileIssues);

  const typeIssues: Issue[] = [];
  const screenshots: StoredScreenshot[] = [];
  for (const meta of ticket.screenshots) {
    const file = files.get(meta.index)!;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const detected = detectImageType(bytes);
    const path = MULTIPART.screenshot(meta.index);
    const partType = file.type.split(';')[0]!.trim().toLowerCase();
    if (detected === null) {
      typeIssues.push({ path, message: 'not a PNG, JPEG or WebP image' });
    } else if (detected !== meta.type) {
      typeIssues.push({ path, message: `the bytes are ${detected}; metadata says ${meta.type}` });
    } else if (!UNDECLARED_PART_TYPES.has(partType) && partType !== detected) {
      typeIssues.push({ path, message: `the bytes are ${detected}; the part says ${partType}` });
    } else if (readDimensions(bytes, detected) === null) {
      typeIssues.push({ path, message: `not a readable ${detected} header` });
    } else {
      screenshots.push({ index: meta.index, contentType: detected, bytes });
    }
  }
  if (typeIssues.length > 0) {
    throw new ApiFailure(415, 'unsupported_media_type', 'Only PNG, JPEG and WebP screenshots are accepted', typeIssues);
  }

  // 5. Real dimensions (from the header) bounded, and equal to what the metadata says: support
  // sees the metadata before opening the file, and a small file may declare a gigapixel image.
  const sizeIssues: Issue[] = [];
  for (const shot of screenshots) {
    const { width, height } = readDimensions(shot.bytes, shot.contentType)!;
    const meta = ticket.screenshots[shot.index]!;
    const path = MULTIPART.screenshot(shot.index);
    if (width > LIMITS.screenshotMaxSide || height > LIMITS.screenshotMaxSide || width * height > LIMITS.screenshotMaxPixels) {
      sizeIssues.push({
        path,
        message: `is ${width}×${height}; at most ${LIMITS.screenshotMaxSide} per side and ${LIMITS.screenshotMaxPixels} pixels`,
      });
    } else if (width !== meta.width || height !== meta.height) {
      sizeIssues.push({ path, message: `is ${width}×${height}; metadata says ${meta.width}×${meta.height}` });
    }
  }
  if (sizeIssues.length > 0) throw new ApiFailure(400, 'validation_failed', 'Screenshot dimensions are refused', sizeIssues);

  const storedBytes = Buffer.byteLength(ticketText, 'utf8') + screenshots.reduce((sum, shot) => sum + shot.bytes.length, 0);
  return { ticket, idempotencyKey: headerKey ?? bodyKey, fingerprint: fingerprint(ticketText, screenshots), screenshots, storedBytes };
}

/** Length-prefixed so that moving bytes from one part to the next changes the digest. */
function fingerprint(ticketText: string, screenshots: StoredScreenshot[]): string {
  const hash = createHash('sha256');
  const text = Buffer.from(ticketText, 'utf8');
  hash.update(`ticket:${text.length}:`).update(text);
  for (const shot of screenshots) hash.update(`|screenshot-${shot.index}:${shot.bytes.length}:`).update(shot.bytes);
  return hash.digest('hex');
}
