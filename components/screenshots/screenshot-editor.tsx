import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { drawEdits } from '../../utils/screenshots/draw-edits';
import { defaultEdit, displayToImage, editFromDrag, keyStep, moveEdit, resizeEdit, type EditKind, type Point, type ScreenshotEdit } from '../../utils/screenshots/edit-geometry';
import { applyEditsToScreenshot } from '../../utils/screenshots/encode-edits';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';
import { SCREENSHOT_MESSAGES, type ScreenshotLocale } from './screenshot-messages';

/** Longest side of the editor's canvas; the saved image is drawn again at full resolution. */
const DISPLAY_MAX_SIDE = 2000;
const TOOLS: readonly EditKind[] = ['highlight', 'arrow', 'blackout'];
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

export interface ScreenshotEditorProps {
  screenshot: FormScreenshot;
  /** 1-based position, for the title. */
  position: number;
  locale: ScreenshotLocale;
  /** Called with the screenshot whose bytes have the edits burned in. */
  onSave: (next: FormScreenshot) => void;
  /** Called on Cancel, Escape, or the dialog being closed otherwise; nothing is kept. */
  onCancel: () => void;
}

/**
 * A modal dialog to mark up one screenshot with highlight boxes, arrows and blackouts, by
 * pointer or keyboard. Shapes are kept in image pixels; saving burns them into new bytes.
 */
