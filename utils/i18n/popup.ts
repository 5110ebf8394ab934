/**
 * The popup's shell (entrypoints/popup/app.tsx): its title, the way to the options and to a
 * window of its own, the navigation between the form and "My tickets", and what it says while
 * it loads. The form's own strings are in form.ts, the list's in my-tickets.ts.
 */
import type { Plural, Translation } from './format';

const en = {
  appTitle: 'Osortoo Support',
  openInWindow: 'Open in a window',
  openOptions: 'Options',
  openInWindowHint: 'Use a separate window to attach files: the toolbar popup closes when it loses focus.',
  /** Shown while the popup starts, and by the form until the tab's diagnosis is in. */
  loading: 'Collecting what support needs…',
  // Navigation between the form and the customer's tickets.
  nav: 'Support sections',
  writeTab: 'Write to support',
  myTicketsTab: 'My tickets',
  /** Beside "My tickets" when support changed a ticket's status since the list was last opened. */
  newChanges: { one: '{count} new', other: '{count} new' } as Plural,
};

const fr: Translation<typeof en> = {
  appTitle: 'Support Osortoo',
  openInWindow: 'Ouvrir dans une fenêtre',
  openOptions: 'Options',
  openInWindowHint:
    'Pour joindre des fichiers, utilisez une fenêtre séparée : la fenêtre de l’extension se ferme quand elle perd le focus.',
  loading: 'Collecte des informations utiles au support…',
  nav: 'Sections du support',
  writeTab: 'Écrire au support',
  myTicketsTab: 'Mes demandes',
  newChanges: { one: '{count} nouvelle', other: '{count} nouvelles' },
};

export const POPUP_MESSAGES = { en, fr };
