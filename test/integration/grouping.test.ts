// The recurring-issues board on a real store: the sample cases imported, grouped in the worker thread,
// corrected by the office; corrections survive a re-run and a restart; new cases join; circulars link.
import fs from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GroupBoard } from '../../shared/api';
import type { Backend } from '../../electron/backend';
import { groupInWorker, IN_THREAD_MAX } from '../../electron/backend/grouping/run-in-worker';
import { DEFAULT_LEXICON } from '../../shared/grouping/problem-lexicon';
import { importCases } from '../../electron/backend/services/import';
import { auditTrail, ok, openTestBackend, send, snapshot, validCitizen } from '../helpers/backend';
import { SAMPLE } from '../helpers/cli';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function imported(dataDir?: string) {
  const b = await openTestBackend(dataDir);
  open.push(b);
  if (!dataDir) await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  const ext = new Map((await b.store.scanCases({})).map((c) => [c.externalId!, c.id]));
  const gold: { id: string; group: string }[] = JSON.parse(await fs.readFile(SAMPLE, 'utf8')).cases;
  /** The store id of the first sample case of a labelled group. */
  const first = (label: string) => ext.get(gold.find((c) => c.group === label)!.id)!;
  return { b, ext, first };
}

const groupWith = (board: GroupBoard, id: string) => board.groups.find((g) => g.caseIds.includes(id));

/** Records a case on one of `days` (by index, alternating) for a citizen of `county`; returns its id. */
const recorder = (b: Backend, days: string[]) => async (k: number, county: string, text: string, leadDepartment: string) => (await ok(b, 'case/record', {
  meetingDayId: days[k % days.length]!, citizen: { ...validCitizen, county }, text,
  order: { type: 'act', leadDepartment, deadlineDays: 10, text: '' },
})).id;

