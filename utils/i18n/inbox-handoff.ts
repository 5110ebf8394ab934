/**
 * The handoff section of the inbox's ticket page (server/inbox/handoff-section.tsx): each delivery
 * to support's mail and webhooks with its attempts, and "send again". Read through the inbox's
 * catalogue (`INBOX_MESSAGES[locale].handoff`, utils/i18n/inbox.ts); a file of its own so that
 * neither file outgrows the size the repository keeps.
 */
import type { Translation } from './format';

const en = {
  title: 'Handoff',
  notConfigured: 'The handoff is not configured (SMTP_URL, WEBHOOK_URLS): this ticket was sent to no other tool.',
  noDelivery: 'No delivery for this ticket yet.',
  deliveryTitle: '{event}: {channel}',
  events: {
    created: 'Ticket created',
    status_changed: 'Status changed',
    deadline_at_risk: 'Deadline at risk',
    deadline_overdue: 'Deadline overdue',
  },
  channels: { email: 'e-mail to support', ack: 'acknowledgement to the customer', webhook: 'webhook' },
  destination: 'Destination',
  state: 'State',
  states: { pending: 'Pending', delivered: 'Delivered', failed: 'Failed', disabled: 'Not sent: endpoint disabled' },
  nextAttempt: 'Next attempt',
  lastError: 'Last error',
  endpointDisabled: 'Endpoint disabled',
  endpointDisabledText: 'since {at}: {reason}',
  attemptsCaption: 'Attempts',
  attemptNumber: 'Attempt',
  attemptTime: 'Time',
  outcome: 'Result',
  outcomes: { delivered: 'Delivered', retry: 'Failed, will retry', failed: 'Failed, given up', disabled: 'Endpoint disabled (410)' },
  httpStatus: 'HTTP status',
  error: 'Error',
  noAttempt: 'No attempt yet.',
  sendAgain: 'Send again',
  sendAgainNote: 'Send again delivers now with the same id (the receiver can deduplicate) and re-enables a disabled endpoint.',
};

const fr: Translation<typeof en> = {
  title: 'Transmission',
  notConfigured: 'La transmission n’est pas configurée (SMTP_URL, WEBHOOK_URLS) : cette demande n’a été envoyée à aucun autre outil.',
  noDelivery: 'Aucun envoi pour cette demande pour l’instant.',
  deliveryTitle: '{event} : {channel}',
  events: {
    created: 'Demande créée',
    status_changed: 'Statut modifié',
    deadline_at_risk: 'Délai menacé',
    deadline_overdue: 'Délai dépassé',
  },
  channels: { email: 'courriel au support', ack: 'accusé de réception au client', webhook: 'webhook' },
  destination: 'Destination',
  state: 'État',
  states: { pending: 'En attente', delivered: 'Livré', failed: 'Échec', disabled: 'Non envoyé : point de terminaison désactivé' },
  nextAttempt: 'Prochain essai',
  lastError: 'Dernière erreur',
  endpointDisabled: 'Point de terminaison désactivé',
  endpointDisabledText: 'depuis {at} : {reason}',
  attemptsCaption: 'Essais',
  attemptNumber: 'Essai',
  attemptTime: 'Heure',
  outcome: 'Résultat',
  outcomes: {
    delivered: 'Livré',
    retry: 'Échec, nouvel essai prévu',
    failed: 'Échec, abandonné',
    disabled: 'Point de terminaison désactivé (410)',
  },
  httpStatus: 'Statut HTTP',
  error: 'Erreur',
  noAttempt: 'Aucun essai pour l’instant.',
  sendAgain: 'Renvoyer',
  sendAgainNote:
    'Renvoyer livre tout de suite avec le même identifiant (le destinataire peut dédoublonner) et réactive un point de terminaison désactivé.',
};

export const INBOX_HANDOFF_MESSAGES = { en, fr };
export type InboxHandoffText = typeof en;
