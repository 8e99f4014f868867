// File store only: the folder's schema files (a database migrates with its SQL files, pg-store.pg.test.ts).
// A data folder written by the previous schema (test/fixtures/data-v1, made by that version of Didar: three
// cases, one slip printed, one deadline extended by 7 days) opens in this one: every file is upgraded and
// written back once, the originals are kept in backups/schema-1/, and nothing is lost or given out twice.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain';
import { EXPORT_FORMAT } from '../../shared/export-format';
import { formatJalaliLong, parseJalali } from '../../shared/jalali';
import { parseTrackingCode } from '../../shared/tracking-code';
import { checkDataDir } from '../../electron/backend/store/check';
import { keepOriginal, SCHEMA_VERSION } from '../../electron/backend/store/migrations';
import { ok, openTestBackend, snapshot, tempDir, validCitizen } from '../helpers/backend';
import { didar } from '../helpers/cli';
import { pdfWords, readsRightToLeft } from '../helpers/pdf-words';

const FIXTURE = path.resolve('test/fixtures/data-v1');
const EXTENDED = '0500000012'; // due 1405/09/16 when recorded, 1405/09/25 after the extension

async function copyFixture(): Promise<string> {
  const dir = await tempDir('didar-v1-');
  await fs.cp(FIXTURE, dir, { recursive: true });
  return dir;
}

const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;

async function dataFiles(dir: string): Promise<string[]> {
  const days = (await fs.readdir(path.join(dir, 'days'))).map((n) => `days/${n}`);
  return ['meta.json', 'settings.json', 'counters.json', ...days];
}

