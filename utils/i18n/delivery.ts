/**
 * Everything the customer reads about a ticket's delivery, in French and English: its stages,
 * why it waits, and what the API's error codes and field issues mean for them. The sentences
 * are chosen by components/delivery/delivery-text.ts.
 */
import type { ApiErrorCode } from '../contract/schemas';
import type { Translation } from './format';

const en = {
  preparing: 'Preparing your ticket…',
  uploading: 'Sending your ticket ({size})…',
  uploadingDetail: 'Uploading and waiting for support’s confirmation.',
  confirming: 'Support answered: checking the confirmation…',
  stepOf: 'Step {step} of 3',
  waiting: 'Not sent yet: support does not have this ticket.',
  waitingHint: 'It will be sent automatically; you can close this window.',
  whatToDo: 'What you can do: check that you are online and press “Try now”, or simply wait: it keeps trying on its own.',
  nextTry: 'Next try around {time}.',
  retrying: 'Trying again now…',
  sent: 'Sent to support. Reference: {reference}.',
  sentHint: 'Quote this reference if you write to support.',
  attention: 'This ticket needs your attention: support could not accept it.',
  attentionHint: 'It stays here until you fix or discard it.',
  discarded: 'This ticket was discarded.',
  technicalDetail: 'Technical details',
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
    storage: 'Support’s server is out of room for now: your ticket is kept and will be sent later.',
    busy: 'Support’s server is busy receiving other tickets: yours will be sent in a moment.',
  },
  /** A ticket that timed out on every attempt: the connection is too slow for its size. */
  tooSlow:
    'Your connection is too slow to send this ticket ({size}) in time. Connect to a faster network (Wi-Fi rather than mobile data), then press “Try now”; or remove a screenshot with “Fix and send again”.',
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
    storage_full: 'Support’s server is out of room for now; your ticket will be sent later.',
    quota_exceeded: 'Too much was sent from your connection today; your ticket will be sent later.',
    busy: 'Support’s server is busy; your ticket will be sent in a moment.',
    request_timeout: 'The connection stalled while sending.',
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

const fr: Translation<typeof en> = {
  preparing: 'Préparation de votre demande…',
  uploading: 'Envoi de votre demande ({size})…',
  uploadingDetail: 'Transfert puis attente de la confirmation du support.',
  confirming: 'Le support a répondu : vérification de la confirmation…',
  stepOf: 'Étape {step} sur 3',
  waiting: 'Pas encore envoyée : le support n’a pas cette demande.',
  waitingHint: 'Elle partira automatiquement ; vous pouvez fermer cette fenêtre.',
  whatToDo:
    'Ce que vous pouvez faire : vérifiez votre connexion Internet puis « Essayer maintenant », ou attendez simplement : elle réessaie toute seule.',
  nextTry: 'Prochain essai vers {time}.',
  retrying: 'Nouvel essai en cours…',
  sent: 'Envoyée au support. Référence : {reference}.',
  sentHint: 'Indiquez cette référence si vous écrivez au support.',
  attention: 'Cette demande nécessite votre attention : le support n’a pas pu l’accepter.',
  attentionHint: 'Elle reste ici jusqu’à ce que vous la corrigiez ou l’abandonniez.',
  discarded: 'Cette demande a été abandonnée.',
  technicalDetail: 'Détails techniques',
  retryNow: 'Essayer maintenant',
  discard: 'Abandonner',
  fix: 'Corriger et renvoyer',
  fixTitle: 'Corriger cette demande',
  fixEmail: 'Adresse e-mail',
  fixDescription: 'Description',
  fixKeepScreenshot: 'Envoyer la capture {number} ({size})',
  fixSend: 'Renvoyer',
  fixCancel: 'Annuler',
  fixInvalid: 'Vérifiez l’adresse e-mail et la description : les deux sont nécessaires.',
  newTicket: 'Nouvelle demande',
  outboxTitle: 'Demandes pas encore envoyées',
  untitled: '(sans description)',
  waitingBecause: {
    network: 'Le support est injoignable : vous êtes peut-être hors ligne.',
    timeout: 'Le support n’a pas répondu à temps.',
    http: 'Le support est momentanément indisponible.',
    interrupted: 'Le dernier essai a été interrompu.',
    rate_limited: 'Le support a demandé d’attendre un peu avant de renvoyer.',
    storage: 'Le serveur du support manque de place pour le moment : votre demande est conservée et partira plus tard.',
    busy: 'Le serveur du support reçoit d’autres demandes : la vôtre partira dans un instant.',
  },
  tooSlow:
    'Votre connexion est trop lente pour envoyer cette demande ({size}) à temps. Connectez-vous à un réseau plus rapide (Wi-Fi plutôt que données mobiles), puis appuyez sur « Essayer maintenant » ; ou retirez une capture avec « Corriger et renvoyer ».',
  codes: {
    validation_failed: 'Certaines informations de la demande ont été refusées.',
    payload_too_large: 'La demande est trop volumineuse : retirez une capture ou raccourcissez la description.',
    unsupported_media_type: 'Une capture d’écran est dans un format que le support ne sait pas lire.',
    unauthorized: 'Cette version de l’extension ne peut pas envoyer de demandes : mettez-la à jour.',
    forbidden: 'Cette version de l’extension ne peut pas envoyer de demandes : mettez-la à jour.',
    not_found: 'L’adresse du support n’est plus à jour : mettez l’extension à jour.',
    idempotency_conflict:
      'Une autre demande a déjà été envoyée sous l’identifiant de celle-ci : abandonnez-la et rédigez une nouvelle demande.',
    rate_limited: 'Trop de demandes en peu de temps.',
    storage_full: 'Le serveur du support manque de place pour le moment ; votre demande partira plus tard.',
    quota_exceeded: 'Trop de données ont été envoyées depuis votre connexion aujourd’hui ; votre demande partira plus tard.',
    busy: 'Le serveur du support est occupé ; votre demande partira dans un instant.',
    request_timeout: 'La connexion s’est interrompue pendant l’envoi.',
    internal: 'Le serveur du support a rencontré un problème.',
  },
  refusedStatus: 'Le support a refusé la demande (erreur {status}).',
  fields: {
    email: 'L’adresse e-mail n’est pas valide.',
    description: 'La description est vide ou trop longue.',
    screenshot: 'La capture d’écran n° {number} n’a pas pu être acceptée.',
    diagnostics: 'Les diagnostics recueillis n’ont pas pu être lus.',
    context: 'Les informations du tirage n’ont pas pu être lues.',
    environment: 'Les informations du navigateur n’ont pas pu être lues.',
  },
};

export const DELIVERY_MESSAGES = { en, fr };

export type DeliveryMessages = typeof en;
