// Opens a data folder and returns the handlers on it: used by Electron's main process, the web shell,
// the CLI and the tests alike.
import os from 'node:os';
import type { Handlers } from './handlers';
import { DidarError } from '../../shared/errors';
import { msg } from '../../shared/messages';
import { api } from '../../shared/api';
import { makeContext, type BackendContext } from './context';
import { makeDispatch, type Dispatch } from './dispatch';
import { makeHandlers } from './handlers';
import { openFileStore, type FileStore } from './store/file-store';

/** `ctx` is for the CLI, scripts and tests that call services directly: it may commit any number of units. */
export type Backend = { store: FileStore; handlers: Handlers; dispatch: Dispatch; ctx: BackendContext; close: () => Promise<void> };

export type BackendOptions = { dataDir: string; operator?: string; now?: () => Date };

export async function openBackend(o: BackendOptions): Promise<Backend> {
  const now = o.now ?? (() => new Date());
  const store = await openFileStore(o.dataDir, { now });
  const actor = { operator: o.operator ?? defaultOperator() };
  const handlers = makeHandlers();
  const dispatch = makeDispatch(handlers, (m) => makeContext(store, actor, now, api[m].mutates ? 'mutation' : 'query'));
  return { store, handlers, dispatch, ctx: makeContext(store, actor, now), close: () => store.close() };
}

/** A data folder being opened while the window already shows (loading 100,000 cases takes a second or two). */
export type Opening = { ready: Promise<Backend>; dispatch: Dispatch; close: () => Promise<void> };

/**
 * Opens the backend without holding up the page: calls made meanwhile wait for it. If the folder cannot be
 * opened (a broken file, another Didar using it) every call answers with the reason, so the page tells the
 * clerk what is wrong and what to do; the caller reports `ready`'s failure where it logs.
 */
export function openInBackground(o: BackendOptions): Opening {
  const ready = openBackend(o);
  ready.catch(() => undefined); // answered by dispatch below; the caller decides how to report it
  return {
    ready,
    dispatch: async (method, args) => {
      let backend: Backend;
      try {
        backend = await ready;
      } catch (e) {
        // the page shows this until Didar is restarted, so it says what happened rather than «try again»
        const error = e instanceof DidarError ? e.toApiError() : { code: 'internal' as const, message: msg.openFailed(e instanceof Error ? e.message : String(e)) };
        return { ok: false, error };
      }
      return backend.dispatch(method, args);
    },
    close: async () => {
      await (await ready.catch(() => null))?.close();
    },
  };
}

export function defaultOperator(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'desk';
  }
}
