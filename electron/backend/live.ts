// Live updates for the desks: what each committed unit of work changed, sent to every signed-in desk that
// listens, so that the queue, the day's list, the worklist and the board change within a second elsewhere.
// A stream ends when its session does: at once on sign-out or when its account is disabled or reset, and
// within a few seconds after its idle time.
import type { CallerRef } from './dispatch';
import { sessionId, type Sessions } from './auth/sessions';
import type { ChangeNotice, Store } from './store/store';

const SESSION_CHECK_MS = 5000;

export type Watch = (caller: CallerRef, send: (c: ChangeNotice) => void, ended: () => void) => Promise<(() => void) | null>;

export function makeWatch(store: Store, sessions: Sessions): Watch {
  return async (caller, send, ended) => {
    const alive = async (): Promise<boolean> => {
      if (caller.kind === 'system') return true;
      if (!caller.token) return false;
      const { sessionIdleMinutes } = await store.getSettings();
      return sessions.alive(caller.token, sessionIdleMinutes * 60_000);
    };
    if (!(await alive())) return null;
    const end = (): void => {
      stop();
      ended();
    };
    const stopListening = store.onChange(send);
    const mine = caller.kind === 'session' && caller.token ? sessionId(caller.token) : null;
    const stopEnds = sessions.onEnd((ids) => {
      if (mine && ids.includes(mine)) end();
    });
    const timer = setInterval(() => void alive().then((ok) => ok || end()), SESSION_CHECK_MS);
    timer.unref?.();
    const stop = (): void => {
      clearInterval(timer);
      stopListening();
      stopEnds();
    };
    return stop;
  };
}
