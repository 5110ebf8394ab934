/**
 * One webhook attempt: POST the frozen body signed per the Standard Webhooks specification with
 * its reference library (`webhook-id`, `webhook-timestamp`, `webhook-signature`), and read the
 * answer as the spec's "Delivery success and failure" says: 2xx delivered; 410 the endpoint is
 * gone; Retry-After honoured on 429 and 503; anything else (3xx included: redirects are not
 * followed) a failure to retry.
 */
import { Webhook } from 'standardwebhooks';
import { parseRetryAfter } from './backoff';

/** The spec recommends a request timeout between 15 and 30 s. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

export type SendOutcome =
  | { kind: 'delivered'; httpStatus?: number }
  | { kind: 'gone'; httpStatus: number; error: string }
  | { kind: 'retry'; httpStatus?: number; error: string; retryAfterMs?: number };

export async function sendWebhook(input: {
  url: string;
  secret: string;
  webhookId: string;
  body: string;
  now: Date;
  timeoutMs?: number;
}): Promise<SendOutcome> {
  const signer = new Webhook(input.secret);
  const timestamp = input.now;
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'osortoo-support-handoff/1',
    'webhook-id': input.webhookId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signer.sign(input.webhookId, timestamp, input.body),
  };
  let response: Response;
  try {
    response = await fetch(input.url, {
      method: 'POST',
      headers,
      body: input.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(input.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'retry', error: networkError(error) };
  }
  // Drain the body so the connection can be reused; its content is not ours to keep.
  await response.arrayBuffer().catch(() => undefined);
  const status = response.status;
  if (status >= 200 && status < 300) return { kind: 'delivered', httpStatus: status };
  if (status === 410) return { kind: 'gone', httpStatus: status, error: `410 Gone: the endpoint asked not to receive webhooks any more` };
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after'), input.now) : undefined;
  return {
    kind: 'retry',
    httpStatus: status,
    error: `HTTP ${status}${retryAfterMs !== undefined ? ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)` : ''}`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

function networkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
