// Asking before what cannot be undone (or what loses typed work): one dialog for the whole app.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Modal } from './Modal';

export type Question = { title: string; message: ReactNode; confirm: string; cancel?: string; danger?: boolean };

const T = { cancel: 'انصراف' };

/** `ask` opens the dialog and resolves true for the confirm button, false for cancel, Esc or a click outside. */
export function useConfirm() {
  const [q, setQ] = useState<Question | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback((question: Question): Promise<boolean> => {
    resolver.current?.(false);
    setQ(question);
    return new Promise<boolean>((resolve) => { resolver.current = resolve; });
  }, []);
  const answer = useCallback((ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setQ(null);
  }, []);
  const dialog = q ? (
    <Modal title={q.title} onClose={() => answer(false)}>
      <div className="confirm" data-testid="confirm">
        <div className="confirm-message">{q.message}</div>
        <div className="actions">
          <button type="button" className={q.danger ? 'danger' : 'primary'} autoFocus onClick={() => answer(true)}>{q.confirm}</button>
          <button type="button" onClick={() => answer(false)}>{q.cancel ?? T.cancel}</button>
        </div>
      </div>
    </Modal>
  ) : null;
  return { ask, dialog };
}
