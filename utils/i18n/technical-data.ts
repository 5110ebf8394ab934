/** The review's Firefox-only choice about technical data (utils/diagnosis/technical-data.ts). */
import type { Translation } from './format';

const en = {
  withheld: 'Not shared: Firefox asks your permission first.',
  share: 'Share browser and device details',
  shareHint: 'Browser, system, screen size, languages and timezone help support reproduce the problem.',
};

const fr: Translation<typeof en> = {
  withheld: 'Non partagés : Firefox vous demande d’abord votre permission.',
  share: 'Partager les détails du navigateur et de l’appareil',
  shareHint: 'Navigateur, système, taille d’écran, langues et fuseau horaire aident le support à reproduire le problème.',
};

export const TECHNICAL_DATA_MESSAGES = { en, fr };
