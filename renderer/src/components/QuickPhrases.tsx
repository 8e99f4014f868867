import { useRef, useState, type KeyboardEvent } from 'react';

const T = { phrases: 'عبارت‌های آماده (پیکان‌ها برای رفتن میان آن‌ها، Enter برای افزودن)' };

/** The office's quick phrases for an order's text: one Tab stop, arrows between its buttons, Enter adds one. */
export function QuickPhrases({ phrases, onPick }: { phrases: readonly string[]; onPick: (phrase: string) => void }) {
  const [at, setAt] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    // left is onward in a right-to-left line
    const step = { ArrowLeft: 1, ArrowRight: -1, Home: -phrases.length, End: phrases.length }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const next = Math.min(phrases.length - 1, Math.max(0, at + step));
    setAt(next);
    buttons.current[next]?.focus();
  };
  return (
    <div className="phrases" role="toolbar" aria-label={T.phrases} onKeyDown={onKey}>
      {phrases.map((p, i) => (
        <button key={p} type="button" className="small ghost" tabIndex={i === Math.min(at, phrases.length - 1) ? 0 : -1}
          ref={(el) => { buttons.current[i] = el; }} onFocus={() => setAt(i)} onClick={() => onPick(p)}>{p}</button>
      ))}
    </div>
  );
}
