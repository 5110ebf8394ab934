/**
 * The screenshots part of the form (components/screenshots/): the panel, its notices and the
 * mark-up editor. Sizes are never written here: `{limit}` (LIMITS.screenshotBytes) and `{max}`
 * (the largest file we try to reduce) are filled with formatBytes by the caller, so that the
 * limits and the thumbnails' sizes read the same way.
 */
import type { Plural, Translation } from './format';

const en = {
  title: 'Screenshots',
  /** After the title: how many are attached, out of LIMITS.screenshots. */
  count: '{count} of {max}',
  empty: 'No screenshot attached.',
  /** A thumbnail's alt text, by where the screenshot came from. */
  alt: {
    visible: 'Screenshot {index}: visible part of the page',
    fullpage: 'Screenshot {index}: whole page',
    attachment: 'Screenshot {index}: attached image',
  },
  edited: 'marked up',
  edit: 'Edit',
  editLabel: 'Edit screenshot {index}',
  remove: 'Remove',
  removeLabel: 'Remove screenshot {index}',
  add: 'Add an image',
  addHint: 'PNG, JPEG or WebP. You can also drop an image here or paste it (Ctrl+V / ⌘+V).',
  dropHere: 'Drop the image to attach it',
  fullPage: 'Capture the whole page',
  fullPageBusy: 'Capturing the whole page…',
  fullPageFailed: 'The whole page could not be captured ({reason}).',
  /** After fullPageFailed when the form's own capture of the visible area is still attached. */
  fullPageKeptVisible: 'The visible part of the page, captured when the form opened, stays attached.',
  /** What the capture is doing, beside its progress bar. */
  fullPageStages: {
    injecting: 'Starting…',
    planning: 'Measuring the page…',
    cloning: 'Copying the page…',
    serialising: 'Copying the page…',
    done: 'Page copied.',
    drawing: 'Drawing the image…',
    compressing: 'Compressing the image…',
  },
  fullPageProgress: 'Whole-page capture',
  cancelFullPage: 'Cancel the capture',
  fullPageCancelled: 'Whole-page capture cancelled.',
  /** Added, when the page was taller than the capture's cap; numbers in CSS pixels. */
  fullPageCut: 'The page is {page} px tall: the image shows its top {captured} px and is cut there.',
  /** On the thumbnail of a cut capture. */
  cutBadge: 'cut at {captured} of {page} px',
  popupHint: 'In the toolbar popup, choosing a file can close the form. Open it in a window first to attach files.',
  /** In the toolbar popup, "Add an image" opens the form in a window first (a file picker would close the popup). */
  addInWindowHint: 'Opens this form in its own window, with what you wrote, where you can choose the file.',
  reading: 'Adding the image…',
  added: { one: 'Image added.', other: '{count} images added.' } as Plural,
  reduced: 'It was larger than {limit}, so it was reduced to fit.',
  removed: 'Screenshot {index} removed.',
  saved: 'Screenshot {index} updated.',
  /** Why a file was not attached; `{name}` is the file's name, or `unnamed` for that reason. */
  refused: {
    type: '{name} is not a PNG, JPEG or WebP image, so it was not attached.',
    size: '{name} is too large to attach (more than {max}, or it cannot be reduced under {limit}). Crop it to the part that shows the problem, or take a screenshot of a smaller area, then add it again.',
    unreadable: '{name} could not be read, so it was not attached.',
    count: 'You can attach at most {max} images: remove one to add another.',
  },
  /** `{name}` in `refused` when the file has none (a pasted image). */
  unnamed: { type: 'This file', size: 'This image', unreadable: 'This image' },
  // The editor.
  editorTitle: 'Mark up screenshot {index}',
  tools: 'Tools',
  highlight: 'Highlight box',
  arrow: 'Arrow',
  blackout: 'Black out',
  label: 'Text label',
  labelText: 'Label text',
  labelDefault: 'Here',
  labelEmpty: 'Type the label’s text first.',
  undo: 'Undo',
  clear: 'Clear all',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  canvasLabel: 'Screenshot being marked up. Tool: {tool}.',
  keyboardHelp: 'Keyboard and mouse help',
  keyboardHint:
    'Mouse: choose a tool and drag over the image. Keyboard: choose a tool, Tab to the image and press Enter to place a shape in the middle; arrow keys move it, Shift+arrow keys resize it (for an arrow, move its tip), Enter keeps it, Delete drops it. Escape closes without saving.',
  blackoutNote: 'Blacked-out areas are erased from the image itself before it is sent.',
  noMarks: 'No marks yet.',
  /** The marks counted in words, e.g. "1 highlight box, 2 arrows"; joined by the editor. */
  marksCount: {
    highlight: { one: '{count} highlight box', other: '{count} highlight boxes' } as Plural,
    arrow: { one: '{count} arrow', other: '{count} arrows' } as Plural,
    blackout: { one: '{count} blacked-out area', other: '{count} blacked-out areas' } as Plural,
    label: { one: '{count} text label', other: '{count} text labels' } as Plural,
  },
  placed: '{tool} placed in the middle. Arrow keys move it, Shift+arrow keys resize it, Enter keeps it, Delete drops it.',
  kept: '{tool} added.',
  dropped: 'Shape dropped.',
  undone: 'Last mark undone.',
  cleared: 'All marks cleared.',
  saveFailed: 'The screenshot could not be saved. Try again, or remove it.',
};

