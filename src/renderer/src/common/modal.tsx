/**
 * A modal dialog on the native <dialog> element: the browser traps focus, makes the
 * rest of the page inert and closes on Escape; Tab goes round its controls; focus returns
 * where it was.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './icons.js';

export interface ModalProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** Wider dialogs for previews. */
  size?: 'small' | 'medium' | 'large';
  className?: string;
  /** The accessible description's element id, if any. */
  describedBy?: string;
}

const TABBABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

export function Modal({ open, title, onClose, children, footer, size = 'medium', className, describedBy }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const titleId = `modal-title-${title.replace(/\W+/g, '-').toLowerCase()}`;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
      // showModal focuses the first control (Close); a field marked data-autofocus (the
      // search box) is where typing should go. React's autoFocus fires while the dialog is
      // still closed, so it cannot do this.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onClosed = () => {
      const target = returnFocus.current;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    };
    dialog.addEventListener('close', onClosed);
    return () => dialog.removeEventListener('close', onClosed);
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${size} ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={(event) => {
        // The browser lets Tab leave a modal dialog for its own toolbar (in a page, the
        // document itself): keep it going round the dialog's controls instead.
        if (event.key !== 'Tab' || !ref.current) return;
        const stops = [...ref.current.querySelectorAll<HTMLElement>(TABBABLE)].filter(
          (el) => el.checkVisibility() && el.tabIndex >= 0,
        );
        const first = stops[0];
        const last = stops[stops.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && (document.activeElement === first || !ref.current.contains(document.activeElement))) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === ref.current) {
          const r = ref.current.getBoundingClientRect();
          const inside =
            event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
          if (!inside) onClose();
        }
      }}
    >
      {open && (
        <>
          <header className="modal-header">
            <h1 id={titleId}>{title}</h1>
            <button type="button" className="btn ghost icon" aria-label="Close" onClick={onClose}>
              <Icon name="close" />
            </button>
          </header>
          <div className="modal-body">{children}</div>
          {footer && <footer className="modal-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
