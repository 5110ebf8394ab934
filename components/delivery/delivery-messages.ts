/**
 * Everything the customer reads about a ticket's delivery, in French and English, and the one
 * place where failures (API error codes, their field issues, network failures) become
 * sentences. The API's own `message` is for developers and in English: it is never shown as
 * the reason, only as a technical detail.
 */
import type { ApiErrorCode, Locale } from '../../utils/contract/schemas';
import { format } from '../../utils/i18n/format';
import type { OutboxFailure, OutboxRecord } from '../../utils/delivery/outbox';

const en = {
  preparing: 'Preparing your ticket…',
  uploading: 'Sending your ticket ({size})…',
  uploadingDetail: 'Uploading and waiting for support’s confirmation.',
  confirming: 'Support answered: checking the confirmation…',
  stepOf: 'Step {step} of 3',
  waiting: 'Waiting to be sent.',
  waitingHint: 'It will be sent automatically; you can close this window.',
  nextTry: 'Next try around {time}.',
  sent: 'Sent. Your ticket reference is {reference}.',
  sentHint: 'Quote this reference if you write to support.',
  attention: 'This ticket needs your attention: support could not accept it.',
  attentionHint: 'It stays here until you fix or discard it.',
  discarded: 'This ticket was discarded.',
  technicalDetail: 'Technical detail',
  retryNow: 'Try now',
  discard: 'Discard',
  fix: 'Fix and send again',
  fixTitle: 'Correct this ticket',
  fixEmail: 'E-mail',
  fixDescription: 'Description',
  fixKeepScreenshot: 'Send screenshot {number} ({size})',
  fixSend: 'Send again',
  fixCancel: 'Cancel',
  fixInvalid: 'Check the e-mail address and the description: both are needed.',
  newTicket: 'New ticket',
  outboxTitle: 'Tickets not sent yet',
  untitled: '(no description)',
  /** Why a ticket is still waiting. */
  waitingBecause: {
    network: 'Support cannot be reached: you may be offline.',
    timeout: 'Support did not answer in time.',
    http: 'Support is temporarily unavailable.',
    interrupted: 'The last attempt was interrupted.',
    rate_limited: 'Support asked to wait a moment before sending again.',
  },
  /** What an API error code means for the customer. */
  codes: {
    validation_failed: 'Some information in the ticket was refused.',
    payload_too_large: 'The ticket is too large: remove a screenshot or shorten the description.',
    unsupported_media_type: 'A screenshot is in a format support cannot read.',
    unauthorized: 'This version of the extension may not send tickets: update it.',
    forbidden: 'This version of the extension may not send tickets: update it.',
    not_found: 'The support address is out of date: update the extension.',
    idempotency_conflict: 'Another ticket was already sent under this ticket’s identifier: discard this one and write a new ticket.',
    rate_limited: 'Too many tickets in a short time.',
    internal: 'Support’s server had a problem.',
  } satisfies Record<ApiErrorCode, string>,
  refusedStatus: 'Support refused the ticket (error {status}).',
  /** What a field issue means, by the field's path. */
  fields: {
    email: 'The e-mail address is not valid.',
    description: 'The description is empty or too long.',
    screenshot: 'Screenshot {number} could not be accepted.',
    diagnostics: 'The collected diagnostics could not be read.',
    context: 'The draw information could not be read.',
    environment: 'The browser information could not be read.',
  },
};

export type DeliveryMessages = typeof en;

