/**
 * French and English strings of the screenshots part of the form. `fr` is typed by `en`, so a
 * missing translation is a type error. Sizes are formatted here with the locale's units.
 */
import { LIMITS } from '../../utils/contract/limits';

export type ScreenshotLocale = 'fr' | 'en';

const en = {
  title: 'Screenshots',
  count: (count: number, max: number) => `${count} of ${max}`,
  empty: 'No screenshot attached.',
  alt: (index: number, source: 'visible' | 'fullpage' | 'attachment') =>
    source === 'visible' ? `Screenshot ${index}: visible part of the page` : source === 'fullpage' ? `Screenshot ${index}: whole page` : `Screenshot ${index}: attached image`,
  edited: 'marked up',
  edit: 'Edit',
  editLabel: (index: number) => `Edit screenshot ${index}`,
  remove: 'Remove',
  removeLabel: (index: number) => `Remove screenshot ${index}`,
  add: 'Add an image',
  addHint: 'PNG, JPEG or WebP. You can also drop an image here or paste it (Ctrl+V / ⌘+V).',
  dropHere: 'Drop the image to attach it',
  fullPage: 'Capture the whole page',
  fullPageBusy: 'Capturing the whole page…',
  fullPageFailed: (reason: string) => `The whole page could not be captured (${reason}).`,
  popupHint: 'In the toolbar popup, choosing a file can close the form. Open it in a window first to attach files.',
  openInWindow: 'Open in a window',
  reading: 'Adding the image…',
  added: (count: number) => (count === 1 ? 'Image added.' : `${count} images added.`),
  reduced: 'It was larger than 4 MB, so it was reduced to fit.',
  removed: (index: number) => `Screenshot ${index} removed.`,
  saved: (index: number) => `Screenshot ${index} updated.`,
  refused: {
    type: (name: string) => `${name || 'This file'} is not a PNG, JPEG or WebP image, so it was not attached.`,
    size: (name: string) => `${name || 'This image'} is too large to attach (more than ${Math.round((5 * LIMITS.screenshotBytes) / 1024 / 1024)} MB, or it cannot be reduced under 4 MB).`,
    unreadable: (name: string) => `${name || 'This image'} could not be read, so it was not attached.`,
    count: (max: number) => `You can attach at most ${max} images: remove one to add another.`,
  },
  // Editor
  editorTitle: (index: number) => `Mark up screenshot ${index}`,
  tools: 'Tools',
  highlight: 'Highlight box',
  arrow: 'Arrow',
  blackout: 'Black out',
  undo: 'Undo',
  clear: 'Clear all',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  canvasLabel: (tool: string) => `Screenshot being marked up. Tool: ${tool}.`,
  keyboardHint:
    'Mouse: choose a tool and drag over the image. Keyboard: choose a tool, Tab to the image and press Enter to place a shape in the middle; arrow keys move it, Shift+arrow keys resize it (for an arrow, move its tip), Enter keeps it, Delete drops it. Escape closes without saving.',
  blackoutNote: 'Blacked-out areas are erased from the image itself before it is sent.',
  editsSummary: (highlights: number, arrows: number, blackouts: number) =>
    highlights + arrows + blackouts === 0 ? 'No marks yet.' : `${highlights} highlight box(es), ${arrows} arrow(s), ${blackouts} blacked-out area(s).`,
  placed: (tool: string) => `${tool} placed in the middle. Arrow keys move it, Shift+arrow keys resize it, Enter keeps it, Delete drops it.`,
  kept: (tool: string) => `${tool} added.`,
  dropped: 'Shape dropped.',
  undone: 'Last mark undone.',
  cleared: 'All marks cleared.',
  saveFailed: 'The screenshot could not be saved. Try again, or remove it.',
};

export type ScreenshotMessages = typeof en;

