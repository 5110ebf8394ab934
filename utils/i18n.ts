/**
 * The UI's strings in French and English, in one place so that a missing translation is a
 * type error. Plurals go through Intl.PluralRules; dates are formatted by the caller with the
 * same locale. Manifest strings (name, description) live in public/_locales as Chrome requires.
 */
import type { Locale } from './contract';

type Plural = { one: string; other: string };

const en = {
  appTitle: 'Osortoo Support',
  openInWindow: 'Open in a window',
  openInWindowHint: 'Use a separate window to attach files: the toolbar popup closes when it loses focus.',
  loading: 'Collecting what support needs…',
  capturedTitle: 'Already collected for support',
  pageLink: 'Draw link',
  noPageTitle: 'General ticket',
  noPage: 'This tab is not an Osortoo page, so there are no page diagnostics. Paste your draw link below if your question is about a draw.',
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
};

export type Messages = typeof en;

const fr: Messages = {
  appTitle: 'Support Osortoo',
  openInWindow: 'Ouvrir dans une fenêtre',
  openInWindowHint: 'Pour joindre des fichiers, utilisez une fenêtre séparée : la fenêtre de l’extension se ferme quand elle perd le focus.',
  loading: 'Collecte des informations utiles au support…',
  capturedTitle: 'Déjà recueilli pour le support',
  pageLink: 'Lien du tirage',
  noPageTitle: 'Demande générale',
  noPage: 'Cet onglet n’est pas une page Osortoo : aucun diagnostic de page. Collez le lien de votre tirage ci-dessous si votre question le concerne.',
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

/** Picks the plural form for `count` in `locale` and fills `{count}`. */
export function plural(locale: Locale, forms: Plural, count: number, params: Record<string, string | number> = {}): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return format(rule === 'one' ? forms.one : forms.other, { count: new Intl.NumberFormat(locale).format(count), ...params });
}
