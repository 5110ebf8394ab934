/**
 * The extension's side of the HTTP contract: builds the multipart request and turns every
 * answer into a typed outcome. No retry logic here; the delivery queue decides what to do.
 */
import { ApiErrorSchema, MULTIPART, TicketCreatedSchema, type Ticket, type TicketCreated, type ApiError } from '../contract/schemas';

export type SendOutcome =
  | { kind: 'created'; result: TicketCreated }
  /** Worth retrying: network error, timeout, 408, 429, 5xx. */
  | {
      kind: 'retry';
      reason: 'network' | 'timeout' | 'http';
      status?: number;
      retryAfterMs?: number;
      message?: string;
      /** The API's error code when it sent one (storage_full, busy…), so the customer is told why. */
      code?: ApiError['error']['code'];
      /**
       * After a timeout: whether the API answered a small request at once (`apiAnswers`). Yes
       * means the server is up and the upload itself is too slow for the link; no means an outage.
       */
      apiAnswered?: boolean;
    }
  /** The API refused the ticket itself: the customer must fix or discard it. */
  | { kind: 'rejected'; status: number; error: ApiError['error'] };

/** Builds the `POST /v1/tickets` body: the ticket as JSON, then one file part per screenshot. */
export function ticketFormData(ticket: Ticket, screenshots: Blob[]): FormData {
  const form = new FormData();
  form.append(MULTIPART.ticket, new Blob([JSON.stringify(ticket)], { type: 'application/json' }), 'ticket.json');
  screenshots.forEach((blob, index) => {
    const type = ticket.screenshots[index]?.type ?? blob.type;
    form.append(MULTIPART.screenshot(index), blob, `screenshot-${index}.${type.split('/')[1] ?? 'bin'}`);
  });
  return form;
}

/** What the request carries, near enough to say "sending 1.2 MB": the ticket's JSON and the screenshots. */
export function requestBytes(ticket: Ticket, screenshots: Blob[]): number {
  return new TextEncoder().encode(JSON.stringify(ticket)).length + screenshots.reduce((sum, blob) => sum + blob.size, 0);
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date (it names a weekday and month): V8's Date.parse reads "-5" as a year.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * What can honestly be said of a request in flight. fetch() has no upload progress events,
 * and a streamed request body (which would let us count bytes) needs HTTP/2 in Chrome, so over
 * an HTTP/1.1 API it fails outright: we report stages, not a made-up percentage.
 * - `uploading`: the request is on its way (body being sent or the server still reading it);
 * - `confirming`: the server has answered and its answer is being read and checked.
 */
export type SendStage = 'uploading' | 'confirming';

/** Sends one ticket. Never throws: every failure is an outcome. */
export async function sendTicket(
  apiBaseUrl: string,
  ticket: Ticket,
  screenshots: Blob[],
  /** timeoutMs: the whole exchange; callers scale it with the bytes to send (retry-policy.ts uploadTimeoutMs). */
  options: { timeoutMs: number; fetch?: typeof fetch; onStage?: (stage: SendStage) => void },
): Promise<SendOutcome> {
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  // The timeout covers the whole exchange, answer body included: a server that sends headers
  // and then stalls is as stuck as one that never answers.
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let response: Response;
  try {
    options.onStage?.('uploading');
    response = await doFetch(`${apiBaseUrl}/v1/tickets`, {
      method: 'POST',
      headers: { 'Idempotency-Key': ticket.idempotencyKey },
      body: ticketFormData(ticket, screenshots),
      signal: controller.signal,
    });
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted) return { kind: 'retry', reason: 'timeout' };
    return { kind: 'retry', reason: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  try {
    options.onStage?.('confirming');
    const text = await response.text();
    clearTimeout(timer);
    const json = safeJson(text);
    if (response.ok) {
      const parsed = TicketCreatedSchema.safeParse(json);
      if (parsed.success) return { kind: 'created', result: parsed.data };
      // A 2xx we cannot read is the API's fault, not the ticket's: keep it and try again.
      return { kind: 'retry', reason: 'http', status: response.status, message: 'Unreadable answer' };
    }
    if (!isRefusal(response.status)) {
      // 408, 429, 5xx, and anything else that is not the API judging the ticket (a stray 3xx
      // from a captive portal, say): the ticket itself may be fine, so it is kept and retried.
      const error = ApiErrorSchema.safeParse(json);
      return {
        kind: 'retry',
        reason: 'http',
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
        ...(error.success ? { code: error.data.error.code } : {}),
      };
    }
    const error = ApiErrorSchema.safeParse(json);
    return {
      kind: 'rejected',
      status: response.status,
      error: error.success ? error.data.error : { code: 'validation_failed', message: `HTTP ${response.status}` },
    };
  } catch {
    clearTimeout(timer);
    return { kind: 'retry', reason: controller.signal.aborted ? 'timeout' : 'network' };
  }
}

/**
 * Whether the API answers a small request (GET /v1/status) within `timeoutMs`. Asked after an
 * upload timed out, to tell a link too slow for the ticket's bytes (the API answers) from an API
 * that hangs or is unreachable (it does not). Any HTTP answer counts. Never throws.
 */
export async function apiAnswers(apiBaseUrl: string, options: { timeoutMs: number; fetch?: typeof fetch }): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(`${apiBaseUrl}/v1/status`, { signal: controller.signal, cache: 'no-store' });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** A 4xx that judges the ticket itself: retrying the same bytes would get the same answer. */
export function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