const fr: ScreenshotMessages = {
  title: 'Captures d’écran',
  count: (count, max) => `${count} sur ${max}`,
  empty: "Aucune capture d'écran jointe.",
  alt: (index, source) =>
    source === 'visible' ? `Capture ${index} : partie visible de la page` : source === 'fullpage' ? `Capture ${index} : page entière` : `Capture ${index} : image jointe`,
  edited: 'annotée',
  edit: 'Modifier',
  editLabel: (index) => `Modifier la capture ${index}`,
  remove: 'Retirer',
  removeLabel: (index) => `Retirer la capture ${index}`,
  add: 'Ajouter une image',
  addHint: 'PNG, JPEG ou WebP. Vous pouvez aussi déposer une image ici ou la coller (Ctrl+V / ⌘+V).',
  dropHere: "Déposez l'image pour la joindre",
  fullPage: 'Capturer la page entière',
  fullPageBusy: 'Capture de la page entière…',
  fullPageFailed: (reason) => `La page entière n'a pas pu être capturée (${reason}).`,
  popupHint: "Dans la fenêtre de l'extension, choisir un fichier peut fermer le formulaire. Ouvrez-le d'abord dans une fenêtre pour joindre des fichiers.",
  openInWindow: 'Ouvrir dans une fenêtre',
  reading: "Ajout de l'image…",
  added: (count) => (count === 1 ? 'Image ajoutée.' : `${count} images ajoutées.`),
  reduced: 'Elle dépassait 4 Mo : elle a été réduite pour tenir.',
  removed: (index) => `Capture ${index} retirée.`,
  saved: (index) => `Capture ${index} mise à jour.`,
  refused: {
    type: (name) => `${name || 'Ce fichier'} n'est pas une image PNG, JPEG ou WebP : il n'a pas été joint.`,
    size: (name) => `${name || 'Cette image'} est trop lourde pour être jointe (plus de ${Math.round((5 * LIMITS.screenshotBytes) / 1024 / 1024)} Mo, ou impossible à réduire sous 4 Mo).`,
    unreadable: (name) => `${name || 'Cette image'} n'a pas pu être lue : elle n'a pas été jointe.`,
    count: (max) => `Vous pouvez joindre au plus ${max} images : retirez-en une pour en ajouter une autre.`,
  },
  editorTitle: (index) => `Annoter la capture ${index}`,
  tools: 'Outils',
  highlight: 'Cadre de mise en évidence',
  arrow: 'Flèche',
  blackout: 'Masquer en noir',
  undo: 'Annuler la dernière marque',
  clear: 'Tout effacer',
  cancel: 'Annuler',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  canvasLabel: (tool) => `Capture en cours d'annotation. Outil : ${tool}.`,
  keyboardHint:
    "Souris : choisissez un outil et faites glisser sur l'image. Clavier : choisissez un outil, allez sur l'image avec Tab et appuyez sur Entrée pour placer une forme au milieu ; les flèches la déplacent, Maj+flèches la redimensionnent (pour une flèche : déplacent sa pointe), Entrée la garde, Suppr l'enlève. Échap ferme sans enregistrer.",
  blackoutNote: "Les zones masquées en noir sont effacées de l'image elle-même avant l'envoi.",
  editsSummary: (highlights, arrows, blackouts) =>
    highlights + arrows + blackouts === 0 ? 'Aucune marque pour l’instant.' : `${highlights} cadre(s), ${arrows} flèche(s), ${blackouts} zone(s) masquée(s).`,
  placed: (tool) => `Forme « ${tool} » placée au milieu. Les flèches la déplacent, Maj+flèches la redimensionnent, Entrée la garde, Suppr l'enlève.`,
  kept: (tool) => `Forme « ${tool} » ajoutée.`,
  dropped: 'Forme enlevée.',
  undone: 'Dernière marque annulée.',
  cleared: 'Toutes les marques ont été effacées.',
  saveFailed: "La capture n'a pas pu être enregistrée. Réessayez, ou retirez-la.",
};

export const SCREENSHOT_MESSAGES: Record<ScreenshotLocale, ScreenshotMessages> = { en, fr };

/** A byte count as customers read it: "245 KB" / "245 Ko", "1.2 MB" / "1,2 Mo". */
export function formatBytes(bytes: number, locale: ScreenshotLocale): string {
  const units = locale === 'fr' ? ['o', 'Ko', 'Mo'] : ['B', 'KB', 'MB'];
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} ${units[0]}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} ${units[1]}`;
  return `${number(bytes / 1024 / 1024, 1)} ${units[2]}`;
}
