import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { format, plural } from '../../utils/i18n/format';
import { SCREENSHOT_MESSAGES } from '../../utils/i18n/screenshots';
import { drawEdits } from '../../utils/screenshots/draw-edits';
import {
  defaultEdit,
  displayToImage,
  editFromDrag,
  keyStep,
  moveEdit,
  resizeEdit,
  type EditKind,
  type Point,
  type ScreenshotEdit,
} from '../../utils/screenshots/edit-geometry';
import { applyEditsToScreenshot } from '../../utils/screenshots/encode-edits';
import type { FormScreenshot } from '../../utils/screenshots/screenshot-list';
import { EditorToolbar } from './editor-toolbar';
import { useImageBitmap } from './use-image-bitmap';
import { useModalDialog } from './use-modal-dialog';

/** Longest side of the editor's canvas; the saved image is drawn again at full resolution. */
const DISPLAY_MAX_SIDE = 2000;

export interface ScreenshotEditorProps {
  screenshot: FormScreenshot;
  /** 1-based position, for the title. */
  position: number;
  locale: Locale;
  /** Called with the screenshot whose bytes have the edits burned in. */
  onSave: (next: FormScreenshot) => void;
  /** Called on Cancel, Escape, or the dialog being closed otherwise; nothing is kept. */
  onCancel: () => void;
}

/** The order marks are counted in, in words ("1 highlight box, 2 arrows"). */
const COUNTED: readonly ScreenshotEdit['kind'][] = ['highlight', 'arrow', 'label', 'blackout'];

/**
 * A modal dialog to mark up one screenshot with highlight boxes, arrows, text labels and
 * blackouts, by pointer or keyboard. Shapes are kept in image pixels; saving burns them into
 * new bytes. The keyboard help is folded, so the image gets the room.
 */
export function ScreenshotEditor({ screenshot, position, locale, onSave, onCancel }: ScreenshotEditorProps) {
  const t = SCREENSHOT_MESSAGES[locale];
  const ids = { title: useId(), hint: useId(), summary: useId(), label: useId() };
  const dialogRef = useRef<HTMLDialogElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onDialogKeyDown = useModalDialog(dialogRef);
  const { bitmap, failed: loadFailed } = useImageBitmap(screenshot.original ?? screenshot.blob);
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
  const [labelText, setLabelText] = useState(t.labelDefault);
  const labelInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState(false);

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

  const toImagePoint = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return displayToImage({ x: event.clientX - rect.left, y: event.clientY - rect.top }, rect, image);
  };

  const commit = (drawn: ScreenshotEdit) => {
    // A label carries the words typed beside the tools; without words it would say nothing.
    const edit = drawn.kind === 'label' ? { ...drawn, text: labelText.trim() } : drawn;
    if (edit.kind === 'label' && !edit.text) {
      setPending(undefined);
      setStatus(t.labelEmpty);
      labelInput.current?.focus();
      return;
    }
    setEdits((current) => [...current, edit]);
    setPending(undefined);
    setSaveError(false);
    setStatus(format(t.kept, { tool: t[edit.kind] }));
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
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = arrows[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (pending) commit(pending);
      else {
        setPending(defaultEdit(tool, image));
        setStatus(format(t.placed, { tool: t[tool] }));
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

  const counts = { highlight: 0, arrow: 0, blackout: 0, label: 0 };
  for (const edit of pending ? [...edits, pending] : edits) counts[edit.kind] += 1;
  const words = COUNTED.filter((kind) => counts[kind] > 0).map((kind) => plural(locale, t.marksCount[kind], counts[kind]));
  const summary = words.length === 0 ? t.noMarks : `${words.join(', ')}.`;

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
      <h2 id={ids.title} className="shots-editor__title">
        {format(t.editorTitle, { index: position })}
      </h2>
      <EditorToolbar
        locale={locale}
        tool={tool}
        onTool={(kind) => {
          setTool(kind);
          setPending(undefined);
        }}
        hasMarks={pending !== undefined || edits.length > 0}
        onUndo={undo}
        onClear={clear}
      />
      {tool === 'label' && (
        <p className="shots-editor__label">
          <label htmlFor={ids.label}>{t.labelText}</label>{' '}
          <input
            id={ids.label}
            ref={labelInput}
            type="text"
            maxLength={60}
            value={labelText}
            onChange={(event) => setLabelText(event.target.value)}
          />
        </p>
      )}
      <details className="shots-editor__help">
        <summary>{t.keyboardHelp}</summary>
        <p id={ids.hint} className="shots-hint">
          {t.keyboardHint}
        </p>
      </details>
      <div className="shots-editor__stage">
        {loadFailed ? (
          <p role="alert" className="shots-error">
            {t.saveFailed}
          </p>
        ) : (
          // The e2e tests find the canvas by its role.
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the canvas takes its own keys (place, move, resize a shape); "application" tells screen readers to pass them through.
          <canvas
            ref={canvasRef}
            className="shots-editor__canvas"
            data-testid="screenshot-canvas"
            width={Math.max(1, Math.round(image.width * scale))}
            height={Math.max(1, Math.round(image.height * scale))}
            tabIndex={0}
            role="application"
            aria-label={format(t.canvasLabel, { tool: t[tool] })}
            aria-describedby={`${ids.summary} ${ids.hint}`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(undefined)}
            onKeyDown={onCanvasKeyDown}
          />
        )}
      </div>
      <p id={ids.summary} className="shots-hint" data-testid="marks-summary">
        {summary}
      </p>
      {counts.blackout > 0 && <p className="shots-hint">{t.blackoutNote}</p>}
      <p role="status" className="shots-visually-hidden">
        {status}
      </p>
      {saveError && (
        <p role="alert" className="shots-error">
          {t.saveFailed}
        </p>
      )}
      <div className="shots-editor__actions">
        <button type="button" className="shots-button" onClick={onCancel}>
          {t.cancel}
        </button>
        <button
          type="button"
          className="shots-button shots-button--primary"
          onClick={() => void save()}
          disabled={saving || !bitmap}
          aria-busy={saving}
        >
          {saving ? t.saving : t.save}
        </button>
      </div>
    </dialog>
  );
}
