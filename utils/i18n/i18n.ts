/**
 * The UI's strings in French and English, in one place so that a missing translation is a
 * type error. Plurals go through Intl.PluralRules; dates are formatted by the caller with the
 * same locale. Manifest strings (name, description) live in public/_locales as Chrome requires.
 */
import type { Locale } from '../contract/schemas';

type Plural = { one: string; other: string };

const en = {
  appTitle: 'Osortoo Support',
  openInWindow: 'Open in a window',
  openOptions: 'Options',
  openInWindowHint: 'Use a separate window to attach files: the toolbar popup closes when it loses focus.',
  loading: 'Collecting what support needs…',
  capturedTitle: 'Already collected for support',
  pageLink: 'Draw link',
  noPageTitle: 'General ticket',
  noPage: 'This tab is not an Osortoo page, so there are no page diagnostics. If your question is about a draw, paste its link in the “Draw link” field.',
  screenshot: 'Screenshot',
  screenshotAlt: 'Screenshot of the visible part of the page',
  screenshotMissing: 'No screenshot could be taken of this tab.',
  removeScreenshot: 'Remove screenshot',
  browserDevice: 'Browser and device',
  errorsFound: { one: '{count} error recorded on this page', other: '{count} errors recorded on this page' } as Plural,
  noErrors: 'No error recorded on this page.',
  category: 'Category',
  categories: {
    api_error: 'API error',
    permissions: 'Facebook or Instagram permissions',
    billing: 'Billing verification',
    bug: 'Technical bug',
    multi_platform: 'Multi-platform problem',
    other: 'Question or other',
  },
  description: 'Description',
  descriptionHint: 'What happened, and what did you expect? Paste any error message word for word.',
  email: 'E-mail',
  emailHint: 'The e-mail of your Osortoo account: support replies there.',
  send: 'Send to support',
  sending: 'Sending…',
  queued: 'Waiting to be sent. It will be sent automatically; you can close this window.',
  sent: 'Sent. Your ticket reference is {reference}.',
  attention: 'Support could not accept this ticket: {reason}',
  newTicket: 'New ticket',
  errors: {
    description: 'Describe the problem in a few words.',
    email: 'Enter a valid e-mail address, e.g. name@example.com.',
    generic: 'Check the highlighted field.',
  },
  // Navigation between the form and the customer's tickets.
  nav: 'Support sections',
  writeTab: 'Write to support',
  myTicketsTab: 'My tickets',
  // Off an Osortoo page, and where the page did not say.
  drawLink: 'Draw link',
  drawLinkHint: 'The address of the draw’s results page, e.g. https://osortoo.com/…',
  drawLinkInvalid: 'This does not look like a link: copy it from the browser’s address bar.',
  accountName: {
    facebook: 'Facebook Page',
    instagram: 'Instagram username',
    youtube: 'YouTube channel',
    multi: 'Facebook Page and Instagram username',
    unknown: 'Facebook Page or Instagram username',
  },
  accountNameHint: 'The account the giveaway’s post belongs to, as it appears on the platform.',
  // The completeness checklist.
  checklistTitle: 'Details that speed up the answer',
  checklistProgress: { one: '{count} of {total} details included', other: '{count} of {total} details included' } as Plural,
  checklistAllDone: 'Everything support needs is here.',
  checklistNudge: { one: 'You can send now; adding the missing detail gets you an answer sooner.', other: 'You can send now; adding the {count} missing details gets you an answer sooner.' } as Plural,
  detailState: { done: 'included', missing: 'missing', optional: 'not needed for this category' },
  details: {
    accountEmail: 'Account e-mail',
    drawLink: 'Draw link',
    pageOrUsername: 'Facebook Page or Instagram username',
    screenshots: 'Screenshots',
    errorMessages: 'Exact error messages',
    browserDevice: 'Browser and device',
  },
  detailHints: {
    accountEmail: 'Add the e-mail of your Osortoo account.',
    drawLink: 'Paste the link of the draw.',
    pageOrUsername: {
      facebook: 'Add the name of the giveaway’s Facebook Page.',
      instagram: 'Add the giveaway’s Instagram username.',
      youtube: 'Add the name of the giveaway’s YouTube channel.',
      multi: 'Add the giveaway’s Facebook Page and Instagram username.',
      unknown: 'Add the giveaway’s Facebook Page or Instagram username.',
    },
    screenshots: 'Add a screenshot of the problem.',
    errorMessages: 'Paste the exact error message into the description, word for word.',
    browserDevice: 'Browser and device could not be read.',
  },
  // Drafts.
  draftRestored: 'Your draft was restored.',
  draftSaveFailed: 'Your draft could not be saved on this device.',
  discardDraft: 'Discard draft',
  draftDiscarded: 'Draft discarded.',
  // The review step.
  review: 'Review before sending',
  reviewTitle: 'Check what will be sent',
  reviewIntro: 'This is exactly what support will receive. Switch off any entry you prefer to leave out.',
  backToForm: 'Back to the form',
  reviewFields: 'Your ticket',
  reviewPage: 'Draw',
  platform: 'Platform',
  drawId: 'Draw id',
  platforms: { facebook: 'Facebook', instagram: 'Instagram', youtube: 'YouTube', multi: 'Multi-platform' },
  notProvided: 'not provided',
  reviewEntries: 'Console and network entries',
  noEntries: 'No console or network entry will be sent.',
  includeEntry: 'Include',
  entriesIncluded: { one: '{count} entry of {total} will be sent', other: '{count} entries of {total} will be sent' } as Plural,
  entriesLeftOut: { one: '{count} entry left out (support only sees that one was)', other: '{count} entries left out (support only sees how many)' } as Plural,
  entriesDropped: { one: '{count} older occurrence was not kept by the page', other: '{count} older occurrences were not kept by the page' } as Plural,
  reviewScreenshots: 'Screenshots as they will be sent',
  noScreenshots: 'No screenshot will be sent.',
  reviewScreenshotAlt: 'Screenshot {index} as it will be sent',
  reviewEnvironment: 'Browser and device',
  fullPageReasons: {
    timeout: 'it took too long',
    failed: 'the page could not be drawn',
    'unsupported-css': 'the page uses styles that cannot be drawn',
    'no-permission': 'the browser did not allow it on this page',
  },
  sendFailed: 'The ticket could not be stored for sending on this device. Your draft is kept: try again.',
  // After sending.
  nextTitle: 'What happens next',
  nextReceived: 'Support receives your ticket with everything shown in the review.',
  nextAcknowledge: 'This kind of problem needs investigating: you will first get a quick acknowledgment, then a detailed answer.',
  nextReply: 'The answer comes by e-mail to {email}.',
  nextFollow: 'You can follow its status under “My tickets”.',
  // My tickets.
  myTicketsTitle: 'My tickets',
  myTicketsEmpty: 'No ticket sent from this browser yet.',
  refresh: 'Refresh',
  refreshing: 'Checking the status of your tickets…',
  checkedAt: 'Status checked at {time}.',
  sentOn: 'Sent {date}',
  ticketStatus: { received: 'Received', acknowledged: 'Acknowledged', answered: 'Answered', closed: 'Closed' },
  ticketStatusPending: 'Waiting to be sent',
  ticketStatusAttention: 'Needs your attention',
  statusUnavailable: {
    network: 'Status unavailable: support cannot be reached right now.',
    unauthorized: 'Status unavailable: this browser’s access to the ticket was refused.',
    not_found: 'Support no longer has this ticket.',
    invalid: 'Status unavailable: support’s answer could not be read.',
  },
  ticketsSummary: { one: '{count} ticket', other: '{count} tickets' } as Plural,
};

