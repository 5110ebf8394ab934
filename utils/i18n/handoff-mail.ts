/**
 * The handoff's mails (server/handoff/mail.ts): the mail to support's helpdesk, in the language
 * HANDOFF_EMAIL_LANG names, and the customer's acknowledgement, in the ticket's language. The
 * promise sentences come from the response-time catalogue (utils/i18n/response-time.ts) so the
 * customer reads the same words as in the form.
 */
import type { Plural, Translation } from './format';

const en = {
  /** First line of support's mail: what happened to the ticket. */
  handoffIntro: {
    created: 'New ticket {reference} from {email}.',
    statusChanged: 'Ticket {reference}: status changed from {from} to {to}.',
    deadlineAtRisk: 'Ticket {reference}: the promised reply is due {when}, {minutes} min from now.',
    deadlineOverdue: 'Ticket {reference}: the promised reply was due {when}; it is overdue.',
  },
  /** Subject prefix of later mails about the same ticket (helpdesks also thread by References). */
  handoffFollowUp: {
    statusChanged: 'Status {to}',
    deadlineAtRisk: 'Reply due soon',
    deadlineOverdue: 'Reply overdue',
  },
  handoffPromise: 'Promise: {case}, reply by {when}.',
  handoffNoPromise: 'No promise was stored with this ticket.',
  handoffSections: {
    description: 'Description',
    draw: 'Draw',
    shown: 'What the page showed the customer',
    errors: 'Errors and failed calls',
    environment: 'Environment',
  },
  handoffDraw: 'Page: {url} · draw: {drawId} · account: {account}',
  handoffNone: 'None recorded.',
  handoffKnownProblem: 'Known problem: {id} (matched: {matched})',
  handoffOpen: 'Open in the inbox: {url}',
  handoffAttachments: {
    one: 'Attached: {count} screenshot and the ticket JSON.',
    other: 'Attached: {count} screenshots and the ticket JSON.',
  } as Plural,
  handoffReplyHint: 'Replying to this mail writes to the customer.',
  /** The customer's acknowledgement. */
  ackSubject: 'We received your request {reference}',
  ackGreeting: 'Hello,',
  ackReceived: 'We received your request {reference}. Here is its summary: “{summary}”',
  ackReply: 'To add information or a screenshot, reply to this e-mail; keep {reference} in the subject.',
  ackSignature: 'Osortoo Support',
};

const fr: Translation<typeof en> = {
  handoffIntro: {
    created: 'Nouvelle demande {reference} de {email}.',
    statusChanged: 'Demande {reference}\u00a0: statut passé de {from} à {to}.',
    deadlineAtRisk: 'Demande {reference}\u00a0: la réponse promise est attendue {when}, dans {minutes}\u00a0min.',
    deadlineOverdue: 'Demande {reference}\u00a0: la réponse promise était attendue {when}\u00a0; le délai est dépassé.',
  },
  handoffFollowUp: {
    statusChanged: 'Statut {to}',
    deadlineAtRisk: 'Réponse bientôt due',
    deadlineOverdue: 'Réponse en retard',
  },
  handoffPromise: 'Promesse\u00a0: {case}, réponse au plus tard {when}.',
  handoffNoPromise: 'Aucune promesse n’a été enregistrée avec cette demande.',
  handoffSections: {
    description: 'Description',
    draw: 'Tirage',
    shown: 'Ce que la page a affiché au client',
    errors: 'Erreurs et appels en échec',
    environment: 'Environnement',
  },
  handoffDraw: 'Page\u00a0: {url} · tirage\u00a0: {drawId} · compte\u00a0: {account}',
  handoffNone: 'Rien d’enregistré.',
  handoffKnownProblem: 'Problème connu\u00a0: {id} (reconnu\u00a0: {matched})',
  handoffOpen: 'Ouvrir dans la boîte de réception\u00a0: {url}',
  handoffAttachments: {
    one: 'En pièce jointe\u00a0: {count} capture d’écran et le JSON de la demande.',
    other: 'En pièces jointes\u00a0: {count} captures d’écran et le JSON de la demande.',
  },
  handoffReplyHint: 'Répondre à ce courriel écrit au client.',
  ackSubject: 'Nous avons bien reçu votre demande {reference}',
  ackGreeting: 'Bonjour,',
  ackReceived: 'Nous avons bien reçu votre demande {reference}. En voici le résumé\u00a0: «\u00a0{summary}\u00a0»',
  ackReply: 'Pour ajouter une information ou une capture d’écran, répondez à ce courriel en gardant {reference} dans l’objet.',
  ackSignature: 'L’équipe de support Osortoo',
};

export const HANDOFF_MAIL_MESSAGES = { en, fr };
