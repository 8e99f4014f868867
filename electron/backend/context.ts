import type { ServerStatus } from '../../shared/api';
import type { Role } from '../../shared/roles';
import type { AttemptLimit } from './attempt-limit';
import type { Sessions } from './auth/sessions';
import type { Actor, Store, StoreReader, Tx } from './store/store';
import { PROVINCE, type Office } from '../../shared/offices';
import { storeOfOffice, txOfOffice } from './store/office-scope';

/**
 * Who makes a call: a signed-in account (its session), or the command line / script token, which act for
 * `cli:<os user>` with every role (whoever runs them holds the files). Resolved by dispatch for each call.
 */
export type Principal = {
  /** As the audit trail and the case history name them: the account's user name, or `cli:<os user>`. */
  operator: string;
  roles: readonly Role[];
  /** The office the account works for (shared/offices.ts); the command line is the province's. */
  office: Office;
  accountId?: string;
  /** The session the call came with (signing out ends it). */
  sessionId?: string;
  mustChangePassword?: boolean;
};

/** What the sign-in methods need beyond the store: the server's sessions and its count of wrong passwords. */
export type AuthServices = {
  sessions: Sessions;
  /** Wrong passwords per user name, and per place the calls come from (one address guessing many names). */
  failures: AttemptLimit;
  sourceFailures: AttemptLimit;
  /** Where this call comes from: the desk's network address, or this PC's own window. */
  source: string;
  /** Hands a new session token to the transport (a cookie, the window's session), or null to end it there. */
  setSession: (token: string | null) => void;
};

/**
 * What a read needs: the data as the caller's office sees it (office-scope.ts), who asks and for which office,
 * and a clock (fixed in tests).
 */
export type ReadContext = { store: StoreReader; actor: Actor; office: Office; now: () => Date };

/** Inside a unit of work: reads see the unit's own changes, and writes go to it. */
export type TxContext = ReadContext & { store: Tx };

/** What every service gets for one call. Data changes only through `mutate`, one unit of work. */
export type BackendContext = ReadContext & {
  /** How this Didar is reached (set by the web shell in server mode). */
  server: () => ServerStatus;
  /** The folder whose tls/ holds the server's certificate (the data folder, or the app's when the data is elsewhere). */
  tlsHome: string;
  store: StoreReader & Pick<Store, 'logEvent' | 'backupStatus'>;
  /** `as`: the account a change is made for when nobody is signed in yet (the first administrator). */
  mutate<T>(action: string, fn: (t: TxContext) => Promise<T>, as?: Actor): Promise<T>;
  caller: Principal | null;
  auth: AuthServices;
};

/** How many units of work one call may commit: a query none, a change exactly one (bulk actions too). */
export type CallKind = 'query' | 'mutation' | 'any';

/** `submission`: the call's idempotency key, stored with the one unit of work it commits. */
export const LOCAL_ONLY: ServerStatus = { mode: 'local', urls: [], fingerprint: null, certificate: null, validTo: null };

export function makeContext(
  store: Store, caller: Principal | null, auth: AuthServices, now: () => Date, kind: CallKind = 'any', submission?: string,
  server: () => ServerStatus = () => LOCAL_ONLY, tlsHome: string = store.dataDir,
): BackendContext {
  let units = 0;
  const actor: Actor = { operator: caller?.operator ?? 'guest' };
  const office = caller?.office ?? PROVINCE;
  return {
    store: storeOfOffice(store, office),
    actor,
    office,
    now,
    caller,
    auth,
    server,
    tlsHome,
    // The contract's marks are checked on every call: a query that changes data, or a change made in two
    // commits, is a bug in the handler, refused before anything is written. A unit that changes nothing
    // (a print re-done because another desk printed first) does not count.
    mutate: (action, fn, as = actor) => {
      // counted while it may commit: a store may run a unit's function again before it commits (pg-store.ts),
      // and a unit that fails (a service may try again) is no unit
      let counted = false;
      const uncount = (): void => {
        if (counted) units--;
        counted = false;
      };
      return store.mutate(as, action, async (tx) => {
        uncount();
        const result = await fn({ store: txOfOffice(tx, office), actor: as, office, now });
        if (tx.hasChanges()) {
          if (kind === 'query') throw new Error(`a query tried to change data (${action})`);
          units++;
          counted = true;
          if (kind === 'mutation' && units > 1) throw new Error(`a change committed twice (${action})`);
        }
        return result;
      }, submission).catch((e: unknown) => {
        uncount();
        throw e;
      });
    },
  };
}
