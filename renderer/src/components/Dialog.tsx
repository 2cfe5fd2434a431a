// A modal dialog on the native <dialog>: the browser traps focus, Escape closes it, and focus
// goes back where it was.
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; a single "Close" when absent. */
  actions?: ReactNode;
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({ title, onClose, children, actions, role = 'dialog' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A layout effect: its cleanup runs while the dialog is still in the page, so closing it there
  // lets focus go back to where it was; the explicit focus() covers a control that re-rendered.
  useLayoutEffect(() => {
    const d = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {actions ?? (
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('dialog.close')}
          </button>
        )}
      </div>
    </dialog>
  );
}

/**
 * "Are you sure?" for something that cannot be undone: cancel (focused first, so Enter does no
 * harm) and a danger button that does it.
 */
export function ConfirmDialog({ title, body, confirm, cancel, onCancel, onConfirm }: {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      title={title}
      role="alertdialog"
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            {cancel}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {confirm}
          </button>
        </>
      }
    >
      <p>{body}</p>
    </Dialog>
  );
}
