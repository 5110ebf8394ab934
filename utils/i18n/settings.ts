/**
 * Why a setting was refused (utils/extension/settings.ts), in French and English: one message
 * per field, shown next to it on the options page.
 */
import type { Translation } from './format';

const en = {
  /** By field of the settings; settings.ts checks at compile time that every field has one. */
  invalidSetting: {
    language: 'Choose Automatic, Français or English.',
    defaultEmail: 'Enter a valid e-mail address, e.g. name@example.com, or leave the field empty.',
    attachScreenshotByDefault: '“Attach a screenshot by default” must be on or off.',
  },
  unknownSetting: 'Unknown setting: {key}.',
};

const fr: Translation<typeof en> = {
  invalidSetting: {
    language: 'Choisissez Automatique, Français ou English.',
    defaultEmail: 'Saisissez une adresse e-mail valide, par ex. nom@exemple.com, ou laissez le champ vide.',
    attachScreenshotByDefault: '« Joindre une capture d’écran par défaut » doit être activé ou désactivé.',
  },
  unknownSetting: 'Réglage inconnu : {key}.',
};

export const SETTINGS_MESSAGES = { en, fr };
