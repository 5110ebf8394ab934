/**
 * Real receivers for the handoff tests: an SMTP server (`smtp-server`) whose mails are read back
 * with `mailparser`, and an HTTP endpoint that verifies every request with the `standardwebhooks`
 * library and answers from a script (500 twice then 200, 429 with Retry-After, 410…).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { startTestApi } from '../test-support';
import { startHandoff } from './handoff';

/** A secret for tests: `whsec_` + base64 of 32 bytes. */
export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

/** A TCP port that was free a moment ago (for "the SMTP server is down, then comes up there"). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface TestSmtp {
  port: number;
  url: string;
  mails: ParsedMail[];
  close(): Promise<void>;
}

/** An SMTP server on `port` (0: any) that keeps every mail it accepts, parsed. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: STARTTLS would need a certificate nodemailer trusts.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The part of a payload's data the tests read by name (server/handoff/payload.ts writes it). */
export interface WebhookData {
  id: string;
  links: { inbox: string; screenshots: { index: number; url: string; expiresAt: string }[] };
  [key: string]: unknown;
}

export interface ReceivedWebhook {
  id: string;
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The verified payload, or undefined when the signature did not verify. */
  payload?: { type: string; timestamp: string; data: WebhookData };
  /** What the receiver answered. */
  status: number;
}

/** The answer to one request: a status and headers. */
export type Answer = { status: number; headers?: Record<string, string> };

export interface TestReceiver {
  url: string;
  requests: ReceivedWebhook[];
  /** Next answers, in order; once empty, `fallback`. */
  script: Answer[];
  fallback: Answer;
  /** The webhook-ids answered 2xx, in order (a receiver's deduplication key). */
  deliveredIds(): string[];
  close(): Promise<void>;
}

export async function startReceiver(
  secret = TEST_WEBHOOK_SECRET,
  script: Answer[] = [],
  fallback: Answer = { status: 200 },
): Promise<TestReceiver> {
  const verifier = new Webhook(secret);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let payload: ReceivedWebhook['payload'];
      try {
        payload = verifier.verify(body, req.headers as Record<string, string>) as ReceivedWebhook['payload'];
      } catch {
        payload = undefined;
      }
      // A request that does not verify is refused like a real receiver would.
      const answer = payload ? (receiver.script.shift() ?? receiver.fallback) : { status: 401 };
      receiver.requests.push({
        id: String(req.headers['webhook-id']),
        at: Date.now(),
        headers: req.headers,
        body,
        payload,
        status: answer.status,
      });
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: TestReceiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    requests: [],
    script,
    fallback,
    deliveredIds: () => receiver.requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.id),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return receiver;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * An API whose handoff posts to one real webhook receiver that answers 500 once, then 200, and
 * retries within milliseconds: every ticket's delivery then holds a failed attempt and a
 * delivered one. What the inbox's handoff section is tested with, over HTTP
 * (server/inbox/inbox.test.ts) and in the browser (tests/e2e/inbox/inbox.test.ts).
 */
export async function startApiWithRetriedWebhook() {
  const receiver = await startReceiver(TEST_WEBHOOK_SECRET, [{ status: 500 }], { status: 200 });
  const api = await startTestApi({ handoffConfigured: true });
  const handoff = startHandoff({
    api,
    dataDir: api.dataDir,
    settings: { webhooks: { urls: [receiver.url], secret: TEST_WEBHOOK_SECRET } },
    backoff: { delaysMs: [40, 40, 40], jitter: 0 },
    pollMs: 20,
    log: () => {},
  });
  return {
    receiver,
    api,
    handoff,
    async close(): Promise<void> {
      await handoff.close();
      await api.close();
      await receiver.close();
    },
  };
}
