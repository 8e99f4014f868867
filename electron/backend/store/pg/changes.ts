// Live updates across servers: every unit of work sends a NOTIFY on the store's channel in its own transaction
// (PostgreSQL delivers it at COMMIT, never for a rollback), and each server listening on one connection of its
// own passes the units other servers committed to its desks. A notice too long for NOTIFY's 8000 bytes carries
// only its audit number and is read back from the audit row; after a lost connection the audit rows committed
// meanwhile are read, so a desk misses nothing.
import pg from 'pg';
import { z } from 'zod';
import type { ChangeNotice } from '../store';
import { displayName, runner } from './connection';

/** NOTIFY's payload must stay under 8000 bytes. */
const PAYLOAD_MAX = 7900;
const RECONNECT_MS = 1000;

const PayloadSchema = z.object({
  origin: z.string(),
  seq: z.number().int().min(1),
  notice: z.object({
    seq: z.number().int(), action: z.string(), by: z.string(),
    changes: z.array(z.object({ entity: z.string(), id: z.string() })),
  }).optional(),
});

/** The channel of one store (the schema of a database): several stores may share a database. */
export const channelOf = (lockKey: number): string => `didar_changes_${(lockKey >>> 0).toString(16)}`;

/** The payload of a committed unit's NOTIFY: the whole notice when it fits, else only its audit number. */
export function notifyPayload(origin: string, notice: ChangeNotice): string {
  const whole = JSON.stringify({ origin, seq: notice.seq, notice });
  return Buffer.byteLength(whole) <= PAYLOAD_MAX ? whole : JSON.stringify({ origin, seq: notice.seq });
}

type Run = ReturnType<typeof runner>;

/** The audit rows after `seq` (up to `upTo`), oldest first, as notices; events that changed nothing have no changes. */
async function auditAfter(run: Run, seq: number, upTo: number | null): Promise<ChangeNotice[]> {
  const rows = await run<{ seq: string; action: string; by: string; changes: { entity: string; id: string }[] | null }>(
    `SELECT a.seq, a.action, a.by,
            (SELECT json_agg(json_build_object('entity', c->>'entity', 'id', c->>'id')) FROM jsonb_array_elements(a.changes) c) AS changes
       FROM audit a WHERE a.seq > $1 AND ($2::bigint IS NULL OR a.seq <= $2) ORDER BY a.seq`,
    [seq, upTo]);
  return rows.map((r) => ({ seq: Number(r.seq), action: r.action, by: r.by, changes: r.changes ?? [] }));
}

/** The whole audit trail of a store's database, oldest first, as notices (read back after a measured day). */
export async function readAuditTrail(url: string): Promise<ChangeNotice[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await auditAfter(runner(pool, displayName(url)), 0, null);
  } finally {
    await pool.end();
  }
}

/**
 * Listens on the channel for the units other servers commit (`origin` marks this server's own, which it has
 * told its desks already) and hands each to `deliver`, in commit order. Returns the function that stops.
 */
export function listenForChanges(url: string, name: string, channel: string, origin: string, deliver: (c: ChangeNotice) => void): () => Promise<void> {
  const reader = new pg.Pool({ connectionString: url, max: 1, application_name: 'didar-live' });
  reader.on('error', () => undefined);
  const read = runner(reader, name);
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  /** The newest audit number delivered (or known when listening began). */
  let last = 0;
  let chain = Promise.resolve();
  const inOrder = (f: () => Promise<void>): void => {
    chain = chain.then(f).catch((e: unknown) => console.error('[didar] live updates from other servers:', e));
  };
  /** Delivers the audit rows after `last` up to `upTo` (a notice lost with a connection, or never sent). */
  const catchUp = async (upTo: number | null): Promise<void> => {
    for (const n of await auditAfter(read, last, upTo)) {
      if (n.changes.length) deliver(n);
      last = n.seq;
    }
  };

  const reconnect = (): void => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, RECONNECT_MS);
    timer.unref?.();
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: 'didar-live' });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (client === c) client = null;
      reconnect();
    });
    c.on('notification', (n) => {
      if (n.channel !== channel || !n.payload) return;
      let p: z.output<typeof PayloadSchema>;
      try {
        p = PayloadSchema.parse(JSON.parse(n.payload));
      } catch {
        return; // not one of ours
      }
      inOrder(async () => {
        if (p.seq <= last) return;
        if (p.seq > last + 1) await catchUp(p.seq - 1);
        if (p.origin !== origin) deliver(p.notice ?? (await auditAfter(read, p.seq - 1, p.seq))[0] ?? { seq: p.seq, action: '', by: '', changes: [] });
        last = p.seq;
      });
    });
    try {
      // where this server stands first: what is committed after it and before LISTEN is read, not lost
      if (!last) last = Number((await read<{ seq: string | null }>('SELECT max(seq) AS seq FROM audit'))[0]?.seq ?? 0);
      await c.connect();
      await c.query(`LISTEN "${channel}"`);
      if (stopped) return void (await c.end());
      client = c;
      inOrder(() => catchUp(null));
    } catch {
      await c.end().catch(() => undefined);
      reconnect();
    }
  };
  void connect();

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => undefined);
    await chain;
    await reader.end().catch(() => undefined);
  };
}