export function ScreenshotEditor({ screenshot, position, locale, onSave, onCancel }: ScreenshotEditorProps) {
  const t = SCREENSHOT_MESSAGES[locale];
  const ids = { title: useId(), hint: useId(), summary: useId() };
  const dialogRef = useRef<HTMLDialogElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [bitmap, setBitmap] = useState<ImageBitmap>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [edits, setEdits] = useState<ScreenshotEdit[]>(() => [...(screenshot.edits ?? [])]);
  const [pending, setPending] = useState<ScreenshotEdit>();
  const [drag, setDragState] = useState<{ start: Point; end: Point; pointerId: number }>();
  // Pointer events can arrive faster than React re-renders: handlers read the ref, not a
  // possibly stale `drag` from their closure.
  const dragRef = useRef<typeof drag>(undefined);
  const setDrag = (next: typeof drag) => {
    dragRef.current = next;
    setDragState(next);
  };
  const [tool, setTool] = useState<EditKind>('highlight');
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState(false);
  const toolName = (kind: EditKind) => t[kind];

  // Opens as a modal (the rest of the page becomes inert) and gives focus back to whatever
  // opened it when it goes away.
  // The opener is remembered once: under StrictMode the effect runs twice, the second time
  // with focus already inside the dialog.
  const openerRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    const active = document.activeElement;
    if (!openerRef.current && active instanceof HTMLElement && !dialog?.contains(active)) openerRef.current = active;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      const opener = openerRef.current;
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    let live = true;
    let loaded: ImageBitmap | undefined;
    createImageBitmap(screenshot.original ?? screenshot.blob).then(
      (result) => {
        loaded = result;
        if (live) setBitmap(result);
        else result.close();
      },
      () => live && setLoadFailed(true),
    );
    return () => {
      live = false;
      loaded?.close();
    };
  }, [screenshot]);

  const image = bitmap ? { width: bitmap.width, height: bitmap.height } : { width: screenshot.meta.width, height: screenshot.meta.height };
  const scale = Math.min(1, DISPLAY_MAX_SIDE / Math.max(image.width, image.height));
  const dragEdit = drag ? editFromDrag(tool, drag.start, drag.end, 1) : undefined;

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !bitmap) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    drawEdits(ctx, edits, image, canvas.width / image.width);
    const preview = pending ?? dragEdit;
    if (preview) drawEdits(ctx, [preview], image, canvas.width / image.width, { pending: true });
  });

  const toImagePoint = useCallback(
    (event: PointerEvent<HTMLCanvasElement>): Point => {
      const rect = event.currentTarget.getBoundingClientRect();
      return displayToImage({ x: event.clientX - rect.left, y: event.clientY - rect.top }, rect, image);
    },
    [image.width, image.height],
  );

  const commit = (edit: ScreenshotEdit) => {
    setEdits((current) => [...current, edit]);
    setPending(undefined);
    setSaveError(false);
    setStatus(t.kept(toolName(edit.kind)));
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 || !bitmap) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    const point = toImagePoint(event);
    setPending(undefined);
    setDrag({ start: point, end: point, pointerId: event.pointerId });
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const current = dragRef.current;
    if (!current || current.pointerId !== event.pointerId) return;
    setDrag({ ...current, end: toImagePoint(event) });
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const current = dragRef.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const edit = editFromDrag(tool, current.start, toImagePoint(event));
    setDrag(undefined);
    if (edit) commit(edit);
  };

  const onCanvasKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (!bitmap) return;
    const step = keyStep(image) * (event.altKey ? 5 : 1);
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const delta = arrows[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (pending) commit(pending);
      else {
        setPending(defaultEdit(tool, image));
        setStatus(t.placed(toolName(tool)));
      }
    } else if (delta && pending) {
      event.preventDefault();
      setPending(event.shiftKey ? resizeEdit(pending, delta[0], delta[1], image) : moveEdit(pending, delta[0], delta[1], image));
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && pending) {
      event.preventDefault();
      setPending(undefined);
      setStatus(t.dropped);
    }
  };

  // Keeps Tab inside the dialog: the page behind is inert, but the browser's own UI is not.
  const onDialogKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const undo = () => {
    if (pending) setPending(undefined);
    else setEdits((current) => current.slice(0, -1));
    setStatus(t.undone);
  };
  const clear = () => {
    setPending(undefined);
    setEdits([]);
    setStatus(t.cleared);
  };
  const save = async () => {
    setSaving(true);
    setSaveError(false);
    try {
      onSave(await applyEditsToScreenshot(screenshot, pending ? [...edits, pending] : edits));
    } catch {
      setSaving(false);
      setSaveError(true);
    }
  };

  const counts = { highlight: 0, arrow: 0, blackout: 0 };
  for (const edit of pending ? [...edits, pending] : edits) counts[edit.kind] += 1;

  return (
    <dialog
      ref={dialogRef}
      className="shots-editor"
      aria-modal="true"
      aria-labelledby={ids.title}
      aria-describedby={ids.hint}
      onKeyDown={onDialogKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClose={onCancel}
    >
      <h2 id={ids.title} className="shots-editor__title">{t.editorTitle(position)}</h2>
      <div className="shots-editor__toolbar">
        <div role="group" aria-label={t.tools} className="shots-editor__tools">
          {TOOLS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`shots-button shots-tool shots-tool--${kind}`}
              aria-pressed={tool === kind}
              onClick={() => {
                setTool(kind);
                setPending(undefined);
              }}
            >
              {t[kind]}
            </button>
          ))}
        </div>
        <div className="shots-editor__history">
          <button type="button" className="shots-button" onClick={undo} disabled={!pending && edits.length === 0}>
            {t.undo}
          </button>
          <button type="button" className="shots-button" onClick={clear} disabled={!pending && edits.length === 0}>
            {t.clear}
          </button>
        </div>
      </div>
      <p id={ids.hint} className="shots-hint">{t.keyboardHint}</p>
      <div className="shots-editor__stage">
        {loadFailed ? (
          <p role="alert" className="shots-error">{t.saveFailed}</p>
        ) : (
          <canvas
            ref={canvasRef}
            className="shots-editor__canvas"
            data-testid="screenshot-canvas"
            width={Math.max(1, Math.round(image.width * scale))}
            height={Math.max(1, Math.round(image.height * scale))}
            tabIndex={0}
            role="application"
            aria-label={t.canvasLabel(toolName(tool))}
            aria-describedby={`${ids.summary} ${ids.hint}`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(undefined)}
            onKeyDown={onCanvasKeyDown}
          />
        )}
      </div>
      <p id={ids.summary} className="shots-hint">{t.editsSummary(counts.highlight, counts.arrow, counts.blackout)}</p>
      {counts.blackout > 0 && <p className="shots-hint">{t.blackoutNote}</p>}
      <p role="status" className="shots-visually-hidden">{status}</p>
      {saveError && <p role="alert" className="shots-error">{t.saveFailed}</p>}
      <div className="shots-editor__actions">
        <button type="button" className="shots-button" onClick={onCancel}>
          {t.cancel}
        </button>
        <button type="button" className="shots-button shots-button--primary" onClick={() => void save()} disabled={saving || !bitmap} aria-busy={saving}>
          {saving ? t.saving : t.save}
        </button>
      </div>
    </dialog>
  );
}
