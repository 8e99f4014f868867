// Opens the store a backend was configured for: the data folder (file store) or a PostgreSQL database, each
// with the place its signed-in sessions are kept between runs.
import { sessionFile, type SessionPersistence } from '../auth/sessions';
import type { StoreLocation } from '../data-dir';
import { openFileStore } from './file-store';
import { openPgStore } from './pg/pg-store';
import type { Store } from './store';

export type OpenedStore = { store: Store; sessions: SessionPersistence };

export async function openStore(at: StoreLocation, now: () => Date): Promise<OpenedStore> {
  if (at.databaseUrl !== undefined) {
    const store = await openPgStore(at.databaseUrl, { now });
    return { store, sessions: store.sessions() };
  }
  const store = await openFileStore(at.dataDir, { now });
  return { store, sessions: sessionFile(store.dataDir) };
}
