// The one way a screen reads from the backend and runs an action: loading, value and error together, so a
// failed call shows its Persian message instead of «loading» forever.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Args, Method, Result } from '../../../shared/api';
import { ApiFailure, call } from '../api';

export type CallState<T> = { loading: boolean; value: T | undefined; error: string };

/** A failure as the user reads it. */
export const failureText = (e: unknown): string => (e instanceof ApiFailure ? e.message : String(e));

/**
 * Calls `method` with `args` now and whenever the arguments or `version` change; `args` null waits.
 * A newer call's answer replaces an older one's, never the other way round.
 */
export function useCall<M extends Method>(method: M, args: Args<M> | null, version = 0): CallState<Result<M>> & { reload: () => void } {
  const [again, setAgain] = useState(0);
  const key = args === null ? null : JSON.stringify(args);
  const request = key === null ? null : `${method}|${key}|${version}|${again}`;
  // The answer remembers which request it answers: until the current one's arrives, the screen is loading.
  const [answer, setAnswer] = useState<{ request: string; value?: Result<M>; error: string } | null>(null);
  useEffect(() => {
    if (key === null || request === null) return;
    let live = true;
    call(method, JSON.parse(key) as Args<M>).then(
      (value) => live && setAnswer({ request, value, error: '' }),
      (e: unknown) => live && setAnswer((a) => ({ request, ...(a?.value !== undefined ? { value: a.value } : {}), error: failureText(e) })),
    );
    return () => { live = false; };
  }, [method, key, request]);
  const reload = useCallback(() => setAgain((n) => n + 1), []);
  return {
    loading: request !== null && answer?.request !== request,
    value: answer?.value,
    error: answer?.request === request ? answer.error : '',
    reload,
  };
}

/**
 * Runs one user action at a time: `busy` while it runs (a second start is ignored, even in the same tick),
 * its error kept for the screen. Resolves to the action's value, or undefined when it failed or was ignored.
 */
export function useAction() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async <T,>(f: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError('');
    try {
      return await f();
    } catch (e) {
      setError(failureText(e));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}
