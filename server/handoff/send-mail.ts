/**
 * One mail attempt through nodemailer. A transport per SMTP_URL is kept for the life of the
 * handoff; a refused connection or an SMTP error is a failure to retry on the same schedule as
 * webhooks (a helpdesk's mail server down for an hour must not lose a ticket).
 */
import nodemailer from 'nodemailer';
import type { MailMessage } from './mail';
import type { SendOutcome } from './send-webhook';

export interface MailSender {
  send(message: MailMessage): Promise<SendOutcome>;
  close(): void;
}

export function mailSender(smtpUrl: string): MailSender {
  // Short timeouts: the worker retries on its own schedule, a hanging server must not hold a slot.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send(message) {
      try {
        await transport.sendMail(message);
        return { kind: 'delivered' };
      } catch (error) {
        const e = error as Error & { code?: string; responseCode?: number; response?: string };
        const detail = e.responseCode
          ? `SMTP ${e.responseCode} ${e.response ?? ''}`.trim()
          : e.code
            ? `${e.code}: ${e.message}`
            : e.message;
        return { kind: 'retry', error: detail.slice(0, 300) };
      }
    },
    close() {
      transport.close();
    },
  };
}
