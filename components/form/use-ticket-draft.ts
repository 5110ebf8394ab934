import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DiagnosticEntry } from '../../utils/contract/schemas';
import type { Captured } from '../../utils/diagnosis/diagnose';
import {
  deleteDraft,
  entryFingerprint,
  saveDraftFields,
  saveDraftScreenshots,
  type DraftFields,
  type DraftPlace,
} from '../../utils/form/drafts';
import { formStart } from '../../utils/form/form-start';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';

/** What the form needs from the settings (utils/extension/settings.ts). */
export interface FormDefaults {
  defaultEmail: string;
  attachScreenshotByDefault: boolean;
}

/** A captured diagnostic entry, and whether the customer keeps it in the ticket. */
export interface EntryChoice {
  entry: DiagnosticEntry;
  included: boolean;
}

/** What the form says about its draft, above the fields. */
export type DraftNotice = 'restored' | 'discarded';

function emptyFields(email: string): DraftFields {
  return { category: 'other', description: '', email, drawLink: '', pageOrUsername: '', leftOut: [] };
}

/** The e-mail a new ticket starts with: the settings' (the customer's choice), else the account e-mail the page shows. */
function startingEmail(defaults: FormDefaults, captured: Captured | undefined): string {
  return defaults.defaultEmail || captured?.context.accountEmail || '';
}

/** The screenshots a new ticket starts with: the visible capture, unless the settings say not to. */
function initialScreenshots(captured: Captured, defaults: FormDefaults): FormScreenshot[] {
  if (!defaults.attachScreenshotByDefault || !captured.screenshot) return [];
  return [{ id: crypto.randomUUID(), blob: captured.screenshot.blob, meta: captured.screenshot.meta }];
}

/**
 * The ticket being written, kept as a draft: the tab's diagnosis and the draft left for it fill
 * the form (utils/form/form-start.ts), then every change is saved (utils/form/drafts.ts), one
 * write at a time and in order, until the ticket is in the outbox or the draft is discarded.
 */
export function useTicketDraft(tabId: number | undefined, defaults: FormDefaults) {
  // The defaults as the form opened: a later change in the options page must not overwrite what
  // the customer is typing (reset and discard, which start a new ticket, read the current ones).
  const [openingDefaults] = useState(defaults);
  const [captured, setCaptured] = useState<Captured>();
  const [place, setPlace] = useState<DraftPlace>();
  const [fields, setFields] = useState<DraftFields>(() => emptyFields(defaults.defaultEmail));
  const [screenshots, setScreenshots] = useState<FormScreenshot[]>([]);
  /** The draft has been looked for and the form filled: from now on changes are saved. */
  const [ready, setReady] = useState(false);
  /** The customer changed something (or a draft was restored): the form is a draft. */
  const [touched, setTouched] = useState(false);
  const draftId = useRef<string>(crypto.randomUUID());
  const [notice, setNotice] = useState<DraftNotice>();
  const [saveFailed, setSaveFailed] = useState(false);

  // Collect the diagnostics and look for a draft of this tab/page, then fill the form.
  useEffect(() => {
    let live = true;
    void formStart<FormScreenshot>(tabId).then(({ captured: result, place: where, draft }) => {
      if (!live) return;
      setCaptured(result);
      setPlace(where);
      if (draft) {
        draftId.current = draft.id;
        setFields(draft.fields);
        setScreenshots(draft.screenshots ?? initialScreenshots(result, openingDefaults));
        setTouched(true);
        setNotice('restored');
      } else {
        setFields(emptyFields(startingEmail(openingDefaults, result)));
        setScreenshots(initialScreenshots(result, openingDefaults));
      }
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [tabId, openingDefaults]);

  // Draft saving, one write at a time and in order (a delete must not be overtaken by a save).
  const saves = useRef<Promise<unknown>>(Promise.resolve());
  const queueSave = useCallback((job: () => Promise<unknown>) => {
    saves.current = saves.current.then(job).then(
      () => setSaveFailed(false),
      () => setSaveFailed(true),
    );
  }, []);
  useEffect(() => {
    if (!ready || !touched || !place) return;
    const id = draftId.current;
    queueSave(() => saveDraftFields(id, place, fields));
  }, [fields, ready, touched, place, queueSave]);
  useEffect(() => {
    if (!ready || !touched || !place) return;
    const id = draftId.current;
    queueSave(() => saveDraftScreenshots(id, screenshots));
  }, [screenshots, ready, touched, place, queueSave]);

  const entries: EntryChoice[] = useMemo(() => {
    const left = new Set(fields.leftOut);
    return (captured?.diagnostics.entries ?? []).map((entry) => ({ entry, included: !left.has(entryFingerprint(entry)) }));
  }, [captured, fields.leftOut]);

  const change = (patch: Partial<DraftFields>) => {
    setFields((current) => ({ ...current, ...patch }));
    setTouched(true);
    // Typing in a new ticket ends the chance to undo the discard (one draft at a time).
    setDiscarded(undefined);
  };
  /** Fills fields from what was captured (a pre-selected category) without making the form a draft. */
  const suggest = useCallback(
    (patch: (current: DraftFields) => Partial<DraftFields>) => setFields((current) => ({ ...current, ...patch(current) })),
    [],
  );
  const changeScreenshots = (next: FormScreenshot[]) => {
    setScreenshots(next);
    setTouched(true);
  };
  /** The review's switch for entry `index`: left-out entries are remembered by fingerprint. */
  const includeEntry = (index: number, included: boolean) => {
    const print = entryFingerprint(entries[index]!.entry);
    change({ leftOut: included ? fields.leftOut.filter((f) => f !== print) : [...fields.leftOut, print] });
  };

  /** A blank ticket for this tab (after sending, or when the draft is discarded). */
  const reset = (email: string) => {
    draftId.current = crypto.randomUUID();
    setTouched(false);
    setFields(emptyFields(email));
    setScreenshots(captured ? initialScreenshots(captured, defaults) : []);
  };

  /**
   * What the last discard threw away, kept in memory until the next change: "Discard draft" sits
   * near the main button and acts at once, so one click must be undoable.
   */
  const [discarded, setDiscarded] = useState<{ id: string; fields: DraftFields; screenshots: FormScreenshot[] }>();

  const discard = () => {
    const id = draftId.current;
    setDiscarded({ id, fields, screenshots });
    queueSave(() => deleteDraft(id));
    reset(startingEmail(defaults, captured));
    setNotice('discarded');
  };

  /** Brings the discarded draft back, and saves it again under its own id. */
  const undoDiscard = () => {
    if (!discarded) return;
    draftId.current = discarded.id;
    setFields(discarded.fields);
    setScreenshots(discarded.screenshots);
    setTouched(true);
    setDiscarded(undefined);
    setNotice(undefined);
  };

  /** The ticket is in the outbox: the draft has done its job. */
  const forget = () => {
    const id = draftId.current;
    setTouched(false);
    queueSave(() => deleteDraft(id));
  };

  return {
    captured,
    fields,
    screenshots,
    entries,
    ready,
    touched,
    notice,
    saveFailed,
    change,
    suggest,
    changeScreenshots,
    includeEntry,
    reset,
    discard,
    canUndoDiscard: discarded !== undefined,
    undoDiscard,
    forget,
  };
}

export type TicketDraftState = ReturnType<typeof useTicketDraft>;
