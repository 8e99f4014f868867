// Live updates for the desks: what each committed unit of work changed, sent to every signed-in desk that
// listens, so that the queue, the day's list, the worklist and the board change within a second elsewhere.
// A stream ends when its session does: at once on sign-out or when its account is disabled or reset, and
// within a few seconds after its idle time. A county governorate's desk hears only of its own office's records.
import type { CallerRef } from './dispatch';
import { sessionId, type Sessions } from './auth/sessions';
import { PRIVATE_ENTITIES } from '../../shared/live';
import { officeOf, PROVINCE, type Office } from '../../shared/offices';
import { storeOfOffice } from './store/office-scope';
import { dayOfQueueKey, type ChangeNotice, type Store, type StoreReader } from './store/store';

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
    const office = await officeOfCaller(store, sessions, caller);
    const seen = office === PROVINCE ? null : storeOfOffice(store, office);
    let inOrder = Promise.resolve();
    const stopListening = store.onChange((c) => {
      const changes = c.changes.filter((x) => !PRIVATE_ENTITIES.has(x.entity)); // another desk's idempotency key stays its own
      if (!changes.length) return;
      if (!seen) return send({ ...c, changes });
      // a county's desk: only what its office may see (looked up in order, so notices keep their order)
      inOrder = inOrder.then(async () => {
        const own = [];
        for (const x of changes) if (await isOwn(seen, office, x)) own.push(x);
        if (own.length) send({ ...c, changes: own });
      }).catch((e: unknown) => console.error('[didar] live update not sent:', e));
    });
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

async function officeOfCaller(store: StoreReader, sessions: Sessions, caller: CallerRef): Promise<Office> {
  if (caller.kind === 'system' || !caller.token) return PROVINCE;
  const id = sessions.accountOf(caller.token);
  const account = id ? await store.getAccount(id) : undefined;
  return account ? officeOf(account) : PROVINCE;
}

/** Whether a changed record is one the office's desks see (the store seen through the office answers). */
async function isOwn(seen: StoreReader, office: Office, change: { entity: string; id: string }): Promise<boolean> {
  switch (change.entity) {
    case 'case': return !!(await seen.getCase(change.id));
    case 'meetingDay': return !!(await seen.getMeetingDay(change.id));
    case 'queueEntry': return !!(await seen.getMeetingDay(dayOfQueueKey(change.id)));
    case 'circular': return !!(await seen.getCircular(change.id));
    case 'account': {
      const a = await seen.getAccount(change.id);
      return !!a && officeOf(a) === office;
    }
    default: return true; // the province's settings and the board's corrections are every office's
  }
}
