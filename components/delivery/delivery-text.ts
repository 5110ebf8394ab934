/**
 * The one place where a ticket's delivery becomes sentences: its stage, why it waits, and what
 * the customer must fix when the API refused it (API error codes, their field issues). The
 * words are in utils/i18n/delivery.ts. The API's own `message` is for developers and in
 * English: it is never shown as the reason, only as a technical detail.
 */
import type { ApiErrorCode, Locale } from '../../utils/contract/schemas';
import type { OutboxFailure, OutboxRecord } from '../../utils/delivery/outbox';
import { DELIVERY_MESSAGES, type DeliveryMessages } from '../../utils/i18n/delivery';
import { format, formatBytes } from '../../utils/i18n/format';

/** Why a queued ticket is still waiting, or undefined before any attempt failed. */
export function waitingReason(failure: OutboxFailure | undefined, locale: Locale): string | undefined {
  if (!failure) return undefined;
  const t = DELIVERY_MESSAGES[locale].waitingBecause;
  if (failure.code === 'rate_limited' || failure.status === 429) return t.rate_limited;
  if (failure.code === 'storage_full' || failure.code === 'quota_exceeded' || failure.status === 507) return t.storage;
  if (failure.code === 'busy') return t.busy;
  if (failure.code === 'network' || failure.code === 'timeout' || failure.code === 'interrupted') return t[failure.code];
  return t.http;
}

/**
 * What the customer must fix, in their language: the error code's meaning first, then one
 * sentence per distinct field issue the API reported (paths such as `ticket.email`,
 * `screenshot-1`). Unknown paths add nothing: the code's sentence already covers them.
 */
export function attentionReasons(failure: OutboxFailure | undefined, locale: Locale): string[] {
  const t = DELIVERY_MESSAGES[locale];
  if (!failure) return [];
  const reasons: string[] = [];
  const code = failure.code as string;
  if (code === 'too_slow') reasons.push(format(t.tooSlow, { size: formatBytes(failure.bytes ?? 0, locale) }));
  else if (code in t.codes) reasons.push(t.codes[code as ApiErrorCode]);
  else reasons.push(format(t.refusedStatus, { status: failure.status ?? '?' }));
  for (const issue of failure.issues ?? []) {
    const sentence = fieldSentence(issue.path, t);
    if (sentence && !reasons.includes(sentence)) reasons.push(sentence);
  }
  return reasons;
}

function fieldSentence(path: string, t: DeliveryMessages): string | undefined {
  const shot = /^(?:screenshot-(\d+)|ticket\.screenshots\.(\d+))/.exec(path);
  if (shot) return format(t.fields.screenshot, { number: Number(shot[1] ?? shot[2]) + 1 });
  const field = /^ticket\.(email|description|diagnostics|context|environment)\b/.exec(path)?.[1] as
    | keyof DeliveryMessages['fields']
    | undefined;
  return field ? t.fields[field] : undefined;
}

/** The one-line summary of where a ticket stands, for lists and the live region. */
export function stateHeadline(record: OutboxRecord, locale: Locale): string {
  const t = DELIVERY_MESSAGES[locale];
  switch (record.state) {
    case 'sent':
      return format(t.sent, { reference: record.result?.reference ?? '' });
    case 'attention':
      return t.attention;
    case 'sending':
      if (record.stage === 'confirming') return t.confirming;
      if (record.stage === 'uploading') return format(t.uploading, { size: formatBytes(record.bytes ?? 0, locale) });
      return t.preparing;
    case 'queued':
      // Not tried yet: the worker is about to take it; say "sending", not "waiting".
      return record.attempts === 0 ? t.preparing : t.waiting;
  }
}