describe('recurring-issues board', () => {
  it('lists ranked groups with counts by county, department and meeting day', async () => {
    const { b } = await imported();
    const board = await ok(b, 'group/board', {});
    expect(board.cases).toBe(160);
    const recurring = board.groups.filter((g) => g.recurring);
    expect(recurring.length).toBeGreaterThanOrEqual(10);
    // Ranked: recurring first, then by citizens.
    const firstOther = board.groups.findIndex((g) => !g.recurring);
    expect(firstOther === -1 || board.groups.slice(firstOther).every((g) => !g.recurring)).toBe(true);
    for (let i = 1; i < recurring.length; i++) expect(recurring[i - 1]!.citizens).toBeGreaterThanOrEqual(recurring[i]!.citizens);
    const top = recurring[0]!;
    expect(top.counties.reduce((n, [, k]) => n + k, 0)).toBe(top.cases);
    expect(top.departments.reduce((n, [, k]) => n + k, 0)).toBe(top.cases);
    expect(top.days.reduce((n, [, k]) => n + k, 0)).toBe(top.cases);
    expect(top.samples.length).toBe(3);
    expect(board.meetingDates).toHaveLength(8);

    // The thresholds come from settings: at 20 cases only the largest groups stay recurring.
    await ok(b, 'settings/update', { recurringMinCases: 20 });
    const strict = await ok(b, 'group/board', {});
    expect(strict.rules.minCases).toBe(20);
    expect(strict.groups.filter((g) => g.recurring).map((g) => g.id)).toEqual(recurring.filter((g) => g.cases >= 20).map((g) => g.id));
    expect((await send(b, 'settings/update', { recurringMinCases: 1 })).ok).toBe(false);
  });

  it('keeps merge, move-out and not-collective through a re-run and a restart, and a new case joins its group', async () => {
    const { b, first } = await imported();
    let board = await ok(b, 'group/board', {});
    const fert = groupWith(board, first('A01'))!; // fertiliser shortage
    const power = groupWith(board, first('A02'))!; // power cuts
    expect(fert.title).toContain('کود');
    expect(power.title).toContain('برق');
    const movedOut = fert.caseIds.find((id) => id !== first('A01'))!;
    await ok(b, 'group/correct', { kind: 'merge', caseIds: [fert.caseIds[0]!, power.caseIds[0]!] });
    await ok(b, 'group/correct', { kind: 'split', caseIds: [movedOut] });
    const boar = groupWith(board, first('A06'))!; // wild boar
    await ok(b, 'group/correct', { kind: 'notCollective', caseIds: boar.caseIds, value: true });

    // With the same cases the run is the same; with other cases the machine may shape groups differently,
    // but the corrections still hold.
    const check = (bd: GroupBoard, added: number | null = 0) => {
      const merged = groupWith(bd, first('A01'))!;
      expect(merged.caseIds).toContain(first('A02'));
      if (added !== null) expect(merged.cases).toBe(fert.cases + power.cases - 1 + added);
      expect(merged.caseIds).not.toContain(movedOut);
      const b2 = bd.groups.find((g) => g.caseIds.includes(boar.caseIds[0]!));
      expect(b2?.notCollective).toBe(true);
      expect(b2?.recurring).toBe(false);
    };
    check(await ok(b, 'group/board', { rerun: true }));

    // A new case of the fertiliser problem joins its group: a store this small is grouped again for it.
    const day = await ok(b, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
    const fresh = await ok(b, 'case/record', {
      meetingDayId: day.id, citizen: validCitizen, text: 'کود اوره سهمیه شالیزار ما هنوز در تعاونی توزیع نشده است',
      order: { type: 'act', leadDepartment: 'جهاد کشاورزی', deadlineDays: 10, text: '' },
    });
    board = await ok(b, 'group/board', {});
    expect(board.attached).toBe(0); // grouped by a new run, not attached
    expect(board.cases).toBe(161);
    expect(groupWith(board, fresh.id)?.caseIds).toContain(first('A01'));
    check(board, 1);

    // After a restart the run is redone from the files and the corrections still hold.
    const dir = b.dataDir;
    await open.pop()!.close();
    const again = await imported(dir);
    check(await ok(again.b, 'group/board', {}), null);
  });

  it('titles a group made only of cases recorded after the run', async () => {
    const { b } = await imported();
    await ok(b, 'group/board', {});
    const day = await ok(b, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
    const record = (text: string) => ok(b, 'case/record', {
      meetingDayId: day.id, citizen: validCitizen, text, order: { type: 'act', leadDepartment: 'فرمانداری', deadlineDays: 10, text: '' },
    });
    const x = await record('کتابخانه عمومی محله کتاب تازه ندارد و قفسه‌ها خالی است');
    const y = await record('قفسه‌های کتابخانه عمومی سال‌هاست کتاب تازه نگرفته');
    const board = await ok(b, 'group/correct', { kind: 'merge', caseIds: [x.id, y.id] });
    const g = groupWith(board, x.id)!;
    expect(g.caseIds.sort()).toEqual([x.id, y.id].sort());
    // Titled from the run's vocabulary (words the run never saw cannot appear): words of these texts.
    expect(g.title.length).toBeGreaterThan(0);
    for (const w of g.title.split('، ')) expect(`${x.text} ${y.text}`).toContain(w);
    expect(g.samples).toHaveLength(2);
  });

  it('names a fresh office\'s new group at intake without the board being opened again (the new run is made in the background)', async () => {
    const b = await openTestBackend();
    open.push(b);
    await ok(b, 'group/board', {});
    const days = [
      await ok(b, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' }),
      await ok(b, 'meetingDay/open', { date: '1405/09/09', place: { kind: 'center' }, host: 'استاندار' }),
    ];
    const record = recorder(b, days.map((d) => d.id));
    await record(0, 'ساری', 'برق روستای ما هر شب چند ساعت قطع می‌شود و یخچال‌ها سوخته است', 'شرکت توزیع برق');
    await record(1, 'بابل', 'قطعی مکرر برق در روستا، شب‌ها چند بار برق می‌رود', 'شرکت توزیع برق');
    await record(0, 'آمل', 'برق روستا مدام قطع می‌شود و وسایل برقی خراب شده', 'شرکت توزیع برق');
    let group = null;
    for (let i = 0; i < 100 && !group; i++) {
      group = (await ok(b, 'case/suggest', { text: 'قطع شدن مکرر برق روستا در شب' })).group;
      if (!group) await new Promise((r) => setTimeout(r, 100));
    }
    expect(group).toMatchObject({ cases: 3, counties: 3 });
  });

  it('shows the groups of a fresh office as its cases come in, without a re-run', async () => {
    const b = await openTestBackend();
    open.push(b);
    expect((await ok(b, 'group/board', {})).groups).toEqual([]); // the first run, on no cases at all
    const days = [
      await ok(b, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' }),
      await ok(b, 'meetingDay/open', { date: '1405/09/09', place: { kind: 'center' }, host: 'استاندار' }),
    ];
    const record = recorder(b, days.map((d) => d.id));
    const power = [
      await record(0, 'ساری', 'برق روستای ما هر شب چند ساعت قطع می‌شود و یخچال‌ها سوخته است', 'شرکت توزیع برق'),
      await record(1, 'بابل', 'قطعی مکرر برق در روستا، شب‌ها چند بار برق می‌رود', 'شرکت توزیع برق'),
    ];
    const other = await record(0, 'آمل', 'مجوز برگزاری کنسرت موسیقی محلی در فرهنگسرا را نمی‌دهند', 'اداره کل فرهنگ و ارشاد اسلامی');
    // Several desks open the board at once: each sees the new group.
    const boards = await Promise.all([1, 2, 3, 4].map(() => ok(b, 'group/board', {})));
    for (const board of boards) {
      expect(board.cases).toBe(3);
      expect(groupWith(board, power[0]!)?.caseIds.sort()).toEqual([...power].sort());
      expect(groupWith(board, other)).toBeUndefined();
    }

    power.push(await record(0, 'آمل', 'برق روستا مدام قطع می‌شود و وسایل برقی خراب شده', 'شرکت توزیع برق'));
    const board = await ok(b, 'group/board', {});
    const g = groupWith(board, power[0]!)!;
    expect(g.caseIds.sort()).toEqual([...power].sort());
    expect(g.recurring).toBe(true);
    expect(g.title).toContain('برق');
    // Intake names the group while the next citizen's problem is typed.
    const s = await ok(b, 'case/suggest', { text: 'قطع شدن مکرر برق روستا در شب' });
    expect(s.group).toMatchObject({ id: g.id, cases: 3, counties: 3 });
    expect(s.departments[0]!.name).toBe('شرکت توزیع برق');
    // The audit keeps a person's «گروه‌بندی دوباره», not the runs the board made by itself.
    const runs = async () => (await auditTrail(b.dataDir)).filter((r) => r.action === 'group/run');
    expect(await runs()).toEqual([]);
    await ok(b, 'group/board', { rerun: true });
    expect((await runs()).map((r) => r.id)).toEqual(['4']);
  });

  it('keeps the title the office gives a group through a re-run and a restart, lists it and takes it back', async () => {
    const { b, first } = await imported();
    const board = await ok(b, 'group/board', {});
    const power = groupWith(board, first('A02'))!;
    const machineTitle = power.title;
    const before = await snapshot(b);
    for (const value of ['   ', 'ب'.repeat(121)]) {
      const r = await send(b, 'group/correct', { kind: 'title', caseIds: power.caseIds.slice(0, 5), value });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/پر کنید|[۰-۹]+/);
    }
    expect(await snapshot(b)).toEqual(before);

    const named = await ok(b, 'group/correct', { kind: 'title', caseIds: power.caseIds.slice(0, 5), value: '  قطعی مکرر برق   روستاها ' });
    expect(groupWith(named, first('A02'))).toMatchObject({ title: 'قطعی مکرر برق روستاها', corrected: true, caseIds: power.caseIds });
    expect(groupWith(await ok(b, 'group/board', { rerun: true }), first('A02'))!.title).toBe('قطعی مکرر برق روستاها');
    const [row] = await ok(b, 'group/corrections', {});
    expect(row).toMatchObject({ kind: 'title', name: 'قطعی مکرر برق روستاها', title: 'قطعی مکرر برق روستاها', undone: false });

    const dir = b.dataDir;
    await open.pop()!.close();
    const again = await imported(dir);
    expect(groupWith(await ok(again.b, 'group/board', {}), first('A02'))!.title).toBe('قطعی مکرر برق روستاها');
    const back = await ok(again.b, 'group/undo', { index: row!.index });
    expect(groupWith(back, first('A02'))!.title).toBe(machineTitle);
  });

  it('shows an empty board for an empty data folder', async () => {
    const b = await openTestBackend();
    open.push(b);
    const board = await ok(b, 'group/board', {});
    expect(board).toMatchObject({ cases: 0, groups: [], singles: 0, meetingDates: [] });
  });

  it('refuses a bad correction with a Persian message and changes nothing', async () => {
    const { b } = await imported();
    const before = await snapshot(b);
    const r = await send(b, 'group/correct', { kind: 'merge', caseIds: ['only-one'] } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).toContain('دست‌کم دو گروه');
    const twice = await send(b, 'group/correct', { kind: 'split', caseIds: ['a1', 'a1'] });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(JSON.stringify(twice.error)).toContain('دو بار');
    expect(await snapshot(b)).toEqual(before);
  });

  it('drafts a circular from a group; once issued its cases are linked and its page shows the effect', async () => {
    const { b, first } = await imported();
    const board = await ok(b, 'group/board', {});
    const g = groupWith(board, first('A01'))!;
    const draft = await ok(b, 'circular/draft', { caseIds: g.caseIds, problem: g.title, groupId: g.id });
    expect(draft.caseIds).toEqual(g.caseIds);
    expect(draft.addressees).toContain('جهاد کشاورزی');
    await ok(b, 'circular/approve', { id: draft.id });
    const issued = await ok(b, 'circular/issue', { id: draft.id, ...(await ok(b, 'circular/nextNumber', {})) });
    for (const id of g.caseIds.slice(0, 5)) {
      const k = await ok(b, 'case/get', { id });
      expect(k.history.at(-1)).toMatchObject({ action: 'circular', ref: issued.number });
      expect(k.notices.at(-1)?.kind).toBe('circular');
    }
    const effect = await ok(b, 'circular/effect', { id: draft.id });
    expect(effect.issuedOn).toBe('1405/09/02');
    expect(effect.before).toBe(g.cases);
    expect(effect.after).toBe(0);
    expect(effect.days.map((d) => d.date)).toEqual(board.meetingDates);
  });

  it('a case that cannot be prepared for the worker fails the run instead of leaving the board waiting', async () => {
    const input = (i: number) => {
      if (i === 2) throw new Error('broken case');
      return { id: `c${i}`, text: 'قطعی مکرر برق در روستا', department: 'شرکت توزیع برق', county: 'ساری', date: '1405/09/02' };
    };
    // A new office's few cases run on this thread, more in the worker: both fail the run.
    await expect(groupInWorker(5, input, ['ساری'], DEFAULT_LEXICON)).rejects.toThrow('broken case');
    await expect(groupInWorker(IN_THREAD_MAX + 10, input, ['ساری'], DEFAULT_LEXICON)).rejects.toThrow('broken case');
  });

  it('groups a new office\'s few cases on this thread as the worker groups them', async () => {
    const texts = ['قطعی مکرر برق در روستا و خرابی لوازم برقی', 'کمبود کود اوره در تعاونی روستایی', 'وام ازدواج پس از یک سال پرداخت نشده'];
    const input = (i: number) => ({ id: `c${i}`, text: `${texts[i % 3]} شماره ${i}`, county: 'ساری', department: 'فرمانداری' });
    // The worker's run has one case more (the last): without it, the groups are the same.
    const last = `c${IN_THREAD_MAX}`;
    const sets = (r: Awaited<ReturnType<typeof groupInWorker>>) => r.run.groups.map((g) => g.caseIds.filter((id) => id !== last).sort().join()).sort();
    const few = await groupInWorker(IN_THREAD_MAX, input, ['ساری'], DEFAULT_LEXICON);
    const more = await groupInWorker(IN_THREAD_MAX + 1, input, ['ساری'], DEFAULT_LEXICON);
    expect(few.run.groups).toHaveLength(3);
    expect(sets(few)).toEqual(sets(more));
  });

  it('a run too large for the worker\'s heap limit is repeated without it and gives the same groups', async () => {
    const texts = ['قطعی مکرر برق در روستا و خرابی لوازم برقی', 'کمبود کود اوره در تعاونی روستایی', 'وام ازدواج پس از یک سال پرداخت نشده'];
    const input = (i: number) => ({ id: `c${i}`, text: `${texts[i % 3]} شماره ${i}`, county: 'ساری', department: 'فرمانداری' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tight = await groupInWorker(300, input, ['ساری'], DEFAULT_LEXICON, { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/running it again without the limit/));
    warn.mockRestore();
    const roomy = await groupInWorker(300, input, ['ساری'], DEFAULT_LEXICON, {});
    const sets = (r: typeof tight) => r.run.groups.map((g) => [...g.caseIds].sort().join()).sort();
    expect(sets(tight)).toEqual(sets(roomy));
    expect(tight.run.groups).toHaveLength(3);
  });
});