const fr: DeliveryMessages = {
  preparing: 'Préparation de votre demande…',
  uploading: 'Envoi de votre demande ({size})…',
  uploadingDetail: 'Transfert puis attente de la confirmation du support.',
  confirming: 'Le support a répondu : vérification de la confirmation…',
  stepOf: 'Étape {step} sur 3',
  waiting: 'En attente d’envoi.',
  waitingHint: 'Il partira automatiquement ; vous pouvez fermer cette fenêtre.',
  nextTry: 'Prochain essai vers {time}.',
  sent: 'Envoyé. La référence de votre demande est {reference}.',
  sentHint: 'Indiquez cette référence si vous écrivez au support.',
  attention: 'Cette demande nécessite votre attention : le support n’a pas pu l’accepter.',
  attentionHint: 'Elle reste ici jusqu’à ce que vous la corrigiez ou l’abandonniez.',
  discarded: 'Cette demande a été abandonnée.',
  technicalDetail: 'Détail technique',
  retryNow: 'Essayer maintenant',
  discard: 'Abandonner',
  fix: 'Corriger et renvoyer',
  fixTitle: 'Corriger cette demande',
  fixEmail: 'Courriel',
  fixDescription: 'Description',
  fixKeepScreenshot: 'Envoyer la capture {number} ({size})',
  fixSend: 'Renvoyer',
  fixCancel: 'Annuler',
  fixInvalid: 'Vérifiez l’adresse courriel et la description : les deux sont nécessaires.',
  newTicket: 'Nouvelle demande',
  outboxTitle: 'Demandes pas encore envoyées',
  untitled: '(sans description)',
  waitingBecause: {
    network: 'Le support est injoignable : vous êtes peut-être hors ligne.',
    timeout: 'Le support n’a pas répondu à temps.',
    http: 'Le support est momentanément indisponible.',
    interrupted: 'Le dernier essai a été interrompu.',
    rate_limited: 'Le support a demandé d’attendre un peu avant de renvoyer.',
  },
  codes: {
    validation_failed: 'Certaines informations de la demande ont été refusées.',
    payload_too_large: 'La demande est trop volumineuse : retirez une capture ou raccourcissez la description.',
    unsupported_media_type: 'Une capture d’écran est dans un format que le support ne sait pas lire.',
    unauthorized: 'Cette version de l’extension ne peut pas envoyer de demandes : mettez-la à jour.',
    forbidden: 'Cette version de l’extension ne peut pas envoyer de demandes : mettez-la à jour.',
    not_found: 'L’adresse du support n’est plus à jour : mettez l’extension à jour.',
    idempotency_conflict: 'Une autre demande a déjà été envoyée sous l’identifiant de celle-ci : abandonnez-la et rédigez une nouvelle demande.',
    rate_limited: 'Trop de demandes en peu de temps.',
    internal: 'Le serveur du support a rencontré un problème.',
  },
  refusedStatus: 'Le support a refusé la demande (erreur {status}).',
  fields: {
    email: 'L’adresse courriel n’est pas valide.',
    description: 'La description est vide ou trop longue.',
    screenshot: 'La capture d’écran n° {number} n’a pas pu être acceptée.',
    diagnostics: 'Les diagnostics recueillis n’ont pas pu être lus.',
    context: 'Les informations du tirage n’ont pas pu être lues.',
    environment: 'Les informations du navigateur n’ont pas pu être lues.',
  },
};

export const DELIVERY_MESSAGES: Record<Locale, DeliveryMessages> = { en, fr };

/** Fills `{name}` placeholders: the form's own helper, under the name this module uses. */
export const fill = format;

/** "84 KB", "1.2 MB" in the customer's number format. */
export function formatSize(bytes: number, locale: Locale): string {
  const mb = bytes >= 1_000_000;
  const value = mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1_000));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: mb ? 1 : 0 }).format(value);
  return `${number}\u00a0${mb ? (locale === 'fr' ? 'Mo' : 'MB') : locale === 'fr' ? 'ko' : 'KB'}`;
}

/** Why a queued ticket is still waiting, or undefined before any attempt failed. */
export function waitingReason(failure: OutboxFailure | undefined, locale: Locale): string | undefined {
  if (!failure) return undefined;
  const t = DELIVERY_MESSAGES[locale].waitingBecause;
  if (failure.code === 'rate_limited' || failure.status === 429) return t.rate_limited;
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
  if (code in t.codes) reasons.push(t.codes[code as ApiErrorCode]);
  else reasons.push(fill(t.refusedStatus, { status: failure.status ?? '?' }));
  for (const issue of failure.issues ?? []) {
    const sentence = fieldSentence(issue.path, t);
    if (sentence && !reasons.includes(sentence)) reasons.push(sentence);
  }
  return reasons;
}

function fieldSentence(path: string, t: DeliveryMessages): string | undefined {
  const shot = /^(?:screenshot-(\d+)|ticket\.screenshots\.(\d+))/.exec(path);
  if (shot) return fill(t.fields.screenshot, { number: Number(shot[1] ?? shot[2]) + 1 });
  const field = /^ticket\.(email|description|diagnostics|context|environment)\b/.exec(path)?.[1] as keyof DeliveryMessages['fields'] | undefined;
  return field ? t.fields[field] : undefined;
}

/** The one-line summary of where a ticket stands, for lists and the live region. */
export function stateHeadline(record: OutboxRecord, locale: Locale): string {
  const t = DELIVERY_MESSAGES[locale];
  switch (record.state) {
    case 'sent':
      return fill(t.sent, { reference: record.result?.reference ?? '' });
    case 'attention':
      return t.attention;
    case 'sending':
      if (record.stage === 'confirming') return t.confirming;
      if (record.stage === 'uploading') return fill(t.uploading, { size: formatSize(record.bytes ?? 0, locale) });
      return t.preparing;
    case 'queued':
      // Not tried yet: the worker is about to take it; say "sending", not "waiting".
      return record.attempts === 0 ? t.preparing : t.waiting;
  }
}
