// `didar migrate --data DIR --to URL` (an office's data folder into the database) and `didar db-init` (the
// database and its role, made once by whoever administers the PostgreSQL server).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { toPersianDigits } from '../../shared/persian-text';
import { defaultOperator } from '../backend';
import { displayName } from '../backend/store/pg/connection';
import { moveIn, MoveInConflict } from '../backend/store/pg/move-in';
import { openPgStore } from '../backend/store/pg/pg-store';
import { fail } from './index';

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, to: { type: 'string' } }, strict: true });
  const to = values.to ?? process.env.DIDAR_DATABASE_URL;
  if (!values.data || !to) return fail('پوشه داده (--data) و پایگاه داده (--to) را بدهید.', 'usage: didar migrate --data DIR --to postgres://user:password@host/database', 2);
  try {
    const r = await moveIn(values.data, to, defaultOperator());
    const note = r.nothingToAdd
      ? 'همه داده‌های این پوشه پیش‌تر در پایگاه داده بود؛ چیزی افزوده نشد. / Everything in this folder was already in the database: nothing was added.'
      : `${toPersianDigits(r.added.cases)} پرونده منتقل و بررسی شد. / ${r.added.cases} cases copied; counts, codes and checksums verified.`;
    process.stdout.write(`${JSON.stringify({ ...r, note }, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof MoveInConflict) {
      return fail(e.message, `the database already holds other data that conflicts with this folder (${e.details.slice(0, 10).join('; ')}); nothing was copied`);
    }
    throw e;
  }
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates the role and the database (UTF8, a locale whose character classes know Persian letters, so that the
 * trigram search index can split Persian words), the pg_trgm extension in it, and Didar's tables. Prints the
 * URL the servers are started with; run again, it creates nothing and says so.
 */
export async function dbInitCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { admin: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, locale: { type: 'string' } },
    strict: true,
  });
  const name = values.name ?? 'didar';
  const role = values.role ?? 'didar';
  const locale = values.locale ?? 'C.UTF-8';
  if (!values.admin || !NAME.test(name) || !NAME.test(role) || !/^[A-Za-z0-9_.@-]+$/.test(locale)) {
    return fail('نشانی مدیر سرور (--admin) را بدهید؛ نام پایگاه و نقش فقط حروف کوچک لاتین، رقم و _ باشد.',
      'usage: didar db-init --admin postgres://postgres@host/postgres [--name didar] [--role didar] [--password P] [--locale C.UTF-8]', 2);
  }
  const password = values.password ?? randomBytes(18).toString('base64url');
  const admin = new pg.Client({ connectionString: values.admin });
  await admin.connect();
  const created: string[] = [];
  let url: URL;
  try {
    const hasRole = (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount;
    if (!hasRole) {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
      created.push(`role ${role}`);
    }
    const hasDb = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!hasDb) {
      await admin.query(`CREATE DATABASE ${name} OWNER ${role} ENCODING 'UTF8' LC_COLLATE '${locale}' LC_CTYPE '${locale}' TEMPLATE template0`);
      created.push(`database ${name}`);
    }
    url = new URL(values.admin);
    url.pathname = `/${name}`;
  } finally {
    await admin.end();
  }
  const ext = new pg.Client({ connectionString: url.toString() });
  await ext.connect();
  try {
    await ext.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } finally {
    await ext.end();
  }
  url.username = role;
  url.password = hasPassword(values.password, created, role) ? password : '';
  const store = await openPgStore(url.toString()); // Didar's tables, made by the role that owns them
  await store.close();
  const note = created.length
    ? `ساخته شد: ${created.join('، ')}. دیدار را با --db یا DIDAR_DATABASE_URL روی این نشانی باز کنید. / Created ${created.join(', ')}; start Didar with --db or DIDAR_DATABASE_URL set to this URL.`
    : 'پایگاه داده و نقش از پیش بود؛ چیزی ساخته نشد. / The database and the role were already there: nothing was created.';
  process.stdout.write(`${JSON.stringify({ url: url.toString(), shown: displayName(url.toString()), created, note }, null, 2)}\n`);
  return 0;
}

/** The password goes into the printed URL when it was given or has just been set (an old role keeps its own). */
const hasPassword = (given: string | undefined, created: string[], role: string): boolean => given !== undefined || created.includes(`role ${role}`);
