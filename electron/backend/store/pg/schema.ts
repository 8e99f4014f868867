// The database's schema as versioned SQL files (migrations/NNNN_name.sql), applied in order when a store opens
// and recorded in schema_migrations. Two servers starting at once take turns on an advisory lock, so each file
// runs exactly once; each runs in its own transaction with its record, so a failed one leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { DidarError } from '../../../../shared/errors';
import { msg } from '../../../../shared/messages';
import { runner } from './connection';

export type Migration = { version: number; name: string; sql: string };

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * The folder of the SQL files: beside this module when it runs from the sources (tsx, tests), or the copy the
 * Electron build puts beside its bundle (electron.vite.config.ts).
 */
function migrationsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'migrations'), path.join(here, 'pg-migrations'), path.join(here, '..', 'pg-migrations')];
  const found = candidates.find((d) => fs.existsSync(d));
  if (!found) throw new Error(`PostgreSQL migrations not found beside ${here}`);
  return found;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const m = FILE.exec(f);
    return m ? [{ version: Number(m[1]), name: m[2]!, sql: fs.readFileSync(path.join(dir, f), 'utf8') }] : [];
  }).sort((a, b) => a.version - b.version);
}

/** The schema version this build of Didar writes. */
export const latestVersion = (all = loadMigrations()): number => all.at(-1)?.version ?? 0;

/** Applies the migrations the database does not have yet; refuses a database a newer Didar has migrated. */
export async function applyMigrations(pool: pg.Pool, name: string, all = loadMigrations()): Promise<number[]> {
  const client = await pool.connect();
  const run = runner(client, name);
  const applied: number[] = [];
  try {
    // one key per schema: the same database may hold several stores (tests), each migrated on its own
    await run("SELECT pg_advisory_lock(hashtext('didar-migrations:' || current_schema()))");
    try {
      // created only when missing, so that a read-only database (a standby) that is up to date still opens
      const [t] = await run<{ exists: boolean }>("SELECT to_regclass(quote_ident(current_schema()) || '.schema_migrations') IS NOT NULL AS exists");
      if (!t!.exists) {
        await run(`CREATE TABLE schema_migrations (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      }
      const done = new Set((await run<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
      const newest = Math.max(0, ...done);
      if (newest > latestVersion(all)) throw new DidarError('newer-schema', msg.dbNewerSchema(name, newest));
      for (const m of all) {
        if (done.has(m.version)) continue;
        await run('BEGIN');
        try {
          await run(m.sql);
          await run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await run('COMMIT');
        } catch (e) {
          await run('ROLLBACK').catch(() => undefined);
          throw e;
        }
        applied.push(m.version);
      }
    } finally {
      await run("SELECT pg_advisory_unlock(hashtext('didar-migrations:' || current_schema()))").catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return applied;
}
