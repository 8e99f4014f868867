// The one way a screen reads from the backend and runs an action: loading, value and error together, so a
// failed call shows its Persian message instead of «loading» forever.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Args, Method, Result } from '../../../shared/api';
import { LIVE_READS } from '../../../shared/live';
import { ApiFailure, call } from '../api';
import { useLiveVersion } from '../live';

export type CallState<T> = { loading: boolean; value: T | undefined; error: string };

/** A failure as the user reads it. */
export const failureText = (e: unknown): string => (e instanceof ApiFailure ? e.message : String(e));

/**
 * Calls `method` with `args` now and whenever the arguments or `version` change; `args` null waits.
 * A list named in LIVE_READS is read again when another desk changes what it rests on, showing the value it
 * has meanwhile (no «loading» flicker). A newer call's answer replaces an older one's, never the other way round.
 */
export function useCall<M extends Method>(method: M, args: Args<M> | null, version = 0): CallState<Result<M>> & { reload: () => void } {
  const [again, setAgain] = useState(0);
  const live = useLiveVersion(LIVE_READS[method]);
  const key = args === null ? null : JSON.stringify(args);
  const asked = key === null ? null : `${method}|${key}|${version}|${again}`;
  const request = asked === null ? null : `${asked}|${live}`;
  // The answer remembers which request it answers: until the current one's arrives, the screen is loading.
  const [answer, setAnswer] = useState<{ request: string; asked: string; value?: Result<M>; error: string } | null>(null);
  useEffect(() => {
    if (key === null || request === null || asked === null) return;
    let current = true;
    call(method, JSON.parse(key) as Args<M>).then(
      (value) => current && setAnswer({ request, asked, value, error: '' }),
      (e: unknown) => current && setAnswer((a) => ({ request, asked, ...(a?.value !== undefined ? { value: a.value } : {}), error: failureText(e) })),
    );
    return () => { current = false; };
  }, [method, key, request, asked]);
  const reload = useCallback(() => setAgain((n) => n + 1), []);
  return {
    loading: asked !== null && answer?.asked !== asked,
    value: answer?.value,
    error: answer?.asked === asked ? answer.error : '',
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
