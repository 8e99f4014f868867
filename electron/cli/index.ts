// `didar` command line. Results go to stdout (JSON where scripts read them), errors to stderr in Persian
// and English with a non-zero exit code.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLines, DidarError } from '../../shared/errors';
import { msg } from '../../shared/messages';
import { checkDataDir } from '../backend/store/check';
import { checkDatabase } from '../backend/store/pg/check';
import { asWriteError } from '../backend/store/durable-file';
import { defaultDataDir, storeLocation, type StoreLocation } from '../backend/data-dir';
import { APP_VERSION } from '../backend/version';
import { commands as moreCommands } from './commands';

const HELP = `didar — Didar command line (دیدار)

Usage:
  didar check   --data DIR | --db URL               integrity check of a data folder or database; exit 1 on a problem
  didar import  --data DIR | --db URL  FILE.json    import cases (sample-data format, or a didar export); prints JSON
  didar export  --data DIR | --db URL  --format json|csv|xlsx --out FILE [--national-ids]
                                                    the whole record as JSON (read back by import), or the case list
  didar slip    --data DIR | --db URL  --code CODE --out FILE.pdf   write a case's tracking slip
  didar group   --in FILE.json --out FILE.json       group cases by problem: {cases:[{id,text,county?,department?}]}
                                                    → {groups:[{caseIds,title}]}, every id in exactly one group
  didar case    --data DIR | --db URL  --code CODE [--national-id ID]   a case's status, deadline and history as JSON
  didar backup  --data DIR [--out FILE]              the whole data folder in one file (.json.gz); a database: pg_dump
  didar restore --data DIR FILE [--force]           restore a backup, all or nothing (a folder holding data needs
                                                    --force; a backup with far fewer cases, --force twice)
  didar unlock  --data DIR                          remove a lock left behind, after checking that no Didar holds the folder
  didar migrate --data DIR --to URL                 copy a data folder into a PostgreSQL database, verified; again: adds nothing
  didar db-init --admin URL [--name NAME] [--role NAME] [--password P]   create the database and its role (prints the URL)
  didar bench   [--cases N] [--db URL]              benchmark on N generated cases (default 10000); prints JSON
  didar bench   --desks N [--citizens M] [--think MS]
                                                    N signed-in desks over HTTPS through a meeting day of M citizens
                                                    (500), a clerk's pause of MS before each call (0); prints JSON
  didar --help | --version
  (any command) --debug                              on an unexpected error, also print where it happened

DIR defaults to $DIDAR_DATA_DIR, else the desktop app's data folder (${defaultDataDir()}).
URL is a PostgreSQL connection URL (postgres://user:password@host:port/database); $DIDAR_DATABASE_URL gives
one to every command that takes --data or --db, unless --data is given.
Results go to stdout; errors go to stderr in Persian and English, with a non-zero exit code.
`;

export type Command = (argv: string[]) => Promise<number>;

export async function main(argvWithDebug: string[]): Promise<number> {
  // --debug anywhere: an unexpected error also prints its stack (for support, never by default)
  const debug = argvWithDebug.includes('--debug');
  const argv = argvWithDebug.filter((a) => a !== '--debug');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const all: Record<string, Command> = { check, ...moreCommands };
  const cmd = Object.hasOwn(all, name) ? all[name] : undefined; // «didar constructor» is an unknown command
  if (!cmd) return fail(`فرمان ناشناخته: ${name}`, `unknown command: ${name} (see didar --help)`, 2);
  try {
    return await cmd(rest);
  } catch (e) {
    if (e instanceof DidarError) return fail(e.message, e.english ? `${e.code}: ${e.english}` : e.code);
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      return fail('گزینه‌های فرمان نادرست است.', `${e.message} (see didar --help)`, 2);
    }
    if (debug) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    return fail(msg.unexpected, `unexpected error: ${e instanceof Error ? e.message : String(e)}${debug ? '' : ' (run again with --debug for details)'}`);
  }
}

export function fail(persian: string, english: string, code = 1): number {
  process.stderr.write(consoleLines(persian, english));
  return code;
}

/** Writes a command's output file; a folder that does not exist or a full disk is said as for any save. */
export async function writeOut(file: string, data: string | Uint8Array): Promise<void> {
  await fs.writeFile(path.resolve(file), data).catch((e: unknown) => {
    throw asWriteError(e, path.resolve(file));
  });
}

export function dataDirOf(v: string | undefined): string {
  return v ?? defaultDataDir();
}

/** The options every command on a store takes: `--data DIR` or `--db URL` (not both). */
export const STORE_OPTIONS = { data: { type: 'string' }, db: { type: 'string' } } as const;

/** The store a command works on (see storeLocation); both options at once are refused. */
export function locationOf(values: { data?: string | undefined; db?: string | undefined }): StoreLocation {
  if (values.data && values.db) throw new DidarError('bad-args', msg.storeChoice, undefined, 'give --data DIR or --db URL, not both');
  return storeLocation(values);
}

async function check(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: STORE_OPTIONS, strict: true });
  const at = locationOf(values);
  const report = at.databaseUrl !== undefined ? await checkDatabase(at.databaseUrl) : await checkDataDir(at.dataDir);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  for (const p of report.problems) process.stderr.write(`${p.message ?? `مشکل در «${p.file}»`}\nproblem in ${p.file}: ${p.problem}\n`);
  for (const w of report.warnings) process.stderr.write(`warning: ${w.file}: ${w.problem}\n`);
  return report.ok ? 0 : 1;
}
