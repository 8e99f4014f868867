// Opens a data folder and returns the handlers on it: used by Electron's main process, the web shell,
// the CLI and the tests alike.
import os from 'node:os';
import type { Handlers } from '../../shared/api';
import type { BackendContext } from './context';
import { makeDispatch, type Dispatch } from './dispatch';
import { makeHandlers } from './handlers';
import { openFileStore, type FileStore } from './store/file-store';

export type Backend = { store: FileStore; handlers: Handlers; dispatch: Dispatch; ctx: BackendContext; close: () => Promise<void> };

export type BackendOptions = { dataDir: string; operator?: string; now?: () => Date };

export async function openBackend(o: BackendOptions): Promise<Backend> {
  const now = o.now ?? (() => new Date());
  const store = await openFileStore(o.dataDir, { now });
  const ctx: BackendContext = { store, actor: { operator: o.operator ?? defaultOperator() }, now };
  const handlers = makeHandlers(ctx);
  return { store, handlers, dispatch: makeDispatch(handlers), ctx, close: () => store.close() };
}

export function defaultOperator(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'desk';
  }
}
