import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPING, groupCases, historyBackground, type GroupingInput } from '../../shared/grouping/engine';
import { Attacher, rerunNeed, STALE_SHARE, WAIT_FOR_RUN_UP_TO } from '../../shared/grouping/attach';
import { applyCorrections, type GroupCorrection } from '../../shared/grouping/corrections';

const POWER = [
  'برق روستا هر شب قطع می‌شود و یخچال‌ها سوخته است',
  'قطعی مکرر برق در روستا باعث خرابی وسایل برقی شده',
  'برق منطقه بدون اعلام جدول خاموشی قطع می‌شود',
  'افت ولتاژ برق روستا باعث سوختن پمپ آب شده است',
];
const FERTILISER = [
  'کود اوره شالیزار در تعاونی توزیع نشده و کشاورزان منتظرند',
  'سهمیه کود شیمیایی کشاورزان امسال نصف شده است',
  'کشاورزان برای کود اوره جلوی انبار تعاونی صف کشیده‌اند',
  'کود سهمیه شالیکاران هنوز به تعاونی نرسیده است',
];
const cases: GroupingInput[] = [
  ...POWER.map((text, i) => ({ id: `p${i}`, text, county: ['ساری', 'آمل', 'بابل', 'نور'][i], department: 'شرکت توزیع برق' })),
  ...FERTILISER.map((text, i) => ({ id: `f${i}`, text, county: ['ساری', 'آمل', 'بابل', 'نور'][i], department: 'جهاد کشاورزی' })),
  { id: 'x', text: 'پسرم برای اعزام به سفر زیارتی کمک هزینه می‌خواهد', county: 'ساری', department: 'فرمانداری' },
];

describe('groupCases', () => {
  const run = groupCases(cases);
  const groupOf = (id: string) => run.groups.findIndex((g) => g.caseIds.includes(id));

  it('puts every case in exactly one group', () => {
    const all = run.groups.flatMap((g) => g.caseIds).sort();
    expect(all).toEqual(cases.map((c) => c.id).sort());
  });

  it('groups the same problem across counties and keeps different problems apart', () => {
    expect(new Set(POWER.map((_, i) => groupOf(`p${i}`))).size).toBe(1);
    expect(new Set(FERTILISER.map((_, i) => groupOf(`f${i}`))).size).toBe(1);
    expect(groupOf('p0')).not.toBe(groupOf('f0'));
    expect(run.groups[groupOf('x')]!.caseIds).toEqual(['x']);
  });

  it('keeps texts without content words alone', () => {
    const r = groupCases([{ id: 'a', text: '۱۲۳ ۴۵۶' }, { id: 'b', text: 'آقای رضایی 09121234567' }, { id: 'c', text: '' }]);
    expect(r.groups.map((g) => g.caseIds)).toEqual([['a'], ['b'], ['c']]);
    expect(groupCases([]).groups).toEqual([]);
  });

  it('titles a group with a phrase of its most central case, in the citizen\'s own spelling', () => {
    const power = run.groups[groupOf('p0')]!.title;
    const fert = run.groups[groupOf('f0')]!.title;
    expect(power).toContain('برق');
    expect(fert).toContain('کود');
    // A phrase quoted from one of the group's texts, not a list of stems.
    expect(POWER.some((t) => t.includes(power))).toBe(true);
    expect(FERTILISER.some((t) => t.includes(fert))).toBe(true);
    expect(power).not.toContain('، ');
  });

  it('keeps the ZWNJ and «آ» of the text in a title, and Arabic letters become Persian', () => {
    const texts = ['آسفالت خیابان بعد از حفاری نیمه‌کاره مانده', 'آسفالت خیابان نیمه‌کاره رها شده است', 'نيمه‌كاره ماندن آسفالت خيابان'];
    const r = groupCases(texts.map((text, i) => ({ id: `a${i}`, text })));
    expect(r.groups).toHaveLength(1);
    const title = r.groups[0]!.title;
    expect(title).toMatch(/آسفالت|نیمه‌کاره/);
    expect(title).not.toMatch(/اسفالت|نیمهکاره|[يك]/);
  });

  it('ends a title before a comma, a relative clause or the word an ezafe binds it to', () => {
    const titleOf = (texts: string[]) => groupCases(texts.map((text, i) => ({ id: `t${i}`, text, department: 'بهزیستی' }))).groups.map((g) => g.title);
    const clause = titleOf(['کمک هزینه نگهداری دخترم که معلول ذهنیه شش ماهه واریز نشده', 'کمک هزینه نگهداری دخترم که معلول است واریز نشده']);
    expect(clause[0]).toContain('کمک هزینه نگهداری');
    expect(clause.join(' ')).not.toMatch(/(^|\s)که(\s|$)/);
    const comma = titleOf(['آب روستا قطعه، با بشکه آب میاریم', 'آب روستا قطعه، با تانکر آب میاریم', 'آب شرب روستا قطعه، با بشکه آب']);
    expect(comma[0]).toMatch(/آب/);
    expect(comma[0]).not.toMatch(/[،,]/);
    const ezafe = titleOf(['امسال دامپزشکی برای واکسن گاوهای روستا نیومده', 'واکسن گاوهای روستا زده نشده', 'واکسن گاوهای روستا رو نزدن']);
    expect(ezafe[0]).toContain('واکسن');
    expect(ezafe[0]).not.toMatch(/گاوهای$/);
  });

  it('keeps a number inside a title in Persian digits, never a place', () => {
    const texts = ['حریم 60 متری دریا در ساری آزادسازی شده و ویلا را تخریب کرده‌اند', 'آزادسازی حریم ۶۰ متری دریا و تخریب ویلا', 'تخریب ویلا برای حریم 60 متری دریا'];
    const title = groupCases(texts.map((text, i) => ({ id: `t${i}`, text, county: 'ساری' }))).groups[0]!.title;
    expect(title).toMatch(/۶۰ متری دریا|حریم|تخریب/);
    expect(title).not.toMatch(/[0-9]|ساری/);
  });
});

