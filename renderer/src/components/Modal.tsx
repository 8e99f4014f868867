import { useEffect, useRef, type ReactNode } from 'react';

type Props = { title: string; onClose: () => void; children: ReactNode; wide?: boolean };

const T = { close: 'بستن (Esc)' };

/** Open dialogs, innermost last: Esc closes only the innermost (a question asked over a case's details). */
const open: object[] = [];

export function Modal({ title, onClose, children, wide }: Props) {
  const close = useRef(onClose);
  useEffect(() => { close.current = onClose; }, [onClose]);
  useEffect(() => {
    const me = {};
    open.push(me);
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && open.at(-1) === me) {
        e.stopPropagation();
        close.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      open.splice(open.indexOf(me), 1);
    };
  }, []);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className={`modal${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <div className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="ghost" onClick={onClose} aria-label={T.close} title={T.close}>×</button>
        </div>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