describe('schema migration from version 1', () => {
  it('the fixture really is version 1 with the stale order due date, and check says it will be upgraded', async () => {
    expect(SCHEMA_VERSION).toBe(3);
    const dir = await copyFixture();
    for (const rel of await dataFiles(dir)) expect((await readJson(path.join(dir, rel))).schemaVersion, rel).toBe(1);
    const [day] = (await fs.readdir(path.join(dir, 'days')));
    const cases = (await readJson(path.join(dir, 'days', day!))).cases as Case[];
    const extended = cases.find((c) => c.code === EXTENDED)! as Case & { order: { dueDate?: string } };
    expect(extended.order.dueDate).toBe('1405/09/16');
    expect(extended.deadline!.dueDate).toBe('1405/09/25');

    const report = await checkDataDir(dir);
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => w.file).sort()).toEqual((await dataFiles(dir)).sort());
    expect(report.warnings[0]!.problem).toMatch(/upgraded to 3/);
  });

  it('opens, upgrades every file once, keeps the originals, and the slip shows the extended due date', async () => {
    const dir = await copyFixture();
    const originals = await snapshot(dir);
    const b = await openTestBackend(dir);
    try {
      // on disk: every file now of this version, and no order keeps a due date of its own
      for (const rel of await dataFiles(dir)) {
        const doc = await readJson(path.join(dir, rel));
        expect(doc.schemaVersion, rel).toBe(SCHEMA_VERSION);
        if (rel.startsWith('days/')) for (const c of doc.cases as Case[]) expect(c.order && 'dueDate' in c.order).toBeFalsy();
      }
      // the originals, byte for byte, in backups/schema-1/
      for (const rel of await dataFiles(dir)) {
        expect(await fs.readFile(path.join(dir, 'backups/schema-1', rel), 'utf8'), rel).toBe(originals[rel]);
      }
      // nothing lost: the three cases, their history, the print and the extension
      const cases = (await ok(b, 'worklist/query', { sort: 'recent' })).items;
      expect(cases).toHaveLength(3);
      const c = await ok(b, 'case/byCode', { code: EXTENDED });
      expect(c.deadline!.dueDate).toBe('1405/09/25');
      expect(c.deadline!.extensions).toHaveLength(1);
      expect(c.prints).toHaveLength(1);
      expect(c.history.map((h) => h.action)).toContain('printed');

      // the reprint (a duplicate slip) carries the due date after the extension
      const slip = await ok(b, 'slip/pdf', { caseId: c.id });
      expect(slip.duplicate).toBe(true);
      const pdf = path.join(dir, 'slip.pdf');
      await fs.writeFile(pdf, Buffer.from(slip.base64, 'base64'));
      const words = pdfWords(pdf);
      expect(readsRightToLeft(words, formatJalaliLong(parseJalali('1405/09/25')!))).toBe(true);
      expect(readsRightToLeft(words, formatJalaliLong(parseJalali('1405/09/16')!))).toBe(false);
      await fs.rm(pdf);

      // tracking codes continue after the highest one of version 1
      const day = (await ok(b, 'meetingDay/list', {}))[0]!;
      const next = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست پس از به‌روزرسانی', departments: ['فرمانداری'] });
      expect(parseTrackingCode(next.code).sequence).toBe(4);
    } finally {
      await b.close();
    }
    expect((await checkDataDir(dir))).toMatchObject({ ok: true, warnings: [], problems: [] });

    // a second start writes nothing more: the upgrade happened once
    const after = await snapshot(dir);
    const again = await openTestBackend(dir);
    await again.close();
    expect(await snapshot(dir)).toEqual(after);
  });

  it('a JSON export written by version 1 imports without the stale field; a newer export is refused in Persian', async () => {
    const v1 = await copyFixture();
    const [dayFile] = await fs.readdir(path.join(v1, 'days'));
    const doc = await readJson(path.join(v1, 'days', dayFile!));
    const exported = { format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-23T07:00:00.000Z', meetingDays: [doc.day], cases: doc.cases };
    const file = path.join(await tempDir(), 'export-v1.json');
    await fs.writeFile(file, JSON.stringify(exported));

    const dir = await tempDir();
    const r = await didar('import', '--data', dir, file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rejected: [] });
    const b = await openTestBackend(dir);
    try {
      const c = await ok(b, 'case/byCode', { code: EXTENDED });
      expect(c.order && 'dueDate' in c.order).toBe(false);
      expect(c.deadline!.dueDate).toBe('1405/09/25');
      expect((await ok(b, 'worklist/query', {})).total).toBe(3);
    } finally {
      await b.close();
    }

    await fs.writeFile(file, JSON.stringify({ ...exported, version: SCHEMA_VERSION + 1 }));
    const before = await snapshot(dir);
    const refused = await didar('import', '--data', dir, file);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/نسخه جدیدتری از دیدار/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('an older folder restored after an upgrade keeps its own originals too; kept originals are not counted as backups', async () => {
    const dir = await copyFixture();
    const rel = 'settings.json';
    const first = await fs.readFile(path.join(dir, rel), 'utf8');
    await keepOriginal(dir, rel, 1);
    await keepOriginal(dir, rel, 1); // an interrupted upgrade run again: the same bytes are not kept twice
    const folder = path.join(dir, 'backups/schema-1');
    expect(await fs.readdir(folder)).toEqual([rel]);

    const other = first.replace('}', ', "note": "restored from an older bundle"}');
    await fs.writeFile(path.join(dir, rel), other);
    await keepOriginal(dir, rel, 1);
    const names = (await fs.readdir(folder)).sort();
    expect(names).toHaveLength(2);
    expect(await fs.readFile(path.join(folder, rel), 'utf8')).toBe(first);
    expect(await fs.readFile(path.join(folder, names.find((n) => n !== rel)!), 'utf8')).toBe(other);

    const b = await openTestBackend(dir);
    try {
      // the originals kept before the upgrade are not rotating versions of the data files
      const root = path.join(dir, 'backups');
      let rotating = 0;
      for (const f of await fs.readdir(root)) if (!f.startsWith('schema-')) rotating += (await fs.readdir(path.join(root, f))).length;
      expect((await fs.readdir(path.join(root, 'schema-1'), { recursive: true })).length).toBeGreaterThan(2);
      expect((await b.store.backupStatus()).versions).toBe(rotating);
    } finally {
      await b.close();
    }
  });
});

