/**
 * Links that webhook payloads carry instead of inline images: an inbox link, and screenshot
 * links signed with HMAC-SHA256 over (ticket, index, expiry) so that a helpdesk automation can
 * fetch the image without the support token, and only until the link expires.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Long enough to outlive the retry schedule (about three days) with days to spare. */
export const SCREENSHOT_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The path of the signed screenshot route (server/handoff/routes.ts). */
export const SIGNED_SCREENSHOT_PATH = '/v1/handoff/screenshots';

export function inboxLink(publicUrl: string, ticketId: string): string {
  return `${publicUrl}/inbox/tickets/${encodeURIComponent(ticketId)}`;
}

function signature(key: Buffer, ticketId: string, index: number, expires: number): string {
  return createHmac('sha256', key).update(`${ticketId}\n${index}\n${expires}`).digest('base64url');
}

/** A screenshot link valid until `expiresAt`. */
export function signedScreenshotLink(publicUrl: string, key: Buffer, ticketId: string, index: number, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const sig = signature(key, ticketId, index, expires);
  return `${publicUrl}${SIGNED_SCREENSHOT_PATH}/${encodeURIComponent(ticketId)}/${index}?expires=${expires}&sig=${sig}`;
}

/** Why a signed link is refused, or undefined when it is valid at `now`. */
export function checkScreenshotLink(
  key: Buffer,
  link: { ticketId: string; index: number; expires: string | undefined; sig: string | undefined },
  now: Date,
): 'malformed' | 'expired' | 'bad-signature' | undefined {
  if (!link.expires || !/^\d{1,12}$/.test(link.expires) || !link.sig || !/^[A-Za-z0-9_-]{43}$/.test(link.sig)) return 'malformed';
  const expires = Number(link.expires);
  const expected = Buffer.from(signature(key, link.ticketId, link.index, expires));
  // Signature first: an expired link is only called expired when it is one of ours.
  if (!timingSafeEqual(expected, Buffer.from(link.sig))) return 'bad-signature';
  if (expires * 1000 <= now.getTime()) return 'expired';
  return undefined;
}
