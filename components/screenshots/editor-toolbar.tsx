import type { Locale } from '../../utils/contract/schemas';
import { SCREENSHOT_MESSAGES } from '../../utils/i18n/screenshots';
import type { EditKind } from '../../utils/screenshots/edit-geometry';

const TOOLS: readonly EditKind[] = ['highlight', 'arrow', 'label', 'blackout'];

export interface EditorToolbarProps {
  locale: Locale;
  tool: EditKind;
  onTool: (kind: EditKind) => void;
  /** Whether there is a mark (kept or pending) to undo or clear. */
  hasMarks: boolean;
  onUndo: () => void;
  onClear: () => void;
}

/** The editor's tools (toggle buttons, one pressed) and its Undo and Clear all buttons. */
export function EditorToolbar({ locale, tool, onTool, hasMarks, onUndo, onClear }: EditorToolbarProps) {
  const t = SCREENSHOT_MESSAGES[locale];
  return (
    <div className="shots-editor__toolbar">
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would need a legend and its own box; the group's name is its label. */}
      <div role="group" aria-label={t.tools} className="shots-editor__tools">
        {TOOLS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`shots-button shots-tool shots-tool--${kind}`}
            aria-pressed={tool === kind}
            onClick={() => onTool(kind)}
          >
            {t[kind]}
          </button>
        ))}
      </div>
      <div className="shots-editor__history">
        <button type="button" className="shots-button" onClick={onUndo} disabled={!hasMarks}>
          {t.undo}
        </button>
        <button type="button" className="shots-button" onClick={onClear} disabled={!hasMarks}>
          {t.clear}
        </button>
      </div>
    </div>
  );
}
