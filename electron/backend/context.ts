import type { Store, Actor } from './store/store';

/** What every service gets: the store, who is at the desk, and a clock (fixed in tests). */
export type BackendContext = {
  store: Store;
  actor: Actor;
  now: () => Date;
};
