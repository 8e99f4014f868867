// `didar export --data DIR --format json|csv|xlsx --out FILE [--national-ids]`: the whole record as JSON
// (read back by `didar import`), or the case list as a table (national IDs masked unless asked for).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../backend';
import { tableBytes } from '../backend/export/table-file';
import { casesTable, exportAll } from '../backend/services/export';
import { fail, locationOf, STORE_OPTIONS, writeOut } from './index';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...STORE_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, 'national-ids': { type: 'boolean' } },
    strict: true,
  });
  const format = values.format ?? 'json';
  if (!['json', 'csv', 'xlsx'].includes(format) || !values.out) {
    return fail('قالب (json، csv یا xlsx) و فایل خروجی را بدهید.', 'usage: didar export --data DIR | --db URL --format json|csv|xlsx --out FILE [--national-ids]', 2);
  }
  const backend = await openBackend(locationOf(values));
  try {
    let bytes: Buffer;
    let count: number;
    if (format === 'json') {
      const all = await exportAll(backend.ctx);
      bytes = Buffer.from(`${JSON.stringify(all, null, 1)}\n`, 'utf8');
      count = all.cases.length;
    } else {
      const table = await casesTable(backend.ctx, values['national-ids'] ?? false);
      bytes = await tableBytes(table, format as 'csv' | 'xlsx');
      count = table.rows.length;
    }
    await writeOut(values.out, bytes);
    process.stdout.write(`${JSON.stringify({ format, cases: count, out: path.resolve(values.out), bytes: bytes.length })}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}