// A folder written by version 2 (test/fixtures/data-v2, made by that Didar through its API: two meeting days,
// a queue, four cases with every kind of record, an issued and a draft circular, group corrections and
// settings): the journal starts after its audit lines, which stay as they were.
describe('schema migration from version 2 (before the journal)', () => {
  const V2 = path.resolve('test/fixtures/data-v2');
  const AUDIT = 'audit/1405-09.jsonl';

  it('opens with everything it held, keeps the originals and the old audit lines, and journals after them', async () => {
    const dir = await tempDir('didar-v2-');
    await fs.cp(V2, dir, { recursive: true });
    const originals = await snapshot(dir);
    const b = await openTestBackend(dir);
    let code: string | undefined;
    try {
      const days = await ok(b, 'meetingDay/list', {});
      const day = days.find((d) => d.date === '1405/09/02');
      expect(days).toHaveLength(2);
      expect(day).toMatchObject({ caseCount: 3, waiting: 0 }); // the cancelled case is not counted
      const cases = await ok(b, 'case/listForDay', { meetingDayId: day!.id });
      expect(cases.map((c) => [c.code, c.status]).sort()).toEqual([
        ['0500000012', 'closed'], ['0500000020', 'referred'], ['0500000031', 'referred'], ['0500000049', 'cancelled'],
      ]);
      expect((await ok(b, 'case/byCode', { code: '0500000012' })).deadline!.extensions).toHaveLength(1);
      expect((await ok(b, 'queue/list', { meetingDayId: day!.id })).map((q) => q.status)).toEqual(['seen', 'absent']);
      expect((await ok(b, 'circular/list', {})).map((c) => c.status).sort()).toEqual(['draft', 'issued']);
      expect((await b.store.listGroupCorrections()).map((c) => c.kind)).toEqual(['merge', 'notCollective']);
      expect((await ok(b, 'settings/get', {})).officeName).toBe('استانداری مازندران');
      code = (await ok(b, 'case/record', { meetingDayId: day!.id, citizen: validCitizen, text: 'درخواست پس از به‌روزرسانی' })).code;
      expect(parseTrackingCode(code).sequence).toBe(5);
    } finally {
      await b.close();
    }
    for (const rel of Object.keys(originals).filter((r) => r.endsWith('.json'))) {
      expect((await readJson(path.join(dir, rel))).schemaVersion, rel).toBe(SCHEMA_VERSION);
      expect(await fs.readFile(path.join(dir, 'backups/schema-2', rel), 'utf8'), rel).toBe(originals[rel]);
    }
    // the version-2 audit lines are untouched; the new change follows them as the journal's first line
    const audit = await fs.readFile(path.join(dir, AUDIT), 'utf8');
    expect(audit.startsWith(originals[AUDIT]!)).toBe(true);
    const added = audit.slice(originals[AUDIT]!.length).trim().split('\n').map((l) => JSON.parse(l) as { seq: number; prev: string; action: string });
    expect(added.map((r) => [r.seq, r.action])).toEqual([[1, 'case/record']]);
    expect(added[0]!.prev).toBe('');
    const checkpoint = await readJson(path.join(dir, 'journal.json'));
    expect(checkpoint).toMatchObject({ seq: 1, file: '1405-09.jsonl', offset: Buffer.byteLength(audit) });
    expect(await checkDataDir(dir)).toMatchObject({ ok: true, problems: [] });

    const again = await openTestBackend(dir);
    try {
      expect((await ok(again, 'case/byCode', { code: code! })).text).toBe('درخواست پس از به‌روزرسانی');
      expect(await again.store.countCases()).toBe(5);
    } finally {
      await again.close();
    }
  });
});
