// `didar group --in FILE.json --out FILE.json [--history FILE.json]`: groups cases that need not be in a data
// folder; `--history` names the office's other cases (the same format, e.g. an export), whose document
// frequencies weigh the words as the office's whole history does.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_GROUPING, groupCases, historyBackground } from '../../shared/grouping/engine';
import { fail, writeOut } from './index';

const InputSchema = z.object({
  cases: z.array(z.object({
    id: z.string().min(1), text: z.string(), county: z.string().optional(), department: z.string().optional(), date: z.string().optional(),
  }).loose()),
}).loose();

export async function groupCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { in: { type: 'string' }, out: { type: 'string' }, history: { type: 'string' } }, strict: true });
  if (!values.in || !values.out) return fail('فایل ورودی و خروجی را بدهید.', 'usage: didar group --in FILE.json --out FILE.json [--history FILE.json]', 2);
  const input = await readCases(values.in);
  if (typeof input === 'number') return input;
  const ids = input.map((c) => c.id);
  if (new Set(ids).size !== ids.length) return fail('شناسه تکراری در فایل ورودی هست.', 'duplicate case id in input');
  let options = DEFAULT_GROUPING;
  if (values.history) {
    const history = await readCases(values.history);
    if (typeof history === 'number') return history;
    const batch = new Set(ids);
    const others = history.filter((c) => !batch.has(c.id));
    options = { ...DEFAULT_GROUPING, background: historyBackground(others.map((c) => c.text), others.map((c) => c.county ?? '')) };
  }
  const t0 = performance.now();
  const run = groupCases(input.map((c) => ({ ...c, county: c.county ?? '', department: c.department ?? '' })), options);
  const ms = Math.round(performance.now() - t0);
  const groups = run.groups.map((g) => ({ caseIds: g.caseIds, title: g.title }));
  await writeOut(values.out, `${JSON.stringify({ groups }, null, 1)}\n`);
  process.stdout.write(`${JSON.stringify({ cases: ids.length, groups: groups.length, multiCaseGroups: groups.filter((g) => g.caseIds.length > 1).length, ms, out: path.resolve(values.out) })}\n`);
  return 0;
}

/** The cases of a JSON file in the input format, or the exit code of a Persian error already printed. */
async function readCases(file: string): Promise<z.infer<typeof InputSchema>['cases'] | number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(path.resolve(file), 'utf8'));
  } catch (e) {
    return fail(`فایل «${file}» خوانده نشد یا JSON درست نیست.`, `cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  const parsed = InputSchema.safeParse(raw);
  if (!parsed.success) return fail('ساختار فایل ورودی درست نیست: {cases:[{id,text,...}]}', `bad input: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data.cases;
}
