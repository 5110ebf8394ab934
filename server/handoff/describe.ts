/**
 * What `npm run api` and `npm start` print about the handoff: whether mail and webhooks are on,
 * where they go, and, when they are off, the settings that turn them on (a support team trying
 * the API should not have to read the code to point it at their mailbox).
 */
import type { HandoffSettings } from './settings';

/** Hides the password of an SMTP URL before it is printed. */
export function redactSmtpUrl(url: string): string {
  return url.replace(/^(smtps?:\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}

export function describeHandoff(settings: HandoffSettings, apiUrl: string): string[] {
  const lines: string[] = [];
  const links = settings.publicUrl ?? apiUrl;
  if (settings.email) {
    const { email } = settings;
    lines.push(`mail: ON — to ${email.to} from ${email.from} via ${redactSmtpUrl(email.smtpUrl)} (${email.locale})`);
    lines.push(
      `customer acknowledgement: ${email.customerAck ? 'ON (in the ticket’s language)' : 'off (CUSTOMER_ACK_EMAIL=on turns it on)'}`,
    );
  } else {
    lines.push('mail: off — to send every ticket to your helpdesk mailbox, set');
    lines.push(
      '  SMTP_URL=smtp://user:pass@smtp.example.com:587 HANDOFF_EMAIL_TO=support@yourhelpdesk.com HANDOFF_EMAIL_FROM=tickets@yourdomain.com',
    );
  }
  if (settings.webhooks) {
    lines.push(`webhooks: ON — ${settings.webhooks.urls.join(', ')} (signed per Standard Webhooks)`);
  } else {
    lines.push('webhooks: off — to sign and post every ticket event, set');
    lines.push('  WEBHOOK_URLS=https://automation.example.com/hook WEBHOOK_SECRET=whsec_$(openssl rand -base64 32)');
  }
  lines.push(`links in mails and payloads start with ${links}${settings.publicUrl ? '' : ' (PUBLIC_URL changes it)'}`);
  return lines;
}
