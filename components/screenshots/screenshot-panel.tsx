import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { LIMITS } from '../../utils/contract/limits';
import { readImageFile, type RefusalReason } from '../../utils/screenshots/read-image-file';
import { addScreenshots, removeScreenshot, replaceScreenshot, type FormScreenshot } from '../../utils/screenshots/screenshot-list';
import { ScreenshotEditor } from './screenshot-editor';
import { formatBytes, SCREENSHOT_MESSAGES, type ScreenshotLocale } from './screenshot-messages';
import './screenshot-panel.css';

export interface ScreenshotPanelProps {
  screenshots: FormScreenshot[];
  onChange: (next: FormScreenshot[]) => void;
  locale: ScreenshotLocale;
  /** Optional: shows a "Full page" button; returns a screenshot or a reason it fell back. */
  onCaptureFullPage?: () => Promise<FormScreenshot | { error: string }>;
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
export function ScreenshotPanel({ screenshots, onChange, locale, onCaptureFullPage, inToolbarPopup, onOpenInWindow }: ScreenshotPanelProps) {
  const t = SCREENSHOT_MESSAGES[locale];
  const ids = { title: useId(), input: useId(), hint: useId() };
  const [editingId, setEditingId] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState<'reading' | 'fullpage'>();
  const [dragging, setDragging] = useState(false);
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
      setNotice({ kind: 'error', text: t.refused.count(LIMITS.screenshots) });
      return;
    }
    setBusy('reading');
    setNotice({ kind: 'status', text: t.reading });
    const results = await Promise.all(files.map((file) => readImageFile(file)));
    setBusy(undefined);
    const read = results.flatMap((result) => (result.ok ? [result.shot] : []));
    const { next, refused } = addScreenshots(latest.current.screenshots, read);
    const problems = results.flatMap((result) => (result.ok ? [] : [refusalText(result.reason, result.name)]));
    if (refused > 0) problems.push(t.refused.count(LIMITS.screenshots));
    if (read.length > refused) latest.current.onChange(next);
    const added = read.length - refused;
    const reduced = results.some((result) => result.ok && result.reduced);
    const parts = [added > 0 ? t.added(added) + (reduced ? ` ${t.reduced}` : '') : '', ...problems].filter(Boolean);
    setNotice({ kind: problems.length ? 'error' : 'status', text: parts.join(' ') });
  };
  const refusalText = (reason: RefusalReason, name: string) => (reason === 'count' ? t.refused.count(LIMITS.screenshots) : t.refused[reason](name));
  const addFilesRef = useRef(addFiles);
  addFilesRef.current = addFiles;
  const editingRef = useRef(false);
  editingRef.current = editingId !== undefined;

  // Paste works anywhere in the form's document, but only image files are taken: pasting
  // text into the description must keep working as usual.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      // While the editor is open, a paste is not meant as a new attachment.
      if (editingRef.current) return;
      const files = [...(event.clipboardData?.items ?? [])].flatMap((item) => {
        const file = item.kind === 'file' && item.type.startsWith('image/') ? item.getAsFile() : null;
        return file ? [file] : [];
      });
      if (files.length === 0) return;
      event.preventDefault();
      void addFilesRef.current(files);
    };
    // A file dropped beside the panel would otherwise replace the whole form with the image.
    const keepForm = (event: globalThis.DragEvent) => {
      if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) event.preventDefault();
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('dragover', keepForm);
    document.addEventListener('drop', keepForm);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('dragover', keepForm);
      document.removeEventListener('drop', keepForm);
    };
  }, []);

  useEffect(() => {
    if (focusAfterRemove === undefined) return;
    setFocusAfterRemove(undefined);
    const items = sectionRef.current?.querySelectorAll<HTMLElement>('[data-testid="screenshot-item"]') ?? [];
    const item = items[Math.min(focusAfterRemove, items.length - 1)];
    (item?.querySelector<HTMLElement>('button') ?? inputRef.current)?.focus();
  }, [screenshots, focusAfterRemove]);

  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    void addFiles([...event.dataTransfer.files]);
  };

  const remove = (shot: FormScreenshot, position: number) => {
    onChange(removeScreenshot(screenshots, shot.id));
    setFocusAfterRemove(position - 1);
    setNotice({ kind: 'status', text: t.removed(position) });
  };

  const captureFullPage = async () => {
    if (!onCaptureFullPage) return;
    if (screenshots.length >= LIMITS.screenshots) {
      setNotice({ kind: 'error', text: t.refused.count(LIMITS.screenshots) });
      return;
    }
    setBusy('fullpage');
    setNotice({ kind: 'status', text: t.fullPageBusy });
    const result = await onCaptureFullPage().catch((error: unknown) => ({ error: String(error) }));
    setBusy(undefined);
    if ('error' in result) {
      setNotice({ kind: 'error', text: t.fullPageFailed(result.error) });
      return;
    }
    latest.current.onChange(addScreenshots(latest.current.screenshots, [result]).next);
    setNotice({ kind: 'status', text: t.added(1) });
  };

  const editingIndex = screenshots.findIndex((shot) => shot.id === editingId);
  const editing = screenshots[editingIndex];

  return (
    <section
      ref={sectionRef}
      className={`shots${dragging ? ' shots--dragging' : ''}`}
      aria-labelledby={ids.title}
      data-testid="screenshot-panel"
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={ids.title} className="shots__title">
        {t.title} <span className="shots__count">({t.count(screenshots.length, LIMITS.screenshots)})</span>
      </h2>
      {screenshots.length === 0 ? (
        <p className="shots-hint">{t.empty}</p>
      ) : (
        <ul className="shots__list">
          {screenshots.map((shot, index) => (
            <li key={shot.id} className="shots__item" data-testid="screenshot-item">
              <Thumbnail shot={shot} alt={t.alt(index + 1, shot.meta.source)} />
              <div className="shots__meta">
                <span>
                  {shot.meta.width}×{shot.meta.height} · {formatBytes(shot.meta.bytes, locale)}
                  {shot.meta.edited ? ` · ${t.edited}` : ''}
                </span>
                <span className="shots__buttons">
                  <button type="button" className="shots-button" aria-label={t.editLabel(index + 1)} onClick={() => setEditingId(shot.id)}>
                    {t.edit}
                  </button>
                  <button type="button" className="shots-button shots-button--danger" aria-label={t.removeLabel(index + 1)} onClick={() => remove(shot, index + 1)}>
                    {t.remove}
                  </button>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}

      {inToolbarPopup && (
        <p className="shots-hint shots-popup-hint">
          {t.popupHint}{' '}
          {onOpenInWindow && (
            <button type="button" className="shots-button" onClick={onOpenInWindow}>
              {t.openInWindow}
            </button>
          )}
        </p>
      )}

      <div className="shots__add">
        <span className="shots-file">
          <input
            ref={inputRef}
            id={ids.input}
            className="shots-file__input"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            multiple
            aria-describedby={ids.hint}
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              // Cleared so that picking the same file again still fires a change.
              event.currentTarget.value = '';
              void addFiles(files);
            }}
          />
          <label htmlFor={ids.input} className="shots-button shots-file__label">
            {t.add}
          </label>
        </span>
        {onCaptureFullPage && (
          <button type="button" className="shots-button" onClick={() => void captureFullPage()} disabled={busy === 'fullpage'}>
            {t.fullPage}
          </button>
        )}
      </div>
      <p id={ids.hint} className="shots-hint">
        {dragging ? t.dropHere : t.addHint}
      </p>
      <p role="status" className="shots-hint" data-testid="screenshot-status" aria-busy={busy !== undefined}>
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
            setNotice({ kind: 'status', text: t.saved(editingIndex + 1) });
          }}
        />
      )}
    </section>
  );
}

/** One preview, with an object URL that lives as long as its blob is shown. */
function Thumbnail({ shot, alt }: { shot: FormScreenshot; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const next = URL.createObjectURL(shot.blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [shot.blob]);
  return <img className="shots__thumb" src={url} alt={alt} data-testid="screenshot-thumb" />;
}