export type Messages = typeof en;

const fr: Messages = {
  appTitle: 'Support Osortoo',
  openInWindow: 'Ouvrir dans une fenêtre',
  openOptions: 'Options',
  openInWindowHint: 'Pour joindre des fichiers, utilisez une fenêtre séparée : la fenêtre de l’extension se ferme quand elle perd le focus.',
  loading: 'Collecte des informations utiles au support…',
  capturedTitle: 'Déjà recueilli pour le support',
  pageLink: 'Lien du tirage',
  noPageTitle: 'Demande générale',
  noPage: 'Cet onglet n’est pas une page Osortoo : aucun diagnostic de page. Si votre question concerne un tirage, collez son lien dans le champ « Lien du tirage ».',
  screenshot: 'Capture d’écran',
  screenshotAlt: 'Capture d’écran de la partie visible de la page',
  screenshotMissing: 'Aucune capture d’écran n’a pu être prise pour cet onglet.',
  removeScreenshot: 'Retirer la capture',
  browserDevice: 'Navigateur et appareil',
  errorsFound: { one: '{count} erreur enregistrée sur cette page', other: '{count} erreurs enregistrées sur cette page' },
  noErrors: 'Aucune erreur enregistrée sur cette page.',
  category: 'Catégorie',
  categories: {
    api_error: 'Erreur API',
    permissions: 'Permissions Facebook ou Instagram',
    billing: 'Vérification de facturation',
    bug: 'Bug technique',
    multi_platform: 'Problème multi-plateformes',
    other: 'Question ou autre',
  },
  description: 'Description',
  descriptionHint: 'Que s’est-il passé, et qu’attendiez-vous ? Copiez les messages d’erreur mot pour mot.',
  email: 'Courriel',
  emailHint: 'L’adresse courriel de votre compte Osortoo : le support vous répond à cette adresse.',
  send: 'Envoyer au support',
  sending: 'Envoi en cours…',
  queued: 'En attente d’envoi. Il partira automatiquement ; vous pouvez fermer cette fenêtre.',
  sent: 'Envoyé. La référence de votre demande est {reference}.',
  attention: 'Le support n’a pas pu accepter cette demande : {reason}',
  newTicket: 'Nouvelle demande',
  errors: {
    description: 'Décrivez le problème en quelques mots.',
    email: 'Saisissez une adresse courriel valide, par ex. nom@exemple.com.',
    generic: 'Vérifiez le champ signalé.',
  },
  nav: 'Sections du support',
  writeTab: 'Écrire au support',
  myTicketsTab: 'Mes demandes',
  drawLink: 'Lien du tirage',
  drawLinkHint: 'L’adresse de la page de résultats du tirage, par ex. https://osortoo.com/…',
  drawLinkInvalid: 'Ceci ne ressemble pas à un lien : copiez-le depuis la barre d’adresse du navigateur.',
  accountName: {
    facebook: 'Page Facebook',
    instagram: 'Nom d’utilisateur Instagram',
    youtube: 'Chaîne YouTube',
    multi: 'Page Facebook et nom d’utilisateur Instagram',
    unknown: 'Page Facebook ou nom d’utilisateur Instagram',
  },
  accountNameHint: 'Le compte auquel appartient la publication du concours, tel qu’il apparaît sur la plateforme.',
  checklistTitle: 'Les détails qui accélèrent la réponse',
  checklistProgress: { one: '{count} détail fourni sur {total}', other: '{count} détails fournis sur {total}' },
  checklistAllDone: 'Le support a tout ce qu’il lui faut.',
  checklistNudge: { one: 'Vous pouvez envoyer maintenant ; ajouter le détail manquant vous vaudra une réponse plus rapide.', other: 'Vous pouvez envoyer maintenant ; ajouter les {count} détails manquants vous vaudra une réponse plus rapide.' },
  detailState: { done: 'fourni', missing: 'manquant', optional: 'inutile pour cette catégorie' },
  details: {
    accountEmail: 'Courriel du compte',
    drawLink: 'Lien du tirage',
    pageOrUsername: 'Page Facebook ou nom d’utilisateur Instagram',
    screenshots: 'Captures d’écran',
    errorMessages: 'Messages d’erreur exacts',
    browserDevice: 'Navigateur et appareil',
  },
  detailHints: {
    accountEmail: 'Ajoutez l’adresse courriel de votre compte Osortoo.',
    drawLink: 'Collez le lien du tirage.',
    pageOrUsername: {
      facebook: 'Ajoutez le nom de la Page Facebook du concours.',
      instagram: 'Ajoutez le nom d’utilisateur Instagram du concours.',
      youtube: 'Ajoutez le nom de la chaîne YouTube du concours.',
      multi: 'Ajoutez la Page Facebook et le nom d’utilisateur Instagram du concours.',
      unknown: 'Ajoutez la Page Facebook ou le nom d’utilisateur Instagram du concours.',
    },
    screenshots: 'Ajoutez une capture d’écran du problème.',
    errorMessages: 'Copiez le message d’erreur exact dans la description, mot pour mot.',
    browserDevice: 'Le navigateur et l’appareil n’ont pas pu être lus.',
  },
  draftRestored: 'Votre brouillon a été restauré.',
  draftSaveFailed: 'Votre brouillon n’a pas pu être enregistré sur cet appareil.',
  discardDraft: 'Supprimer le brouillon',
  draftDiscarded: 'Brouillon supprimé.',
  review: 'Vérifier avant l’envoi',
  reviewTitle: 'Vérifiez ce qui sera envoyé',
  reviewIntro: 'Voici exactement ce que le support recevra. Désactivez les entrées que vous préférez ne pas envoyer.',
  backToForm: 'Revenir au formulaire',
  reviewFields: 'Votre demande',
  reviewPage: 'Tirage',
  platform: 'Plateforme',
  drawId: 'Identifiant du tirage',
  platforms: { facebook: 'Facebook', instagram: 'Instagram', youtube: 'YouTube', multi: 'Multi-plateformes' },
  notProvided: 'non fourni',
  reviewEntries: 'Entrées de la console et du réseau',
  noEntries: 'Aucune entrée de console ou de réseau ne sera envoyée.',
  includeEntry: 'Inclure',
  entriesIncluded: { one: '{count} entrée sur {total} sera envoyée', other: '{count} entrées sur {total} seront envoyées' },
  entriesLeftOut: { one: '{count} entrée retirée (le support voit seulement qu’une entrée l’a été)', other: '{count} entrées retirées (le support voit seulement leur nombre)' },
  entriesDropped: { one: '{count} occurrence plus ancienne n’a pas été conservée par la page', other: '{count} occurrences plus anciennes n’ont pas été conservées par la page' },
  reviewScreenshots: 'Captures d’écran telles qu’elles seront envoyées',
  noScreenshots: 'Aucune capture d’écran ne sera envoyée.',
  reviewScreenshotAlt: 'Capture d’écran {index} telle qu’elle sera envoyée',
  reviewEnvironment: 'Navigateur et appareil',
  fullPageReasons: {
    timeout: 'c’était trop long',
    failed: 'la page n’a pas pu être dessinée',
    'unsupported-css': 'la page utilise des styles impossibles à dessiner',
    'no-permission': 'le navigateur ne l’a pas permis sur cette page',
  },
  sendFailed: 'La demande n’a pas pu être enregistrée pour l’envoi sur cet appareil. Votre brouillon est conservé : réessayez.',
  nextTitle: 'Et maintenant ?',
  nextReceived: 'Le support reçoit votre demande avec tout ce que montrait la vérification.',
  nextAcknowledge: 'Ce type de problème demande une analyse : vous recevrez d’abord un accusé de réception rapide, puis une réponse détaillée.',
  nextReply: 'La réponse arrivera par courriel à {email}.',
  nextFollow: 'Vous pouvez suivre son état dans « Mes demandes ».',
  myTicketsTitle: 'Mes demandes',
  myTicketsEmpty: 'Aucune demande envoyée depuis ce navigateur pour l’instant.',
  refresh: 'Actualiser',
  refreshing: 'Vérification de l’état de vos demandes…',
  checkedAt: 'État vérifié à {time}.',
  sentOn: 'Envoyée le {date}',
  ticketStatus: { received: 'Reçue', acknowledged: 'Prise en compte', answered: 'Répondue', closed: 'Fermée' },
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

export const MESSAGES: Record<Locale, Messages> = { en, fr };

/** The UI language: French for any French browser locale, English otherwise. */
export function pickLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Picks the plural form for `count` in `locale` and fills `{count}` and the other placeholders. */
export function plural(locale: Locale, forms: Plural, count: number, params: Record<string, string | number> = {}): string {
  const rule = new Intl.PluralRules(locale).select(count);
  const numbers = new Intl.NumberFormat(locale);
  // Every number in the sentence is written the locale's way (1 200 in French, 1,200 in English).
  const filled = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'number' ? numbers.format(value) : value]));
  return format(rule === 'one' ? forms.one : forms.other, { count: numbers.format(count), ...filled });
}

/**
 * The Intl locale for dates and numbers: the browser's own (with its region, e.g. fr-CA or en-GB)
 * when it is in the UI language, else the bare UI language.
 */
export function intlLocale(locale: Locale, browserLanguage: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language): string {
  return browserLanguage && pickLocale(browserLanguage) === locale ? browserLanguage : locale;
}

/** A date and time in the customer's locale and timezone, e.g. "2 mars 2026, 10 h 15". */
export function formatDateTime(locale: Locale, when: string | number | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(when));
}

/** A time of day in the customer's locale, e.g. "10 h 15" / "10:15 AM". */
export function formatTime(locale: Locale, when: string | number | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone }).format(new Date(when));
}
