import type { CallState } from '../hooks/useCall';

const T = { loading: 'در حال بارگذاری…' };

/** What a read shows besides its value: a spinner until the first answer, the Persian message when a call failed. */
export function CallStatus({ state, loading = T.loading }: { state: CallState<unknown>; loading?: string }) {
  if (state.error) return <div className="alert error" role="alert">{state.error}</div>;
  if (state.loading && state.value === undefined) return <p className="muted" role="status">{loading}</p>;
  return null;
}

/** An action's error, if any. */
export function ActionError({ error }: { error: string }) {
  return error ? <div className="alert error" role="alert">{error}</div> : null;
}
