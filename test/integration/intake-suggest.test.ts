// Help at intake on a real store: `case/suggest` for a text being typed gives the department and category of
// the office's similar recorded cases and the open recurring group the case would join; it records nothing,
// follows the cases recorded since the run, and the office's lexicon from Settings reaches the next run.
import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { importCases } from '../../electron/backend/services/import';
import { runsSettled } from '../../electron/backend/services/grouping';
import { ok, openTestBackend, send, snapshot, validCitizen } from '../helpers/backend';
import { SAMPLE } from '../helpers/cli';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function sample() {
  const b = await openTestBackend();
  open.push(b);
  await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  return b;
}

describe('case/suggest', () => {
  it('suggests the department and category of similar recorded cases and the open recurring group, recording nothing', async () => {
    const b = await sample();
    const board = await ok(b, 'group/board', {});
    const before = await snapshot(b);
    const s = await ok(b, 'case/suggest', { text: 'سهمیه کود اوره شالیزارمان را تعاونی هنوز نداده و کشاورزان سرگردانند' });
    expect(s.departments[0]!.name).toBe('جهاد کشاورزی');
    expect(s.departments.length).toBeLessThanOrEqual(3);
    expect(s.neighbours).toBeGreaterThanOrEqual(3);
    expect(s.categories[0]!.name).toBe('کشاورزی و دامداری');
    const fert = board.groups.find((g) => g.id === s.group?.id)!;
    expect(fert.recurring).toBe(true);
    expect(fert.title).toContain('کود');
    expect(s.group).toEqual({ id: fert.id, title: fert.title, cases: fert.cases, citizens: fert.citizens, counties: fert.counties.length });
    expect(await snapshot(b)).toEqual(before);
  });

  it('suggests nothing for a few letters or a text of names and numbers, and refuses a text over the limit', async () => {
    const b = await sample();
    expect(await ok(b, 'case/suggest', { text: 'برق' })).toEqual({ departments: [], categories: [], neighbours: 0, voters: { departments: 0, categories: 0 }, group: null });
    expect(await ok(b, 'case/suggest', { text: 'آقای رضایی ۰۹۱۲۱۲۳۴۵۶۷ ۱۴۰۵' })).toMatchObject({ departments: [], group: null });
    const r = await send(b, 'case/suggest', { text: 'ب'.repeat(2001) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/[۰-۹]/);
  });

  it('asked with the text still empty, makes the first run and board ready before the clerk has typed enough', async () => {
    let now = new Date('2026-11-30T08:00:00Z');
    const b = await openTestBackend(undefined, () => now);
    open.push(b);
    await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
    const before = await snapshot(b);
    expect(await ok(b, 'case/suggest', { text: '' })).toMatchObject({ departments: [], group: null });
    await runsSettled(b.store);
    now = new Date('2026-11-30T08:05:00Z');
    // The board the office opens later is the run made at 08:00, not a run made when it was asked for.
    const board = await ok(b, 'group/board', {});
    expect(board.runAt).toBe('2026-11-30T08:00:00.000Z');
    expect(board.groups.length).toBeGreaterThan(5);
    expect(await snapshot(b)).toEqual(before);
  });

  it('names no group for a problem that is no recurring group, nor for one the office marked not collective', async () => {
    const b = await sample();
    expect((await ok(b, 'case/suggest', { text: 'مجوز برگزاری کنسرت موسیقی محلی در فرهنگسرا را نمی‌دهند' })).group).toBeNull();
    const power = await ok(b, 'case/suggest', { text: 'قطعی مکرر برق روستا شب‌ها و سوختن یخچال و کولر' });
    expect(power.group).not.toBeNull();
    const board = await ok(b, 'group/board', {});
    const g = board.groups.find((x) => x.id === power.group!.id)!;
    await ok(b, 'group/correct', { kind: 'notCollective', caseIds: g.caseIds.slice(0, 50), value: true });
    expect((await ok(b, 'case/suggest', { text: 'قطعی مکرر برق روستا شب‌ها و سوختن یخچال و کولر' })).group).toBeNull();
  });

  it('learns from the cases recorded since the run: their departments count for the next suggestion', async () => {
    const b = await sample();
    await ok(b, 'group/board', {});
    const text = 'کتابخانه عمومی روستا کتابدار ندارد و درهایش بسته است';
    expect((await ok(b, 'case/suggest', { text })).departments[0]?.name).not.toBe('آموزش و پرورش');
    const day = await ok(b, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
    for (const t of ['کتابخانه عمومی روستا یک سال است کتابدار ندارد', 'کتابدار کتابخانه روستا بازنشسته شده و کتابخانه تعطیل است']) {
      await ok(b, 'case/record', {
        meetingDayId: day.id, citizen: validCitizen, text: t,
        order: { type: 'act', leadDepartment: 'آموزش و پرورش', deadlineDays: 10, text: '' },
      });
    }
    const s = await ok(b, 'case/suggest', { text });
    expect(s.departments[0]!.name).toBe('آموزش و پرورش');
  });
});

describe('the office\'s problem lexicon', () => {
  it('is kept in Settings and used by the next grouping run', async () => {
    const b = await sample();
    const first = await ok(b, 'group/board', {});
    await ok(b, 'settings/update', { problemLexicon: [{ kind: 'object', name: 'سیل‌بند', parent: 'رودخانه', words: ['سیل‌بند', 'دیواره سیل‌گیر'] }] });
    expect((await ok(b, 'settings/get', {})).problemLexicon).toEqual([
      { kind: 'object', name: 'سیل‌بند', parent: 'رودخانه', words: ['سیل‌بند', 'دیواره سیل‌گیر'] },
    ]);
    // A changed lexicon makes the board group again without being asked.
    const next = await ok(b, 'group/board', {});
    expect(next.runAt >= first.runAt).toBe(true);
    expect(next.cases).toBe(160);
    const bad = await send(b, 'settings/update', { problemLexicon: [{ kind: 'object', name: '', words: ['x'] }] });
    expect(bad.ok).toBe(false);
    expect((await ok(b, 'settings/get', {})).problemLexicon).toHaveLength(1);
  });
});
