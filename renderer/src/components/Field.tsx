import type { ReactNode } from 'react';

type Props = { label: string; htmlFor: string; error?: string | undefined; hint?: ReactNode; children: ReactNode; wide?: boolean };

/** A labelled form field with its validation message underneath (announced to screen readers). */
export function Field({ label, htmlFor, error, hint, children, wide }: Props) {
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={htmlFor} id={`${htmlFor}-label`}>{label}</label>
      {children}
      {error ? <div className="field-error" role="alert" id={`${htmlFor}-error`}>{error}</div> : hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}
