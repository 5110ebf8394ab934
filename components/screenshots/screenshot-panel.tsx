import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../utils/contract/limits';
import type { Locale } from '../../utils/contract/schemas';
import { format, formatBytes } from '../../utils/i18n/format';
import { SCREENSHOT_MESSAGES } from '../../utils/i18n/screenshots';
import { ACCEPTED_TYPES, readImageFile } from '../../utils/screenshots/read-image-file';
import { addScreenshots, removeScreenshot, replaceScreenshot, type FormScreenshot } from '../../utils/screenshots/screenshot-list';
import { FullPageProgress } from './full-page-progress';
import { ScreenshotEditor } from './screenshot-editor';
import { addedNotice, cutNotice, formatCut, refusalNotice, tooManyNotice } from './screenshot-notices';
import { ScreenshotThumbnail } from './screenshot-thumbnail';
import { type CaptureFullPage, useFullPageCapture } from './use-full-page-capture';
import { useImageIntake } from './use-image-intake';
import './screenshot-panel.css';

export interface ScreenshotPanelProps {
  screenshots: FormScreenshot[];
  onChange: (next: FormScreenshot[]) => void;
  locale: Locale;
  /** Optional: shows a "Full page" button; returns a screenshot, a reason it fell back, or that it was cancelled. */
  onCaptureFullPage?: CaptureFullPage;
  /** Optional: "Open in a window" when in the toolbar popup, where file pickers may close it. */
  inToolbarPopup?: boolean;
  /** Optional, with inToolbarPopup: what the "Open in a window" button does (else only a hint is shown). */
  onOpenInWindow?: () => void;
}

type Notice = { kind: 'status'; text: string } | { kind: 'error'; text: string };

/**
 * The screenshots part of the ticket form: thumbnails with Edit and Remove, and adding images
 * by file picker, drag and drop, or paste anywhere in the document. Controlled: the list lives
 * in the form, every change goes through `onChange`.
 */
