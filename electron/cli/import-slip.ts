// `didar import`, `didar slip`, `didar backup` and `didar restore`.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeTrackingCode } from '../../shared/tracking-code';
import { openBackend } from '../backend';
import { caseByCode } from '../backend/services/cases';
import { importCases } from '../backend/services/import';
import { renderCaseSlip } from '../backend/services/slips';
import { backupDataDir, restoreDataDir } from '../backend/store/backup';
import { dataDirOf, fail, locationOf, STORE_OPTIONS, writeOut } from './index';

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: STORE_OPTIONS, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file) return fail('فایل ورودی را بدهید.', 'usage: didar import --data DIR | --db URL FILE.json', 2);
  let input: unknown;
  try {
    input = JSON.parse(await fs.readFile(path.resolve(file), 'utf8'));
  } catch (e) {
    return fail(`فایل «${file}» خوانده نشد یا JSON درست نیست.`, `cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  const backend = await openBackend(locationOf(values));
  try {
    const summary = await importCases(backend.ctx, input);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}

export async function slipCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...STORE_OPTIONS, code: { type: 'string' }, out: { type: 'string' }, duplicate: { type: 'boolean' } },
    strict: true,
  });
  if (!values.code || !values.out) return fail('کد رهگیری و فایل خروجی را بدهید.', 'usage: didar slip --data DIR | --db URL --code CODE --out FILE.pdf', 2);
  const code = normalizeTrackingCode(values.code);
  if (!code) return fail('کد رهگیری نامعتبر است', `invalid tracking code: ${values.code}`);
  const backend = await openBackend(locationOf(values));
  try {
    const c = await caseByCode(backend.ctx, code);
    const pdf = await renderCaseSlip(backend.ctx, c, values.duplicate ?? c.prints.length > 0);
    await writeOut(values.out, pdf);
    process.stdout.write(`${JSON.stringify({ code, out: path.resolve(values.out), bytes: pdf.length })}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}

export async function backupCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const dir = dataDirOf(values.data);
  const out = values.out ?? `didar-backup-${new Date().toISOString().slice(0, 10)}.json.gz`;
  const r = await backupDataDir(dir, out);
  process.stdout.write(`${JSON.stringify({ out: path.resolve(out), ...r })}\n`);
  return 0;
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, options: { data: { type: 'string' }, force: { type: 'boolean', multiple: true } }, allowPositionals: true, strict: true,
  });
  if (!positionals[0]) return fail('فایل پشتیبان را بدهید.', 'usage: didar restore --data DIR FILE [--force [--force]]', 2);
  const r = await restoreDataDir(dataDirOf(values.data), path.resolve(positionals[0]), values.force?.length ?? 0);
  process.stdout.write(`${JSON.stringify(r)}\n`);
  return 0;
}