const fr: Translation<typeof en> = {
  title: 'Captures d’écran',
  count: '{count} sur {max}',
  empty: "Aucune capture d'écran jointe.",
  alt: {
    visible: 'Capture {index} : partie visible de la page',
    fullpage: 'Capture {index} : page entière',
    attachment: 'Capture {index} : image jointe',
  },
  edited: 'annotée',
  edit: 'Modifier',
  editLabel: 'Modifier la capture {index}',
  remove: 'Retirer',
  removeLabel: 'Retirer la capture {index}',
  add: 'Ajouter une image',
  addHint: 'PNG, JPEG ou WebP. Vous pouvez aussi déposer une image ici ou la coller (Ctrl+V / ⌘+V).',
  dropHere: "Déposez l'image pour la joindre",
  fullPage: 'Capturer la page entière',
  fullPageBusy: 'Capture de la page entière…',
  fullPageFailed: "La page entière n'a pas pu être capturée ({reason}).",
  fullPageKeptVisible: "La partie visible de la page, capturée à l'ouverture du formulaire, reste jointe.",
  fullPageStages: {
    injecting: 'Démarrage…',
    planning: 'Mesure de la page…',
    cloning: 'Copie de la page…',
    serialising: 'Copie de la page…',
    done: 'Page copiée.',
    drawing: "Dessin de l'image…",
    compressing: "Compression de l'image…",
  },
  fullPageProgress: 'Capture de la page entière',
  cancelFullPage: 'Annuler la capture',
  fullPageCancelled: 'Capture de la page entière annulée.',
  fullPageCut: "La page mesure {page} px de haut : l'image en montre les {captured} premiers px et s'arrête là.",
  cutBadge: 'coupée à {captured} sur {page} px',
  popupHint:
    "Dans la fenêtre de l'extension, choisir un fichier peut fermer le formulaire. Ouvrez-le d'abord dans une fenêtre pour joindre des fichiers.",
  addInWindowHint: 'Ouvre ce formulaire dans sa propre fenêtre, avec ce que vous avez écrit, pour y choisir le fichier.',
  reading: "Ajout de l'image…",
  added: { one: 'Image ajoutée.', other: '{count} images ajoutées.' },
  reduced: 'Elle dépassait {limit} : elle a été réduite pour tenir.',
  removed: 'Capture {index} retirée.',
  saved: 'Capture {index} mise à jour.',
  refused: {
    type: "{name} n'est pas une image PNG, JPEG ou WebP : il n'a pas été joint.",
    size: '{name} est trop lourde pour être jointe (plus de {max}, ou impossible à réduire sous {limit}). Recadrez-la sur la partie qui montre le problème, ou faites une capture d’une zone plus petite, puis ajoutez-la de nouveau.',
    unreadable: "{name} n'a pas pu être lue : elle n'a pas été jointe.",
    count: 'Vous pouvez joindre au plus {max} images : retirez-en une pour en ajouter une autre.',
  },
  unnamed: { type: 'Ce fichier', size: 'Cette image', unreadable: 'Cette image' },
  editorTitle: 'Annoter la capture {index}',
  tools: 'Outils',
  highlight: 'Cadre de mise en évidence',
  arrow: 'Flèche',
  blackout: 'Masquer en noir',
  label: 'Étiquette de texte',
  labelText: 'Texte de l’étiquette',
  labelDefault: 'Ici',
  labelEmpty: 'Saisissez d’abord le texte de l’étiquette.',
  undo: 'Annuler la dernière marque',
  clear: 'Tout effacer',
  cancel: 'Annuler',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  canvasLabel: "Capture en cours d'annotation. Outil : {tool}.",
  keyboardHelp: 'Aide clavier et souris',
  keyboardHint:
    "Souris : choisissez un outil et faites glisser sur l'image. Clavier : choisissez un outil, allez sur l'image avec Tab et appuyez sur Entrée pour placer une forme au milieu ; les flèches la déplacent, Maj+flèches la redimensionnent (pour une flèche : déplacent sa pointe), Entrée la garde, Suppr l'enlève. Échap ferme sans enregistrer.",
  blackoutNote: "Les zones masquées en noir sont effacées de l'image elle-même avant l'envoi.",
  noMarks: 'Aucune marque pour l’instant.',
  marksCount: {
    highlight: { one: '{count} cadre', other: '{count} cadres' },
    arrow: { one: '{count} flèche', other: '{count} flèches' },
    blackout: { one: '{count} zone masquée', other: '{count} zones masquées' },
    label: { one: '{count} étiquette', other: '{count} étiquettes' },
  },
  placed: "Forme « {tool} » placée au milieu. Les flèches la déplacent, Maj+flèches la redimensionnent, Entrée la garde, Suppr l'enlève.",
  kept: 'Forme « {tool} » ajoutée.',
  dropped: 'Forme enlevée.',
  undone: 'Dernière marque annulée.',
  cleared: 'Toutes les marques ont été effacées.',
  saveFailed: "La capture n'a pas pu être enregistrée. Réessayez, ou retirez-la.",
};

export const SCREENSHOT_MESSAGES = { en, fr };
