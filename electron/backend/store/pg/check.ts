// `didar check --db URL`: the data folder's integrity check, for a database. Read-only: the store is opened (its
// migrations applied) and nothing is written. Cases agree with their extracted columns, codes are valid and
// unique, every document fits its stored schema, counters are ahead of the codes issued, and the audit trail is
// numbered without a gap.
import type { Case } from '../../../../shared/domain';
import { checkStoredRecord } from '../../../../shared/stored-schemas';
import { verhoeffValid } from '../../../../shared/tracking-code';
import type { CheckReport } from '../check';
import { codeCounterOf } from './case-rows';
import { openPgStore } from './pg-store';
import { TABLE_OF } from './rows';

export async function checkDatabase(url: string): Promise<CheckReport> {
  const store = await openPgStore(url);
  try {
    return await store.bulk(async (run) => {
      const report: CheckReport = { ok: true, dataDir: store.dataDir, files: 0, meetingDays: 0, cases: 0, problems: [], warnings: [] };
      const problem = (where: string, p: string): void => void report.problems.push({ file: where, problem: p });
      report.files = (await run<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()"))[0]!.n;
      report.meetingDays = (await run<{ n: number }>('SELECT count(*)::int AS n FROM meeting_days'))[0]!.n;
      const counters = new Map((await run<{ name: string; value: string }>('SELECT name, value FROM counters')).map((r) => [r.name, Number(r.value)]));
      const highest = new Map<string, number>();
      const rows = await run<{ id: string; code: string | null; meeting_day_id: string; doc: Case }>('SELECT id, code, meeting_day_id, doc FROM cases ORDER BY pos');
      for (const { id, code, meeting_day_id: day, doc: c } of rows) {
        const where = `cases ${code ?? id}`;
        report.cases++;
        const fits = checkStoredRecord('case', c);
        if (!fits.ok) problem(where, `${fits.field || '(document)'}: ${fits.problem}`);
        else if (c.id !== id || (c.code ?? null) !== code || c.meetingDayId !== day) problem(where, 'the document does not match its row (id, code or meeting day)');
        if (code === null) continue; // waiting for its code at the inspection desk
        if (!/^\d{10}$/.test(code) || !verhoeffValid(code)) problem(where, 'invalid tracking code');
        else {
          const { name, sequence } = codeCounterOf(code);
          highest.set(name, Math.max(highest.get(name) ?? 0, sequence));
        }
      }
      // every other table's documents under their stored schemas, as the store reads them
      for (const kind of ['meetingDay', 'queueEntry', 'settings', 'circular', 'groupCorrection', 'account'] as const) {
        const table = TABLE_OF[kind];
        const key = kind === 'settings' ? "'settings'" : kind === 'queueEntry' ? "day_id || '#' || number" : 'id';
        for (const r of await run<{ key: string; doc: unknown }>(`SELECT ${key} AS key, doc FROM ${table}`)) {
          const fits = checkStoredRecord(kind, r.doc);
          if (!fits.ok) problem(`${table} ${r.key}`, `${fits.field || '(document)'}: ${fits.problem}`);
        }
      }
      for (const [name, seq] of highest) if ((counters.get(name) ?? 0) < seq) problem('counters', `${name} is behind the codes issued (${seq}): a new case could get an old code`);
      const [audit] = await run<{ n: string; lo: string | null; hi: string | null }>('SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM audit');
      const n = Number(audit!.n);
      if (n && (Number(audit!.lo) !== 1 || Number(audit!.hi) !== n)) problem('audit', `audit rows numbered ${audit!.lo}..${audit!.hi} for ${n} rows: rows were removed`);
      if ((counters.get('audit') ?? 0) !== n) problem('audit', `the audit counter (${counters.get('audit') ?? 0}) is not the number of audit rows (${n})`);
      report.ok = report.problems.length === 0;
      return report;
    });
  } finally {
    await store.close();
  }
}
