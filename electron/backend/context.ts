import type { Actor, Store, StoreReader, Tx } from './store/store';

/** What a read needs: the data, who asks, and a clock (fixed in tests). */
export type ReadContext = { store: StoreReader; actor: Actor; now: () => Date };

/** Inside a unit of work: reads see the unit's own changes, and writes go to it. */
export type TxContext = ReadContext & { store: Tx };

/** What every service gets for one call. Data changes only through `mutate`, one unit of work. */
export type BackendContext = ReadContext & {
  store: StoreReader & Pick<Store, 'logEvent' | 'backupStatus'>;
  mutate<T>(action: string, fn: (t: TxContext) => Promise<T>): Promise<T>;
};

/** How many units of work one call may commit: a query none, a change exactly one (bulk actions too). */
export type CallKind = 'query' | 'mutation' | 'any';

export function makeContext(store: Store, actor: Actor, now: () => Date, kind: CallKind = 'any'): BackendContext {
  let units = 0;
  return {
    store,
    actor,
    now,
    // The contract's marks are checked on every call: a query that changes data, or a change made in two
    // commits, is a bug in the handler, refused before anything is written. A unit that changes nothing
    // (a print re-done because another desk printed first) does not count.
    mutate: (action, fn) => store.mutate(actor, action, async (tx) => {
      const result = await fn({ store: tx, actor, now });
      if (tx.hasChanges()) {
        if (kind === 'query') throw new Error(`a query tried to change data (${action})`);
        if (kind === 'mutation' && ++units > 1) throw new Error(`a change committed twice (${action})`);
      }
      return result;
    }),
  };
}
