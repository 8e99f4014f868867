// Opens a data folder or a PostgreSQL database and returns the handlers on it: used by Electron's main process,
// the web shell, the CLI and the tests alike.
import os from 'node:os';
import type { Handlers } from './handlers';
import { DidarError } from '../../shared/errors';
import { msg } from '../../shared/messages';
import { api, type ServerStatus } from '../../shared/api';
import { ROLES } from '../../shared/roles';
import { PROVINCE } from '../../shared/offices';
import { AttemptLimit } from './attempt-limit';
import { Sessions } from './auth/sessions';
import { makeContext, type AuthServices, type BackendContext } from './context';
import { makeDispatch, type Dispatch, type DispatchAs } from './dispatch';
import { makeWatch, type Watch } from './live';
import { makeHandlers } from './handlers';
import { SIGN_IN_ATTEMPTS, SIGN_IN_SOURCE_ATTEMPTS } from './services/accounts';
import { runsSettled } from './services/grouping';
import { tlsHomeOf, type StoreLocation } from './data-dir';
import { openStore } from './store/open-store';
import type { Store } from './store/store';

/**
 * An open data folder. `dispatch` calls as the command line (`cli:<os user>`, every role): the CLI, scripts
 * and tests; `dispatchAs` is what the transports use, with the caller of each call. `ctx` is for code that
 * calls services directly as the command line: it may commit any number of units of work.
 */
export type Backend = {
  store: Store; handlers: Handlers; dispatch: Dispatch; dispatchAs: DispatchAs; watch: Watch; ctx: BackendContext; close: () => Promise<void>;
};

/**
 * `server`: how this Didar is reached, told by the web shell once it listens (local-only otherwise). `tlsHome`:
 * the folder of the server's certificate when not the usual one (`tlsHomeOf`).
 */
export type BackendOptions = StoreLocation & { operator?: string; now?: () => Date; server?: () => ServerStatus; tlsHome?: string };

export async function openBackend(o: BackendOptions): Promise<Backend> {
  const now = o.now ?? (() => new Date());
  const { store, sessions: kept } = await openStore(o, now);
  try {
    const sessions = await Sessions.open(kept, () => now().getTime());
    const clock = (): number => now().getTime();
    const auth = { sessions, failures: new AttemptLimit({ ...SIGN_IN_ATTEMPTS, now: clock }), sourceFailures: new AttemptLimit({ ...SIGN_IN_SOURCE_ATTEMPTS, now: clock }) };
    const operator = o.operator ?? defaultOperator();
    const handlers = makeHandlers();
    const tlsHome = o.tlsHome ?? tlsHomeOf(o);
    const dispatchAs = makeDispatch(handlers, {
      store, auth, now,
      context: (m, caller, services, submission) => makeContext(store, caller, services, now, api[m].mutates ? 'mutation' : 'query', submission, o.server, tlsHome),
    });
    const system = { kind: 'system', operator } as const;
    const services: AuthServices = { ...auth, setSession: () => undefined, source: operator };
    return {
      store, handlers, dispatchAs, watch: makeWatch(store, sessions),
      dispatch: (m, a) => dispatchAs(system, m, a),
      ctx: makeContext(store, { operator, roles: ROLES, office: PROVINCE }, services, now, 'any', undefined, undefined, tlsHome),
      close: async () => {
        await runsSettled(store);
        await sessions.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** A data folder being opened while the window already shows (loading 100,000 cases takes a second or two). */
export type Opening = { ready: Promise<Backend>; dispatchAs: DispatchAs; watch: Watch; close: () => Promise<void> };

/**
 * Opens the backend without holding up the page: calls made meanwhile wait for it. If the folder cannot be
 * opened (a broken file, another Didar using it) every call answers with the reason, so the page tells the
 * clerk what is wrong and what to do; the caller reports `ready`'s failure where it logs.
 */
export function openInBackground(o: BackendOptions): Opening {
  const ready = openBackend(o);
  ready.catch(() => undefined); // answered by dispatch below; the caller decides how to report it
  // a served day prints a slip per citizen: pdfmake and the fonts load in the PDF worker once the store is open
  ready.then(async () => (await import('./pdf/slip-pdf')).warmPdfRenderer()).catch(() => undefined);
  return {
    ready,
    dispatchAs: async (caller, method, args, submission) => {
      let backend: Backend;
      try {
        backend = await ready;
      } catch (e) {
        // the page shows this until Didar is restarted, so it says what happened rather than «try again»
        const error = e instanceof DidarError ? e.toApiError() : { code: 'internal' as const, message: msg.openFailed(e instanceof Error ? e.message : String(e)) };
        return { ok: false, error };
      }
      return backend.dispatchAs(caller, method, args, submission);
    },
    watch: async (caller, send, ended) => (await ready.catch(() => null))?.watch(caller, send, ended) ?? null,
    close: async () => {
      await (await ready.catch(() => null))?.close();
    },
  };
}

/** The command line acts as `cli:<os user>`: whoever runs it holds the files. */
export function defaultOperator(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}
