// Hand-edited or damaged data files: opening the folder either works or refuses with a message naming the file
// (and the case), never a raw TypeError; the file is never rewritten; `didar check` finds what the loader refuses.
import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { checkDataDir } from '../../electron/backend/store/check';
import { sealLine, type JournalRecord } from '../../electron/backend/store/journal';
import { DidarError } from '../../shared/errors';
import { snapshot, tempDir } from '../helpers/backend';
import { damage, damageArb } from '../helpers/damage';

const FIXTURE = path.resolve('test/fixtures/data-v3');
const DAY = 'days/1405-09-02_md-14050902-ab25bb1d.json';
const OTHER_DAY = 'days/1405-09-03_md-14050903-58d2b2f5.json';

type DayJson = { day: { id: string }; cases: Record<string, unknown>[] };

async function folderWith(change: (day: DayJson) => void, rel = DAY): Promise<string> {
  const dir = await tempDir('didar-damaged-');
  await fs.cp(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, rel);
  const doc = JSON.parse(await fs.readFile(file, 'utf8')) as DayJson;
  change(doc);
  await fs.writeFile(file, JSON.stringify(doc));
  return dir;
}

/** Opens the folder; returns null when it opened, else the refusal (anything not a DidarError fails the test). */
async function openOrRefusal(dir: string): Promise<DidarError | null> {
  try {
    const b = await openBackend({ dataDir: dir, operator: 't' });
    await b.close();
    return null;
  } catch (e) {
    expect(e, String((e as Error).stack)).toBeInstanceOf(DidarError);
    return e as DidarError;
  }
}

const SHAPES: [string, (c: Record<string, unknown>) => void, string][] = [
  ['a case without history', (c) => delete c.history, 'history'],
  ['a case without citizen', (c) => delete c.citizen, 'citizen'],
  ['departments as a string', (c) => (c.departments = 'جهاد کشاورزی'), 'departments'],
  ['history as a string', (c) => (c.history = 'recorded'), 'history'],
  ['deadline as a string', (c) => (c.deadline = '1405/09/16'), 'deadline'],
  ['history [null], status pwned, text with U+202E and BEL', (c) => Object.assign(c, { history: [null], status: 'pwned', text: '\u202Eevil\u0007' }), 'status'],
  ['a code with a wrong check digit', (c) => (c.code = '0599999990'), 'code'],
];

describe('damaged data files', () => {
  for (const [what, change, field] of SHAPES) {
    it(`${what}: refused naming the file, the case and the field; the file is kept; check fails`, async () => {
      let id = '';
      const dir = await folderWith((d) => {
        id = String(d.cases[1]!.id);
        change(d.cases[1]!);
      });
      const before = await snapshot(dir);
      const e = await openOrRefusal(dir);
      expect(e?.code).toBe('corrupt-file');
      expect(e!.message).toContain(DAY);
      expect(e!.message).toContain(id);
      expect(e!.message).toContain(`«${field}»`);
      expect(e!.english).toContain(`case #2 id ${id}`);
      expect(await snapshot(dir)).toEqual(before);
      const report = await checkDataDir(dir);
      expect(report.ok).toBe(false);
      expect(report.problems.some((p) => p.file === DAY && p.problem.includes(id))).toBe(true);
    });
  }

  it('a null case and a case filed under another meeting day are refused; check fails on both', async () => {
    const nulled = await folderWith((d) => (d.cases[0] = null as unknown as Record<string, unknown>));
    expect((await openOrRefusal(nulled))?.message).toContain('پرونده ۱');
    expect((await checkDataDir(nulled)).ok).toBe(false);
    const moved = await folderWith((d) => (d.cases[0]!.meetingDayId = 'md-14050903-58d2b2f5'));
    expect((await openOrRefusal(moved))?.message).toMatch(/روز ملاقات دیگری/);
    expect((await checkDataDir(moved)).ok).toBe(false);
  });

  it('a case that is in two day files is refused naming both files', async () => {
    const dir = await folderWith(() => undefined);
    const a = JSON.parse(await fs.readFile(path.join(dir, DAY), 'utf8')) as DayJson;
    const b = JSON.parse(await fs.readFile(path.join(dir, OTHER_DAY), 'utf8')) as DayJson;
    b.cases.push({ ...a.cases[0]!, meetingDayId: b.day.id });
    await fs.writeFile(path.join(dir, OTHER_DAY), JSON.stringify(b));
    const e = await openOrRefusal(dir);
    expect(e?.message).toContain(DAY);
    expect(e?.message).toContain(OTHER_DAY);
    expect((await checkDataDir(dir)).problems.map((p) => p.file)).toContain(OTHER_DAY);
  });

  it('a journal line forged with a recomputed hash over a broken case is refused naming the file; check agrees', async () => {
    const dir = await tempDir('didar-damaged-');
    await fs.cp(FIXTURE, dir, { recursive: true });
    const rel = 'audit/1405-09.jsonl';
    const lines = (await fs.readFile(path.join(dir, rel), 'utf8')).trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as JournalRecord;
    const day = JSON.parse(await fs.readFile(path.join(dir, DAY), 'utf8')) as DayJson;
    const broken: Record<string, unknown> = { ...day.cases[0]!, status: 'pwned', history: [] };
    const { hash: _, ...body } = { ...last, seq: last.seq + 1, prev: last.hash, action: 'case/edit', changes: [{ entity: 'case', id: String(broken.id), before: null, after: broken }] };
    await fs.appendFile(path.join(dir, rel), `${sealLine(body).line}\n`);
    const before = await snapshot(dir);
    const e = await openOrRefusal(dir);
    expect(e?.code).toBe('corrupt-file');
    expect(e?.message).toContain(rel);
    expect(e?.english).toMatch(/status|history/);
    expect(await snapshot(dir)).toEqual(before);
    const report = await checkDataDir(dir);
    expect(report.problems.map((p) => p.file)).toContain(rel);
  });

  it('random damage to any data file: opening works or refuses naming the file, never anything else, and changes nothing', async () => {
    const files = [DAY, OTHER_DAY, 'meta.json', 'settings.json', 'counters.json', 'circulars.json', 'grouping.json', 'journal.json', 'accounts.json'];
    const valid = Object.fromEntries(await Promise.all(files.map(async (f) => [f, JSON.parse(await fs.readFile(path.join(FIXTURE, f), 'utf8')) as unknown])));
    let refused = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...files), damageArb, async (rel, damages) => {
      const damaged = damage(valid[rel], damages);
      const version = (damaged as { schemaVersion?: unknown } | null)?.schemaVersion;
      fc.pre(version !== 1 && version !== 2); // an older version is upgraded, by design
      const dir = await tempDir('didar-damaged-');
      await fs.cp(FIXTURE, dir, { recursive: true });
      await fs.writeFile(path.join(dir, rel), JSON.stringify(damaged));
      const before = await snapshot(dir);
      const e = await openOrRefusal(dir);
      expect(await snapshot(dir)).toEqual(before);
      if (!e) return;
      refused++;
      expect(['corrupt-file', 'newer-schema']).toContain(e.code);
      expect(e.message).toContain(rel);
      const report = await checkDataDir(dir);
      expect(report.problems.some((p) => p.file === rel), JSON.stringify(report.problems)).toBe(true);
      await fs.rm(dir, { recursive: true, force: true });
    }), { numRuns: 150 });
    expect(refused).toBeGreaterThan(75); // most damage is refused: the property is not vacuous
  }, 120_000);
});
