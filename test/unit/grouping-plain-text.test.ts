import { describe, expect, it } from 'vitest';
import { groupCases, type GroupingInput } from '../../shared/grouping/engine';
import { dot } from '../../shared/grouping/features';
import { Attacher } from '../../shared/grouping/attach';
import { DEFAULT_CLUSTER } from '../../shared/grouping/cluster';

// Questions from elsewhere (no department, not recorded in the app): questions of one frame or one topic
// that ask different things, beside a few that ask the same thing in other words. The lexicon reads an
// object in a few («تخم مرغ» is poultry): among questions, they are questions all the same.
const SAME = [
  ['چطور اکانت اینستاگرام را برای همیشه حذف کنم؟', 'روش حذف همیشگی اکانت اینستاگرام چیست؟', 'برای حذف کردن اکانت اینستاگرام باید چکار کنم'],
  ['دعای کمیل در چه شبی خوانده می‌شود؟', 'دعای کمیل را چه شبی می‌خوانند؟'],
];
const APART = [
  'چه ویتامینی برای پوست خشک مفید است؟',
  'کمبود کدام ویتامین باعث ریزش مو می‌شود؟',
  'ویتامین دی را با چه غذایی بخوریم بهتر جذب می‌شود؟',
  'چه چیزی باعث پوکی استخوان می‌شود؟',
  'چه چیزی باعث ورم پا در بارداری می‌شود؟',
  'دعای جوشن کبیر در کدام شب‌ها خوانده می‌شود؟',
  'چطور اکانت تلگرام را دیلیت کنم؟',
  'بهترین گوشی میان‌رده امسال کدام است؟',
  'بهترین کشور برای سفر تابستان کدام است؟',
  'یک تخم مرغ آب‌پز چند کالری دارد؟',
  'تخم مرغ آب پز چقدر کلسترول داره؟',
];
const cases: GroupingInput[] = [
  ...SAME.flatMap((g, i) => g.map((text, j) => ({ id: `s${i}-${j}`, text }))),
  ...APART.map((text, i) => ({ id: `a${i}`, text })),
];

describe('text from elsewhere is compared as plain text', () => {
  const run = groupCases(cases);
  const groupOf = (id: string) => run.groups.findIndex((g) => g.caseIds.includes(id));

  it('keeps questions of one frame or one topic apart', () => {
    const groups = APART.map((_, i) => groupOf(`a${i}`));
    expect(new Set(groups).size).toBe(APART.length);
    for (const g of groups) expect(run.groups[g]!.caseIds.filter((id) => id.startsWith('a'))).toHaveLength(1);
  });

  it('still joins the same question asked in other words', () => {
    SAME.forEach((g, i) => expect(new Set(g.map((_, j) => groupOf(`s${i}-${j}`))).size).toBe(1));
    expect(groupOf('s0-0')).not.toBe(groupOf('s1-0'));
  });

  it('attaches a new question only to a group that asks the same', () => {
    const attacher = new Attacher(run, cases.map(() => undefined));
    expect(attacher.attach({ id: 'n1', text: 'چگونه اکانت اینستاگرام خود را برای همیشه حذف کنیم؟' })?.group).toBe(groupOf('s0-0'));
    expect(attacher.attach({ id: 'n2', text: 'چطور اکانت اینستاگرام را موقت غیرفعال کنم تا بعدا برگردم؟' })).toBeNull();
  });

  it('compares an office case the lexicon does not read as the other office cases, department or not', () => {
    // Two questions of one frame: as plain text each one's own words keep them apart; as an office's cases
    // (recorded in the app, or filed under a department) the words no other case has compare nothing.
    const pair = ['کدام ویتامین برای تقویت ناخن شکننده مفید است؟', 'کدام ویتامین برای تقویت حافظه کودکان مفید است؟'];
    const similarity = (extra: Partial<GroupingInput>) => {
      const r = groupCases([...cases, ...pair.map((text, i) => ({ id: `p${i}`, text, ...extra }))]);
      return dot(r.vectors[cases.length]!, r.vectors[cases.length + 1]!);
    };
    const plain = similarity({});
    expect(similarity({ office: true })).toBeGreaterThan(plain + 0.1);
    expect(similarity({ department: 'دانشگاه علوم پزشکی' })).toBeGreaterThan(plain + 0.1);
  });

  it('takes a question the lexicon reads an object in for a question among questions, and for a case among cases', () => {
    // The same two questions about eggs: their own words keep them apart among questions; in a file of
    // meeting-day cases without departments (the lexicon reads a problem in each) they are compared as the
    // office's cases, whose words of one text compare nothing.
    const eggs = ['یک تخم مرغ آب‌پز چند کالری دارد؟', 'تخم مرغ آب پز چقدر کلسترول داره؟'];
    const office = ['برق روستای ما هر شب قطع می‌شود', 'قبض گاز این ماه سه برابر آمده', 'جاده روستا خاکی است و آسفالت ندارد', 'وام ازدواج پسرم هنوز پرداخت نشده'];
    const similarity = (batch: readonly string[]) => {
      const r = groupCases([...batch, ...eggs].map((text, i) => ({ id: `e${i}`, text })));
      return { elsewhere: r.elsewhere, cosine: dot(r.vectors[batch.length]!, r.vectors[batch.length + 1]!) };
    };
    const amongQuestions = similarity(APART);
    const amongCases = similarity(office);
    expect(amongQuestions.elsewhere).toBe(true);
    expect(amongCases.elsewhere).toBe(false);
    // Below even the office's cut, let alone the higher one for text from elsewhere (plainThreshold).
    expect(amongQuestions.cosine).toBeLessThan(DEFAULT_CLUSTER.centroidThreshold);
    expect(amongCases.cosine).toBeGreaterThan(amongQuestions.cosine + 0.3);
  });
});
