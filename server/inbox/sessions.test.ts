import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { SupportDb } from '../db';
import { InboxSessions, SESSION_TTL_MS } from './sessions';

describe('inbox sessions', () => {
  it('expire after their lifetime and end at sign-out', () => {
    let now = Date.parse('2026-12-01T14:00:00Z');
    const sessions = new InboxSessions(() => new Date(now));
    const a = sessions.create();
    const b = sessions.create();
    expect(sessions.valid(a)).toBe(true);
    sessions.end(b);
    expect(sessions.valid(b)).toBe(false);
    now += SESSION_TTL_MS - 1;
    expect(sessions.valid(a)).toBe(true);
    now += 1;
    expect(sessions.valid(a)).toBe(false);
    expect(sessions.valid(undefined)).toBe(false);
    expect(sessions.valid('x'.repeat(200))).toBe(false);
  });

  it('gives a Secure cookie over https', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oso-inbox-'));
    const db = SupportDb.open(dir, () => new Date());
    try {
      const app = createApp({ db, supportToken: 'token-0123456789abcdef', allowedOrigins: [], rateLimit: false, now: () => new Date() });
      const res = await app.request('https://support.example/inbox/sign-in', {
        method: 'POST',
        headers: { Origin: 'https://support.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'token=token-0123456789abcdef',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
