import { useEffect, type ReactNode } from 'react';

type Props = { title: string; onClose: () => void; children: ReactNode; wide?: boolean };

const T = { close: 'بستن (Esc)' };

export function Modal({ title, onClose, children, wide }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
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