describe('IDF from the office\'s history', () => {
  it('weighs a word by the whole history: common in the office\'s other cases, it weighs less in the batch', () => {
    const batch = [...POWER, ...FERTILISER].map((text, i) => ({ id: `b${i}`, text }));
    const history = Array.from({ length: 40 }, (_, i) => `مشکل کود و سم کشاورزان شماره ${i} در تعاونی`);
    const idf = (r: ReturnType<typeof groupCases>, key: string) => r.model.idf[r.model.vocab.get(key)!]!;
    const alone = groupCases(batch);
    const withHistory = groupCases(batch, { ...DEFAULT_GROUPING, background: historyBackground(history, []) });
    expect(idf(withHistory, 'wکود')).toBeLessThan(idf(alone, 'wکود'));
    expect(withHistory.model.docCount).toBe(batch.length + history.length);
    // A word the history never has weighs more than before, against the larger number of documents.
    expect(idf(withHistory, 'wبرق')).toBeGreaterThan(idf(alone, 'wبرق'));
  });
});

describe('Attacher', () => {
  const run = groupCases(cases);
  const attacher = new Attacher(run, cases.map((c) => c.department));

  it('attaches a new case to the group of its problem, written another way', () => {
    const hit = attacher.attach({ id: 'n1', text: 'برق خانه ما سه شب است قطع شده', department: 'شرکت توزیع برق' });
    expect(hit).not.toBeNull();
    expect(run.groups[hit!.group]!.caseIds).toContain('p0');
  });

  it('leaves an unrelated case alone', () => {
    expect(attacher.attach({ id: 'n2', text: 'درخواست مجوز غرفه در بازارچه محلی', department: 'فرمانداری' })).toBeNull();
  });
});

describe('rerunNeed', () => {
  it('groups a small store again for any new case, and a large one in the background once new cases are a share of it', () => {
    expect(rerunNeed(0, 0)).toBe('none');
    expect(rerunNeed(0, 1)).toBe('wait'); // a fresh office's first cases
    expect(rerunNeed(WAIT_FOR_RUN_UP_TO - 1, 1)).toBe('wait');
    expect(rerunNeed(WAIT_FOR_RUN_UP_TO, 1)).toBe('none');
    const big = 100_000;
    expect(rerunNeed(big, Math.ceil(STALE_SHARE * big) - 1)).toBe('none');
    expect(rerunNeed(big, Math.ceil(STALE_SHARE * big))).toBe('background');
  });
});

describe('applyCorrections', () => {
  const groups = [
    { caseIds: ['a', 'b', 'c'], title: 'برق' },
    { caseIds: ['d', 'e'], title: 'خاموشی' },
    { caseIds: ['f'], title: 'کود' },
  ];
  const at = { at: '2026-11-28T10:00:00Z', by: 't' };

  it('replays merge, split and not-collective on a fresh grouping in the order made', () => {
    const corrections: GroupCorrection[] = [
      { kind: 'merge', caseIds: ['a', 'd'], ...at },
      { kind: 'split', caseIds: ['c'], ...at },
      { kind: 'notCollective', caseIds: ['f'], value: true, ...at },
    ];
    const out = applyCorrections(groups, corrections);
    const find = (id: string) => out.find((g) => g.caseIds.includes(id))!;
    expect(find('a').caseIds.sort()).toEqual(['a', 'b', 'd', 'e']);
    expect(find('c').caseIds).toEqual(['c']);
    expect(find('f').notCollective).toBe(true);
    expect(out.flatMap((g) => g.caseIds).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('counts a case named twice in a correction once', () => {
    const out = applyCorrections(groups, [{ kind: 'split', caseIds: ['a', 'a'], ...at }]);
    expect(out.find((g) => g.caseIds.includes('a'))!.caseIds).toEqual(['a']);
    expect(out.flatMap((g) => g.caseIds).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('gives the office\'s title to the group holding most of the named cases, kept through a merge and taken back by an undo', () => {
    const named: GroupCorrection[] = [{ kind: 'title', caseIds: ['a', 'b', 'd'], value: 'قطعی برق روستاها', ...at }];
    const out = applyCorrections(groups, named);
    expect(out.find((g) => g.caseIds.includes('a'))).toMatchObject({ title: 'قطعی برق روستاها', named: true, corrected: false });
    expect(out.find((g) => g.caseIds.includes('d'))).toMatchObject({ title: 'خاموشی', named: false });
    // merged into the larger group, the smaller named one's title wins over the machine's
    const merged = applyCorrections(groups, [{ kind: 'title', caseIds: ['d'], value: 'خاموشی شبانه', ...at }, { kind: 'merge', caseIds: ['a', 'd'], ...at }]);
    expect(merged.find((g) => g.caseIds.includes('a'))).toMatchObject({ title: 'خاموشی شبانه', named: true });
    const undone = applyCorrections(groups, [...named, { kind: 'undo', index: 0, caseIds: [], ...at }]);
    expect(undone.find((g) => g.caseIds.includes('a'))).toMatchObject({ title: 'برق', named: false });
  });

  it('ignores corrections about cases that no longer exist', () => {
    const out = applyCorrections(groups, [{ kind: 'merge', caseIds: ['zz', 'yy'], ...at }]);
    expect(out.map((g) => g.caseIds)).toEqual(groups.map((g) => g.caseIds));
  });
});
