import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

type Props = { title: string; onClose: () => void; children: ReactNode; wide?: boolean };

const T = { close: 'بستن (Esc)' };

/** Open dialogs, innermost last: Esc closes only the innermost (a question asked over a case's details). */
const open: object[] = [];
const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

/**
 * A dialog that holds the keyboard while it is open: focus moves into it (to a child marked `data-autofocus` or
 * focused by its own autoFocus, else the dialog itself) and cannot leave it, so Enter never presses a button
 * behind it (a second slip printed as a reprint); on close focus goes back where it was.
 */
export function Modal({ title, onClose, children, wide }: Props) {
  const close = useRef(onClose);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => { close.current = onClose; }, [onClose]);
  // before paint, so an Esc pressed the moment the dialog shows already closes it
  useLayoutEffect(() => {
    const me = {};
    open.push(me);
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = box.current!;
    if (!dialog.contains(document.activeElement)) (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog).focus();
    const onKey = (e: KeyboardEvent): void => {
      if (open.at(-1) !== me) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        close.current();
      } else if (e.key === 'Tab') {
        const stops = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const at = stops.indexOf(document.activeElement as HTMLElement);
        const next = e.shiftKey ? (at <= 0 ? stops.at(-1) : undefined) : (at === stops.length - 1 ? stops[0] : undefined);
        if (next) {
          e.preventDefault();
          next.focus();
        }
      }
    };
    const keepInside = (e: FocusEvent): void => {
      if (open.at(-1) === me && e.target instanceof Node && !dialog.contains(e.target)) dialog.focus();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', keepInside);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', keepInside);
      open.splice(open.indexOf(me), 1);
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div ref={box} tabIndex={-1} className={`modal${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <div className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="ghost" onClick={onClose} aria-label={T.close} title={T.close}>×</button>
        </div>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
