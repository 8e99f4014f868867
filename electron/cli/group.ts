// `didar group --in FILE.json --out FILE.json`: groups cases that need not be in a data folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { groupCases } from '../../shared/grouping/engine';
import { fail, writeOut } from './index';

const InputSchema = z.object({
  cases: z.array(z.object({
    id: z.string().min(1), text: z.string(), county: z.string().optional(), department: z.string().optional(), date: z.string().optional(),
  }).loose()),
}).loose();

export async function groupCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { in: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.in || !values.out) return fail('فایل ورودی و خروجی را بدهید.', 'usage: didar group --in FILE.json --out FILE.json', 2);
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(path.resolve(values.in), 'utf8'));
  } catch (e) {
    return fail(`فایل «${values.in}» خوانده نشد یا JSON درست نیست.`, `cannot read ${values.in} as JSON: ${(e as Error).message}`);
  }
  const parsed = InputSchema.safeParse(raw);
  if (!parsed.success) return fail('ساختار فایل ورودی درست نیست: {cases:[{id,text,...}]}', `bad input: ${parsed.error.issues[0]?.message ?? ''}`);
  const ids = parsed.data.cases.map((c) => c.id);
  if (new Set(ids).size !== ids.length) return fail('شناسه تکراری در فایل ورودی هست.', 'duplicate case id in input');
  const t0 = performance.now();
  const run = groupCases(parsed.data.cases.map((c) => ({ ...c, county: c.county ?? '', department: c.department ?? '' })));
  const ms = Math.round(performance.now() - t0);
  const groups = run.groups.map((g) => ({ caseIds: g.caseIds, title: g.title }));
  await writeOut(values.out, `${JSON.stringify({ groups }, null, 1)}\n`);
  process.stdout.write(`${JSON.stringify({ cases: ids.length, groups: groups.length, multiCaseGroups: groups.filter((g) => g.caseIds.length > 1).length, ms, out: path.resolve(values.out) })}\n`);
  return 0;
}
