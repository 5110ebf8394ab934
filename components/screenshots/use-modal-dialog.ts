import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Opens `dialogRef` as a modal (the rest of the page becomes inert), gives focus back to whatever
 * opened it when it goes away, and returns the dialog's keydown handler that keeps Tab inside it.
 */
export function useModalDialog(dialogRef: RefObject<HTMLDialogElement | null>): (event: KeyboardEvent<HTMLDialogElement>) => void {
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
  }, [dialogRef]);

  // Keeps Tab inside the dialog: the page behind is inert, but the browser's own UI is not.
  return (event) => {
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
}
