// The PostgreSQL side of the test helpers: each test file gets its own database in the cluster the global
// setup started (pg-global-setup.ts), and each store a test opens gets a schema of its own in it, so a fresh
// store is as empty as a fresh temporary folder. Nothing here is a mock: every store runs on the real server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

declare module 'vitest' {
  // an interface: vitest's context is extended by declaration merging
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** The throwaway cluster's superuser URL (its `postgres` database), when the run is on PostgreSQL. */
    pgAdminUrl: string;
  }
}

const withDatabase = (url: string, db: string): string => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

async function admin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

let database: Promise<string> | null = null;

/** This test file's database (created on first use, dropped after the file's tests). */
function fileDatabase(): Promise<string> {
  database ??= (async () => {
    const root = inject('pgAdminUrl');
    const name = `didar_${randomBytes(6).toString('hex')}`;
    await admin(root, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(root, name);
    // in public, for every schema of the file (a trusted extension: a database owner may create it too)
    await admin(url, (c) => c.query('CREATE EXTENSION pg_trgm'));
    afterAll(async () => {
      await admin(root, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    });
    return url;
  })();
  return database;
}

/** A new, empty store location: the URL of a schema of its own in this file's database. */
export async function freshDatabaseUrl(): Promise<string> {
  const url = await fileDatabase();
  const schema = `s_${randomBytes(6).toString('hex')}`;
  await admin(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

/** The tables of a store, in a stable order, as JSON: what a folder's files are for the «nothing changed» checks. */
export async function dumpDatabase(url: string): Promise<Record<string, string>> {
  return admin(url, async (c) => {
    const tables = (await c.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1")).rows;
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const rows = (await c.query(`SELECT to_jsonb(x) AS r FROM ${t} x ORDER BY to_jsonb(x)::text`)).rows as { r: unknown }[];
      out[t] = JSON.stringify(rows.map((r) => r.r));
    }
    return out;
  });
}

export type AuditRow = { seq: number; at: string; by: string; action: string; entity: string; id: string; changes: { entity: string; id: string; before: unknown; after: unknown }[] };

/** The audit trail of a store on PostgreSQL, oldest first, in the journal's shape. */
export function auditOfDatabase(url: string): Promise<AuditRow[]> {
  return admin(url, async (c) => (await c.query<{ seq: string; at: Date; by: string; action: string; entity: string; entity_id: string; changes: AuditRow['changes'] }>(
    'SELECT seq, at, by, action, entity, entity_id, changes FROM audit ORDER BY seq')).rows
    .map((r) => ({ seq: Number(r.seq), at: r.at.toISOString(), by: r.by, action: r.action, entity: r.entity, id: r.entity_id, changes: r.changes })));
}

/** Runs SQL on a store's database as its superuser (tests that look at or damage the rows themselves). */
export function sql<R extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values?: unknown[]): Promise<R[]> {
  return admin(url, async (c) => (await c.query<R>(text, values)).rows);
}
