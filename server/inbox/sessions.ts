/**
 * The inbox's sign-in sessions: a random id in an HttpOnly, SameSite=Strict cookie that expires,
 * mapped in memory to its expiry. Only the id's SHA-256 is kept, so a heap dump holds no usable
 * cookie. Sessions end with the process (a restart signs support out), which suits one reference
 * server; the bearer routes stay for scripts.
 */
import { randomBytes } from 'node:crypto';
import { sha256 } from '../ids';

/** A working day: support signs in once in the morning. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'oso_inbox_session';
/** Sessions kept at most; the oldest go first (a loop of sign-ins cannot grow memory). */
const MAX_SESSIONS = 1000;

export class InboxSessions {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly now: () => Date,
    readonly ttlMs = SESSION_TTL_MS,
  ) {}

  /** A new session's cookie value. */
  create(): string {
    const id = randomBytes(32).toString('base64url');
    if (this.expiries.size >= MAX_SESSIONS) {
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    this.expiries.set(key(id), this.now().getTime() + this.ttlMs);
    return id;
  }

  /** Whether the cookie value is a live session (an expired one is forgotten). */
  valid(id: string | undefined): boolean {
    if (!id || id.length > 100) return false;
    const k = key(id);
    const expiry = this.expiries.get(k);
    if (expiry === undefined) return false;
    if (expiry <= this.now().getTime()) {
      this.expiries.delete(k);
      return false;
    }
    return true;
  }

  end(id: string | undefined): void {
    if (id) this.expiries.delete(key(id));
  }
}

const key = (id: string) => sha256(id).toString('hex');
