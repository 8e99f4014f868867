import { describe, expect, it } from 'vitest';
import { groupCases, type GroupingInput } from '../../shared/grouping/engine';
import { vectorize } from '../../shared/grouping/features';
import { problemTerms } from '../../shared/grouping/problem-lexicon';
import { Suggester } from '../../shared/grouping/suggest';

const recorded: (GroupingInput & { category: string })[] = [
  ...['برق روستا هر شب قطع می‌شود', 'قطعی مکرر برق در روستا', 'خاموشی‌های طولانی بدون اعلام جدول', 'برق منطقه روزی چند بار قطع و وصل می‌شود']
    .map((text, i) => ({ id: `p${i}`, text, department: 'شرکت توزیع برق', category: 'آب، برق و گاز' })),
  ...['کود اوره در تعاونی توزیع نشده', 'سهمیه کود شیمیایی کشاورزان نصف شده', 'تعاونی کود اوره ندارد و بازار آزاد گران است']
    .map((text, i) => ({ id: `f${i}`, text, department: 'جهاد کشاورزی', category: 'کشاورزی و دامداری' })),
  { id: 'w', text: 'برق روستا قطع شده بود و گزارش آن به فرمانداری رسید', department: 'فرمانداری', category: '' },
];

describe('Suggester', () => {
  const run = groupCases(recorded);
  const s = new Suggester(run.model);
  recorded.forEach((c, i) => s.add(run.vectors[i]!, c.department!, c.category));
  const ask = (text: string) => s.suggest(vectorize(problemTerms(text, run.places, run.lexicon), run.model));

  it('suggests the department and category of the most similar recorded cases, best first with their shares', () => {
    const got = ask('برق خانه ما سه شب است قطع می‌شود');
    expect(got.departments[0]!.name).toBe('شرکت توزیع برق');
    expect(got.departments[0]!.share).toBeGreaterThan(0.5);
    expect(got.departments.reduce((a, d) => a + d.share, 0)).toBeCloseTo(1, 5);
    expect(got.categories[0]!.name).toBe('آب، برق و گاز');
    expect(got.neighbours).toBeGreaterThanOrEqual(3);
    expect(ask('کشاورزان کود اوره پیدا نمی‌کنند').departments[0]!.name).toBe('جهاد کشاورزی');
  });

  it('suggests nothing from cases unlike the text, and leaves one case out when asked', () => {
    expect(ask('مجوز غرفه در بازارچه نوروزی')).toMatchObject({ departments: [], neighbours: 0 });
    const alone = new Suggester(run.model);
    alone.add(run.vectors[0]!, 'شرکت توزیع برق', '');
    expect(alone.suggest(run.vectors[0]!, 0).neighbours).toBe(0);
    expect(alone.suggest(run.vectors[0]!).departments[0]!.name).toBe('شرکت توزیع برق');
    // It named a department and no category: one voter of the one list, none of the other.
    expect(alone.suggest(run.vectors[0]!).voters).toEqual({ departments: 1, categories: 0 });
  });

  it('counts the lexicon\'s department for the main object as one more voice, alone when no case is similar', () => {
    const empty = new Suggester(run.model);
    const got = empty.suggest(vectorize(problemTerms('قبض گاز نجومی آمده', run.places, run.lexicon), run.model), -1, { department: 'شرکت گاز استان' });
    expect(got).toMatchObject({ departments: [{ name: 'شرکت گاز استان', share: 1 }], neighbours: 0 });
  });
});
