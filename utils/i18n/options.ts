/** The options page's strings (entrypoints/options/app.tsx), French and English. */
import type { Locale } from '../contract/schemas';
import type { Translation } from './format';

const en = {
  title: 'Osortoo Support — Options',
  heading: 'Osortoo Support options',
  intro: 'These choices apply to every support form you open.',
  language: 'Language',
  languageAuto: 'Automatic — the browser’s language ({language})',
  languageHint: 'The language of the support form and of this page.',
  browserLanguage: { fr: 'French', en: 'English' } as Record<Locale, string>,
  defaultEmail: 'Default e-mail',
  defaultEmailHint: 'Fills the form’s e-mail when the draw page does not show your account e-mail. Leave empty for none.',
  attachScreenshot: 'Attach a screenshot by default',
  attachScreenshotHint: 'You can still remove it from any ticket before sending.',
  saved: 'Saved at {time}.',
  saveFailed: 'Could not save: {reason}',
  loading: 'Loading…',
};

const fr: Translation<typeof en> = {
  title: 'Support Osortoo — Options',
  heading: 'Options de Support Osortoo',
  intro: 'Ces choix s’appliquent à chaque formulaire de support que vous ouvrez.',
  language: 'Langue',
  languageAuto: 'Automatique — la langue du navigateur ({language})',
  languageHint: 'La langue du formulaire de support et de cette page.',
  browserLanguage: { fr: 'français', en: 'anglais' },
  defaultEmail: 'Adresse e-mail par défaut',
  defaultEmailHint:
    'Remplit l’adresse e-mail du formulaire quand la page du tirage n’affiche pas celui de votre compte. Laissez vide pour aucun.',
  attachScreenshot: 'Joindre une capture d’écran par défaut',
  attachScreenshotHint: 'Vous pourrez toujours la retirer d’une demande avant l’envoi.',
  saved: 'Enregistré à {time}.',
  saveFailed: 'Enregistrement impossible : {reason}',
  loading: 'Chargement…',
};

export const OPTIONS_MESSAGES = { en, fr };
