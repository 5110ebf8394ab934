import { useEffect, useRef, useState, type ChangeEvent, type DragEvent } from 'react';

export interface ImageIntake {
  /** A file is being dragged over the panel (the hint then says where to drop it). */
  dragging: boolean;
  /** The panel's drop zone handlers, spread onto its element. */
  dropZone: {
    onDragOver: (event: DragEvent<HTMLElement>) => void;
    onDragLeave: (event: DragEvent<HTMLElement>) => void;
    onDrop: (event: DragEvent<HTMLElement>) => void;
  };
  /** The file input's change handler. */
  onPick: (event: ChangeEvent<HTMLInputElement>) => void;
}

const hasFiles = (transfer: DataTransfer | null) => transfer !== null && [...transfer.types].includes('Files');

/**
 * The three ways an image reaches the panel, all handed to `addFiles`: the file picker, a drop
 * on the panel, and a paste anywhere in the document (ignored while `paused`, i.e. while the
 * editor is open: a paste there is not meant as a new attachment).
 */
export function useImageIntake(addFiles: (files: File[]) => unknown, paused: boolean): ImageIntake {
  const [dragging, setDragging] = useState(false);
  // The document listeners live as long as the panel: they read the latest callback and state.
  const latest = useRef({ addFiles, paused });
  latest.current = { addFiles, paused };

  // Paste works anywhere in the form's document, but only image files are taken: pasting
  // text into the description must keep working as usual.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (latest.current.paused) return;
      const files = [...(event.clipboardData?.items ?? [])].flatMap((item) => {
        const file = item.kind === 'file' && item.type.startsWith('image/') ? item.getAsFile() : null;
        return file ? [file] : [];
      });
      if (files.length === 0) return;
      event.preventDefault();
      void latest.current.addFiles(files);
    };
    // A file dropped beside the panel would otherwise replace the whole form with the image.
    const keepForm = (event: globalThis.DragEvent) => {
      if (hasFiles(event.dataTransfer)) event.preventDefault();
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

  const dropZone: ImageIntake['dropZone'] = {
    onDragOver: (event) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      setDragging(false);
      void addFiles([...event.dataTransfer.files]);
    },
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Cleared so that picking the same file again still fires a change.
    event.currentTarget.value = '';
    void addFiles(files);
  };

  return { dragging, dropZone, onPick };
}
