/**
 * "My tickets" (components/delivery/my-tickets.tsx): the list of the tickets sent from this
 * browser and their live status. The category names are the form's (form.ts), so the list
 * names a ticket the way the customer chose it.
 */
import type { Plural, Translation } from './format';

const en = {
  myTicketsTitle: 'My tickets',
  myTicketsEmpty: 'No ticket sent from this browser yet.',
  myTicketsNoneDelivered: 'None of your tickets has reached support yet: they are listed above, with what you can do.',
  /** An answered ticket says where the answer is; `{email}` is masked (m***@example.com). */
  answeredWhere: '{status} — see your inbox {email}',
  refresh: 'Refresh',
  refreshing: 'Checking the status of your tickets…',
  checkedAt: 'Status checked at {time}.',
  sentOn: 'Sent {date}',
  ticketStatus: { received: 'Received', acknowledged: 'Acknowledged', answered: 'Answered', closed: 'Closed', spam: 'Closed' },
  ticketStatusPending: 'Waiting to be sent',
  ticketStatusAttention: 'Needs your attention',
  /** Why a live status could not be read (utils/delivery/my-tickets.ts, StatusFailure). */
  statusUnavailable: {
    network: 'Status unavailable: support cannot be reached right now.',
    unauthorized: 'Status unavailable: this browser’s access to the ticket was refused.',
    not_found: 'Support no longer has this ticket.',
    invalid: 'Status unavailable: support’s answer could not be read.',
  },
  ticketsSummary: { one: '{count} ticket', other: '{count} tickets' } as Plural,
};

const fr: Translation<typeof en> = {
  myTicketsTitle: 'Mes demandes',
  myTicketsEmpty: 'Aucune demande envoyée depuis ce navigateur pour l’instant.',
  myTicketsNoneDelivered:
    'Aucune de vos demandes n’est encore arrivée au support : elles sont listées ci-dessus, avec ce que vous pouvez faire.',
  answeredWhere: '{status} — voir votre boîte e-mail {email}',
  refresh: 'Actualiser',
  refreshing: 'Vérification de l’état de vos demandes…',
  checkedAt: 'État vérifié à {time}.',
  sentOn: 'Envoyée le {date}',
  ticketStatus: { received: 'Reçue', acknowledged: 'Prise en compte', answered: 'Répondue', closed: 'Fermée', spam: 'Fermée' },
  ticketStatusPending: 'En attente d’envoi',
  ticketStatusAttention: 'Demande votre attention',
  statusUnavailable: {
    network: 'État indisponible : le support est injoignable pour le moment.',
    unauthorized: 'État indisponible : l’accès de ce navigateur à la demande a été refusé.',
    not_found: 'Le support n’a plus cette demande.',
    invalid: 'État indisponible : la réponse du support est illisible.',
  },
  ticketsSummary: { one: '{count} demande', other: '{count} demandes' },
};

export const MY_TICKETS_MESSAGES = { en, fr };
