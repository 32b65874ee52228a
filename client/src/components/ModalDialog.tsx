import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal on the native <dialog> opened with showModal(): the page behind is inert (Tab and screen readers stay
 * inside), Escape closes it unless `busy` (a send in flight), and focus goes back to what opened it.
 */
export function ModalDialog({
  title,
  busy = false,
  onClose,
  children,
}: {
  title: string;
  busy?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // React removes the dialog from the page before closing it, so the browser's own focus return does not happen.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
