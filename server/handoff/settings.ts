/**
 * The handoff's settings from the environment: mail to support's helpdesk (SMTP_URL,
 * HANDOFF_EMAIL_TO, HANDOFF_EMAIL_FROM, HANDOFF_EMAIL_LANG), the customer's acknowledgement
 * (CUSTOMER_ACK_EMAIL) and signed webhooks (WEBHOOK_URLS, WEBHOOK_SECRET), plus PUBLIC_URL for the
 * links. Pure, so it can be tested; a half-configured channel is an error, not a silent no-op,
 * because support would wait for mail that never comes.
 */
import type { Locale } from '../../utils/contract/schemas';

export interface EmailSettings {
  smtpUrl: string;
  to: string;
  from: string;
  /** The language of support's mails (the customer's acknowledgement follows the ticket's). */
  locale: Locale;
  /** CUSTOMER_ACK_EMAIL=on: an acknowledgement to the customer in the ticket's language. */
  customerAck: boolean;
}

export interface WebhookSettings {
  urls: string[];
  /** `whsec_` + base64, as the Standard Webhooks libraries take it. */
  secret: string;
}

export interface HandoffSettings {
  email?: EmailSettings;
  webhooks?: WebhookSettings;
  /** Base of the inbox and screenshot links; default: the URL the API listens on. */
  publicUrl?: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * @throws Error naming the variable, on a value that cannot be used or a channel half set.
 */
export function handoffSettingsFromEnv(env: Record<string, string | undefined>): HandoffSettings {
  const settings: HandoffSettings = {};
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl) settings.publicUrl = httpUrl(publicUrl, 'PUBLIC_URL').replace(/\/+$/, '');

  const smtpUrl = env.SMTP_URL?.trim();
  const to = env.HANDOFF_EMAIL_TO?.trim();
  const from = env.HANDOFF_EMAIL_FROM?.trim();
  const ack = (env.CUSTOMER_ACK_EMAIL?.trim() ?? 'off').toLowerCase();
  if (!['on', 'off', ''].includes(ack)) throw new Error(`CUSTOMER_ACK_EMAIL must be "on" or "off", got "${env.CUSTOMER_ACK_EMAIL}"`);
  if (smtpUrl || to || from) {
    if (!smtpUrl) throw new Error('SMTP_URL is required when HANDOFF_EMAIL_TO or HANDOFF_EMAIL_FROM is set');
    if (!/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new Error('SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465');
    if (!to || !EMAIL.test(to)) throw new Error(`HANDOFF_EMAIL_TO must be support's helpdesk address, got "${to ?? ''}"`);
    if (!from || !EMAIL.test(from)) throw new Error(`HANDOFF_EMAIL_FROM must be the sending address, got "${from ?? ''}"`);
    const lang = env.HANDOFF_EMAIL_LANG?.trim() || 'en';
    if (lang !== 'en' && lang !== 'fr') throw new Error(`HANDOFF_EMAIL_LANG must be "en" or "fr", got "${lang}"`);
    settings.email = { smtpUrl, to, from, locale: lang, customerAck: ack === 'on' };
  } else if (ack === 'on') {
    throw new Error('CUSTOMER_ACK_EMAIL=on needs SMTP_URL, HANDOFF_EMAIL_TO and HANDOFF_EMAIL_FROM');
  }

  const urls = (env.WEBHOOK_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
  const secret = env.WEBHOOK_SECRET?.trim();
  if (urls.length > 0 || secret) {
    if (urls.length === 0) throw new Error('WEBHOOK_URLS is required when WEBHOOK_SECRET is set');
    if (!secret) throw new Error('WEBHOOK_SECRET (whsec_…) is required when WEBHOOK_URLS is set');
    checkSecret(secret);
    settings.webhooks = { urls: [...new Set(urls.map((u) => httpUrl(u, 'WEBHOOK_URLS')))], secret };
  }
  return settings;
}

/** Whether anything is handed off at all. */
export function handoffConfigured(settings: HandoffSettings): boolean {
  return settings.email !== undefined || settings.webhooks !== undefined;
}

/** The spec's symmetric secret: `whsec_` and base64 of 24 to 64 random bytes. */
function checkSecret(secret: string): void {
  const body = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : '';
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(body) ? Buffer.from(body, 'base64').length : 0;
  if (bytes < 24 || bytes > 64) {
    throw new Error('WEBHOOK_SECRET must be "whsec_" followed by base64 of 24 to 64 random bytes, e.g. whsec_$(openssl rand -base64 32)');
  }
}

function httpUrl(raw: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name}: "${raw}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${name}: "${raw}" must be http(s)`);
  return parsed.toString();
}
