// Connecting to PostgreSQL: the pool, the database's name as the user sees it (never its password), and the
// translation of the server's failures into the Persian messages the desk shows.
import pg from 'pg';
import { DidarError } from '../../../../shared/errors';
import { msg } from '../../../../shared/messages';

/** Whether a store location names a database rather than a data folder. */
export const isDatabaseUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The URL without its password (shown on screens, in logs and in `app/info`). */
export function displayName(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export type Run = <R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

/** Connections per server: units of work use one at a time (they are serialised), reads the rest. */
const POOL_SIZE = 8;

export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 30_000, application_name: 'didar' });
  // an idle connection the server ended (a restart) is dropped from the pool; the next query connects again
  pool.on('error', () => undefined);
  return pool;
}

/** Runs queries on a pool or on one connection (inside a transaction), with failures translated. */
export function runner(on: pg.Pool | pg.PoolClient, name: string): Run {
  return async <R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) => {
    try {
      return (await on.query<R>(sql, params as unknown[] | undefined)).rows;
    } catch (e) {
      throw dbError(e, name);
    }
  };
}

/**
 * Runs several statements in one round trip (the simple protocol: no parameters, values written as literals)
 * and returns each one's rows; the first that fails stops the rest, as in one transaction.
 */
export function batchRunner(on: pg.PoolClient, name: string): (sql: string) => Promise<Record<string, unknown>[][]> {
  return async (sql) => {
    try {
      const r = (await on.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(r) ? r : [r]).map((x) => x.rows);
    } catch (e) {
      throw dbError(e, name);
    }
  };
}

/** A value as an SQL literal, for `batchRunner` (quotes and backslashes escaped by the client library). */
export const literal = (v: string): string => pg.escapeLiteral(v);

/** Any value a row holds as an SQL literal: null, a boolean, a number, a text, an array of texts or of numbers. */
export function sqlValue(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a storable number: ${v}`);
    return String(v);
  }
  if (typeof v === 'string') return literal(v);
  if (Array.isArray(v)) {
    const numbers = v.length > 0 && v.every((x) => typeof x === 'number');
    return v.length ? `ARRAY[${v.map(sqlValue).join(', ')}]::${numbers ? 'bigint' : 'text'}[]` : `'{}'::text[]`;
  }
  throw new Error(`not a storable value: ${typeof v}`);
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOENT', 'EPIPE', 'EAI_AGAIN']);

/** A DidarError for the failures a clerk can act on (the server away, its disk full); anything else as it was. */
export function dbError(e: unknown, name: string): unknown {
  if (e instanceof DidarError) return e;
  const code = (e as { code?: unknown }).code;
  const text = e instanceof Error ? e.message : String(e);
  if (typeof code === 'string') {
    if (code === '3D000') return new DidarError('db-unavailable', msg.dbMissing(name));
    if (code === '53100') return new DidarError('write-failed', msg.dbFull(name));
    if (code === '25006') return new DidarError('write-failed', msg.dbReadOnly(name));
    // 08: connection exceptions, 28: authorisation, 57P: the server shutting down or restarting, 53300: too many connections
    if (CONNECTION_CODES.has(code) || /^(08|28|57P)/.test(code) || code === '53300') return new DidarError('db-unavailable', msg.dbUnavailable(name, text));
  }
  if (/Connection terminated|connect ECONN|timeout exceeded when trying to connect|not queryable/i.test(text)) return new DidarError('db-unavailable', msg.dbUnavailable(name, text));
  return e;
}
