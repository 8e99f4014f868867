// Sessions kept in the database instead of the data folder's sessions.json. A save writes what changed since
// the last one: the sessions this server knows are upserted, the ones it ended are deleted, and sessions that
// other servers on the same database keep are left alone.
import type pg from 'pg';
import type { SessionPersistence, SessionRecord } from '../../auth/sessions';
import { runner } from './connection';

export function pgSessions(pool: pg.Pool, name: string): SessionPersistence {
  const run = runner(pool, name);
  let known = new Set<string>();
  return {
    load: async () => {
      const rows = await run<{ id: string; account_id: string; created_at: string; last_seen_at: string }>(
        'SELECT id, account_id, created_at, last_seen_at FROM sessions ORDER BY created_at, id');
      known = new Set(rows.map((r) => r.id));
      return rows.map((r): SessionRecord => ({ id: r.id, accountId: r.account_id, createdAt: Number(r.created_at), lastSeenAt: Number(r.last_seen_at) }));
    },
    save: async (all) => {
      const ids = new Set(all.map((s) => s.id));
      const ended = [...known].filter((id) => !ids.has(id));
      await run(
        `WITH gone AS (DELETE FROM sessions WHERE id = ANY($1::text[]))
         INSERT INTO sessions (id, account_id, created_at, last_seen_at)
         SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[])
         ON CONFLICT (id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
        [ended, all.map((s) => s.id), all.map((s) => s.accountId), all.map((s) => s.createdAt), all.map((s) => s.lastSeenAt)]);
      known = ids;
    },
  };
}