export function ScreenshotPanel({
  screenshots,
  onChange,
  locale,
  onCaptureFullPage,
  inToolbarPopup,
  onOpenInWindow,
}: ScreenshotPanelProps) {
  const t = SCREENSHOT_MESSAGES[locale];
  const ids = { title: useId(), input: useId(), hint: useId(), window: useId() };
  const [editingId, setEditingId] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState<'reading'>();
  const fullPage = useFullPageCapture(onCaptureFullPage);
  // After a removal, focus goes to the screenshot now at that place (else the add button),
  // rather than being lost with the removed button.
  const [focusAfterRemove, setFocusAfterRemove] = useState<number>();
  const sectionRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Files are read asynchronously: the latest list and callback must be used when they are done.
  const latest = useRef({ screenshots, onChange });
  latest.current = { screenshots, onChange };

  const addFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    if (latest.current.screenshots.length >= LIMITS.screenshots) {
      setNotice({ kind: 'error', text: tooManyNotice(locale) });
      return;
    }
    setBusy('reading');
    setNotice({ kind: 'status', text: t.reading });
    const results = await Promise.all(files.map((file) => readImageFile(file)));
    setBusy(undefined);
    const read = results.flatMap((result) => (result.ok ? [result.shot] : []));
    const { next, refused } = addScreenshots(latest.current.screenshots, read);
    const problems = results.flatMap((result) => (result.ok ? [] : [refusalNotice(locale, result.reason, result.name)]));
    if (refused > 0) problems.push(tooManyNotice(locale));
    if (read.length > refused) latest.current.onChange(next);
    const added = read.length - refused;
    const reduced = results.some((result) => result.ok && result.reduced);
    const parts = [added > 0 ? addedNotice(locale, added, reduced) : '', ...problems].filter(Boolean);
    setNotice({ kind: problems.length ? 'error' : 'status', text: parts.join(' ') });
  };
  const intake = useImageIntake(addFiles, editingId !== undefined);

  useEffect(() => {
    if (focusAfterRemove === undefined) return;
    setFocusAfterRemove(undefined);
    const items = sectionRef.current?.querySelectorAll<HTMLElement>('[data-testid="screenshot-item"]') ?? [];
    const item = items[Math.min(focusAfterRemove, items.length - 1)];
    (item?.querySelector<HTMLElement>('button') ?? inputRef.current)?.focus();
  }, [focusAfterRemove]);

  const remove = (shot: FormScreenshot, position: number) => {
    onChange(removeScreenshot(screenshots, shot.id));
    setFocusAfterRemove(position - 1);
    setNotice({ kind: 'status', text: format(t.removed, { index: position }) });
  };

  const captureFullPage = async () => {
    if (!onCaptureFullPage) return;
    if (screenshots.length >= LIMITS.screenshots) {
      setNotice({ kind: 'error', text: tooManyNotice(locale) });
      return;
    }
    setNotice({ kind: 'status', text: t.fullPageBusy });
    const result = await fullPage.start();
    if (!result) return;
    if ('cancelled' in result) {
      setNotice({ kind: 'status', text: t.fullPageCancelled });
      return;
    }
    if ('error' in result) {
      // The visible-area capture taken when the form opened is the fallback; say so when it is there.
      const kept = latest.current.screenshots.some((shot) => shot.meta.source === 'visible');
      setNotice({ kind: 'error', text: `${format(t.fullPageFailed, { reason: result.error })}${kept ? ` ${t.fullPageKeptVisible}` : ''}` });
      return;
    }
    latest.current.onChange(addScreenshots(latest.current.screenshots, [result]).next);
    setNotice({ kind: 'status', text: [addedNotice(locale, 1, false), cutNotice(locale, result.meta.cut)].filter(Boolean).join(' ') });
  };

  const editingIndex = screenshots.findIndex((shot) => shot.id === editingId);
  const editing = screenshots[editingIndex];

  return (
    <section
      ref={sectionRef}
      className={`shots${intake.dragging ? ' shots--dragging' : ''}`}
      aria-labelledby={ids.title}
      data-testid="screenshot-panel"
      {...intake.dropZone}
    >
      <h2 id={ids.title} className="shots__title">
        {t.title} <span className="shots__count">({format(t.count, { count: screenshots.length, max: LIMITS.screenshots })})</span>
      </h2>
      {screenshots.length === 0 ? (
        <p className="shots-hint">{t.empty}</p>
      ) : (
        <ul className="shots__list">
          {screenshots.map((shot, index) => (
            <li
              key={shot.id}
              className="shots__item"
              data-testid="screenshot-item"
              data-bytes={shot.meta.bytes}
              data-type={shot.meta.type}
              // Where the blackouts are (image pixels): what must be pure black in the bytes sent.
              data-blackouts={JSON.stringify((shot.edits ?? []).filter((edit) => edit.kind === 'blackout'))}
            >
              <ScreenshotThumbnail shot={shot} alt={format(t.alt[shot.meta.source], { index: index + 1 })} />
              <div className="shots__meta">
                <span>
                  {shot.meta.width}×{shot.meta.height} · {formatBytes(shot.meta.bytes, locale)}
                  {shot.meta.edited ? ` · ${t.edited}` : ''}
                  {shot.meta.cut ? ` · ${format(t.cutBadge, formatCut(shot.meta.cut, locale))}` : ''}
                </span>
                <span className="shots__buttons">
                  <button
                    type="button"
                    className="shots-button"
                    aria-label={format(t.editLabel, { index: index + 1 })}
                    onClick={() => setEditingId(shot.id)}
                  >
                    {t.edit}
                  </button>
                  <button
                    type="button"
                    className="shots-button shots-button--danger"
                    aria-label={format(t.removeLabel, { index: index + 1 })}
                    onClick={() => remove(shot, index + 1)}
                  >
                    {t.remove}
                  </button>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}

      {inToolbarPopup && !onOpenInWindow && <p className="shots-hint shots-popup-hint">{t.popupHint}</p>}

      <div className="shots__add">
        {inToolbarPopup && onOpenInWindow ? (
          // A file picker can close a toolbar popup: "Add an image" moves the form, with its
          // draft, to a window of its own first, where choosing a file is safe.
          <button type="button" className="shots-button" onClick={onOpenInWindow} aria-describedby={ids.window}>
            {t.add}
          </button>
        ) : (
          <span className="shots-file">
            <input
              ref={inputRef}
              id={ids.input}
              className="shots-file__input"
              type="file"
              accept={ACCEPTED_TYPES.join(',')}
              multiple
              aria-describedby={ids.hint}
              onChange={intake.onPick}
            />
            <label htmlFor={ids.input} className="shots-button shots-file__label">
              {t.add}
            </label>
          </span>
        )}
        {onCaptureFullPage && (
          <button type="button" className="shots-button" onClick={() => void captureFullPage()} disabled={fullPage.progress !== undefined}>
            {t.fullPage}
          </button>
        )}
      </div>
      {fullPage.progress && <FullPageProgress progress={fullPage.progress} locale={locale} onCancel={fullPage.cancel} />}
      {inToolbarPopup && onOpenInWindow && (
        <p id={ids.window} className="shots-hint">
          {t.addInWindowHint}
        </p>
      )}
      <p id={ids.hint} className="shots-hint">
        {intake.dragging ? t.dropHere : t.addHint}
      </p>
      <p
        role="status"
        className="shots-hint"
        data-testid="screenshot-status"
        aria-busy={busy !== undefined || fullPage.progress !== undefined}
      >
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      <p role="alert" className="shots-error" data-testid="screenshot-error">
        {notice?.kind === 'error' ? notice.text : ''}
      </p>

      {editing && (
        <ScreenshotEditor
          key={editing.id}
          screenshot={editing}
          position={editingIndex + 1}
          locale={locale}
          onCancel={() => setEditingId(undefined)}
          onSave={(next) => {
            setEditingId(undefined);
            latest.current.onChange(replaceScreenshot(latest.current.screenshots, next));
            setNotice({ kind: 'status', text: format(t.saved, { index: editingIndex + 1 }) });
          }}
        />
      )}
    </section>
  );
}
