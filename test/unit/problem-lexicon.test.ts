import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, MAZANDARAN_COUNTIES, PROVINCIAL_DEPARTMENTS } from '../../shared/defaults';
import {
  compileLexicon, DEFAULT_LEXICON, LexiconEntrySchema, lexiconPrior, MAX_DEFECTS, mergeLexicon, phraseKeys, problemTerms, profilesConflict,
  type ProblemProfile,
} from '../../shared/grouping/problem-lexicon';
import { GENERIC, STOPWORDS } from '../../shared/grouping/lexicon';
import { placeSet, stem } from '../../shared/grouping/text';
import { SettingsPatchSchema } from '../../shared/settings';

const lex = compileLexicon(DEFAULT_LEXICON);
const places = placeSet(MAZANDARAN_COUNTIES);
const terms = (text: string) => problemTerms(text, places, lex);
/** The main object and its defects, by name. */
const main = (p: ProblemProfile) => (p.length ? { object: lex.objects[p[0]!], defects: lex.defects.filter((_, d) => p[1]! & (1 << d)) } : null);

describe('the shipped problem lexicon', () => {
  it('covers every provincial department with objects, and names only shipped departments, categories and parents', () => {
    const departments = new Set(DEFAULT_LEXICON.objects.map((o) => o.department).filter(Boolean));
    expect(PROVINCIAL_DEPARTMENTS.filter((d) => !departments.has(d))).toEqual([]);
    for (const o of DEFAULT_LEXICON.objects) {
      if (o.department) expect(PROVINCIAL_DEPARTMENTS, o.name).toContain(o.department);
      if (o.category) expect(CASE_CATEGORIES, o.name).toContain(o.category);
      if (o.parent) expect(DEFAULT_LEXICON.objects.map((x) => x.name), o.name).toContain(o.parent);
      expect(o.words.length, o.name).toBeGreaterThan(0);
    }
    expect(DEFAULT_LEXICON.objects.length).toBeGreaterThanOrEqual(80);
  });

  it('has no object word that is a function word or request phrasing once stemmed', () => {
    const generic = new Set([...STOPWORDS, ...GENERIC].flatMap((w) => [w, stem(w)]));
    const bad = DEFAULT_LEXICON.objects.flatMap((o) => o.words.filter((w) => {
      const k = phraseKeys(w);
      return k.length === 1 && generic.has(k[0]!);
    }).map((w) => `${o.name}: ${w}`));
    expect(bad).toEqual([]);
  });
});

describe('problemTerms', () => {
  it('finds one problem in the citizens\' different words («قطعی برق», «خاموشی», «برق نداریم», «مدام می‌رود»)', () => {
    for (const text of ['قطعی برق روستا', 'خاموشی‌های پی‌در‌پی در منطقه', 'سه روزه برق نداریم', 'برق روستا مدام می‌رود']) {
      expect(main(terms(text).profile), text).toMatchObject({ object: 'برق' });
    }
    expect(main(terms('قطعی برق روستا').profile)!.defects).toContain('قطع و حذف');
  });

  it('gives a defect to the main object named near it, not to a place or an office on the way', () => {
    const p = terms('احتراماً، سهمیه کود اوره کشاورزان تاکنون به تعاونی روستایی تحویل نشده است').profile;
    expect(main(p)).toEqual({ object: 'کود و سم', defects: ['کمبود'] });
  });

  it('reads a word typed with a space for its ZWNJ and skips filler words, never content words', () => {
    expect(main(terms('کود بی کیفیت و تقلبی تحویل دادند').profile)!.defects).toContain('کیفیت بد');
    expect(main(terms('شرط سپرده گذاری برای پرداخت وام ازدواج توسط بانک').profile)!.object).toBe('وام ازدواج');
    expect(main(terms('منتظر نوبت وام ازدواج هستیم').profile)!.object).toBe('وام ازدواج');
  });

  it('does not read a negative verb as its positive («نمی‌دهند» is not «می‌دهند»)', () => {
    expect(phraseKeys('نمی‌دهند')).not.toEqual(phraseKeys('می‌دهند'));
  });

  it('reads a too-high amount in the ways citizens say it, and an estimated bill as a wrong amount', () => {
    for (const text of ['قبض گازمون سه برابر پارسال اومده', 'قبض گاز منزلم ده برابر ماه‌های قبل آمده', 'اعتراض به رقم قبض گاز زمستان']) {
      expect(main(terms(text).profile), text).toMatchObject({ object: 'قبض گاز', defects: ['هزینه زیاد'] });
    }
    expect(main(terms('قبض گاز را برآوردی زده‌اند، کنتور را نخوانده‌اند').profile)!.defects).toEqual(['برآورد نادرست']);
  });

  it('does not read «زدن» or any «میره» as a cut, nor a denied defect («قطع نمیشه»)', () => {
    expect(main(terms('تگرگ زد و برنج شالیزار از بین رفت').profile)!.defects).not.toContain('قطع و حذف');
    expect(main(terms('پدرم شب‌ها میره سر زمین که گرازها نیان').profile)!.defects).not.toContain('قطع و حذف');
    expect(main(terms('برق ما قطع نمیشه، ولی انقدر ضعیفه که لامپ‌ها سوسو میزنن').profile)).toEqual({ object: 'برق', defects: ['افت و ضعف'] });
  });

  it('reads a bare «ندارد / نیست» as a lack of the object only when it follows the object', () => {
    expect(main(terms('روستای ما هنوز گاز ندارد').profile)).toEqual({ object: 'گاز', defects: ['نبود و محرومیت'] });
    expect(main(terms('جاده روستا پر از چاله شده، یه وجب آسفالت سالم نداره').profile)!.defects).toEqual(['خرابی و فرسودگی']);
    expect(main(terms('جاده روستا خراب است و تاکسی هم حاضر نیست بیاید').profile)!.defects).toEqual(['خرابی و فرسودگی']);
    expect(main(terms('سم مبارزه با کرم ساقه‌خوار در مرکز خدمات موجود نیست').profile)).toEqual({ object: 'کود و سم', defects: ['نبود و محرومیت'] });
  });

  it('reads spoken verb endings, possessives and the object marker («نصب نکردن», «وام ازدواجم», «مستمری‌مو»)', () => {
    expect(main(terms('پول انشعاب گاز رو دادیم ولی هنوز کنتور نصب نکردن').profile)).toMatchObject({ object: 'انشعاب گاز', defects: ['نبود و محرومیت'] });
    expect(main(terms('سه ماهه تو صف وام ازدواجم').profile)!.object).toBe('وام ازدواج');
    expect(main(terms('مستمری‌مو قطع کردن').profile)).toEqual({ object: 'مستمری کمیته', defects: ['قطع و حذف'] });
    expect(main(terms('سندمونو نمیدن').profile)!.object).toBe('سند ملکی');
    expect(main(terms('گازشون قطعه').profile)).toEqual({ object: 'گاز', defects: ['قطع و حذف'] });
  });

  it('reads a complaint already filed as what is followed up or withdrawn, and a teacher\'s hourly pay as the teacher\'s', () => {
    expect(main(terms('چگونه می‌توانم شکایتم را در سامانه پیگیری کنم؟').profile)).toEqual({ object: 'شکایت', defects: ['پیگیری وضعیت'] });
    expect(main(terms('شکایت قبلی‌ام را می‌خواهم پس بگیرم').profile)).toEqual({ object: 'شکایت', defects: ['انصراف و لغو'] });
    // Telling that one complains names no object.
    expect(terms('اهالی از بوی زباله شکایت دارند').profile[0]).not.toBe(lex.objects.indexOf('شکایت'));
    expect(main(terms('هشت ماه است حق‌التدریس ما را نداده‌اند').profile)).toEqual({ object: 'معلم', defects: ['پرداخت نشدن'] });
    const stop = main(terms('دیگه نیازی به یارانه ندارم، لطفاً قطعش کنید').profile)!.defects;
    expect(stop).toContain('انصراف و لغو');
    expect(stop).not.toContain('قطع و حذف');
  });

  it('reads the spoken copula («جاده ما خاکیه», «چاله چوله‌ست»)', () => {
    expect(main(terms('جاده ما خاکیه').profile)).toEqual({ object: 'راه روستایی', defects: ['نبود و محرومیت'] });
    expect(main(terms('جاده روستا همش چاله چوله‌ست').profile)).toEqual({ object: 'راه روستایی', defects: ['خرابی و فرسودگی'] });
  });

  it('reads a problem told by its consequence or in spoken words: candles for a power cut, wild animals, the loss adjuster', () => {
    for (const text of ['شبا با شمع و فانوس سر می‌کنیم', 'کل روستا یه ژنراتور خریده از بس بی‌نوریم']) expect(main(terms(text).profile)?.object, text).toBe('برق');
    expect(main(terms('حیوونای وحشی هر شب میان تو مزرعه').profile)?.object).toBe('گراز و حیات وحش');
    expect(main(terms('ارزیاب بیمه اومد ولی هنوز بادزدگی باغ رو ندادن').profile)).toEqual({ object: 'بیمه محصولات کشاورزی', defects: ['پرداخت نشدن'] });
    expect(main(terms('خانه بهداشت روستا پزشک مقیم ندارد').profile)?.object).toBe('خانه بهداشت');
    expect(main(terms('راه خاکی روستا هنوز زیرسازی جاده نشده').profile)?.object).toBe('راه روستایی');
    // The dark of a house without power, not of a road whose lights are out.
    expect(main(terms('شب‌ها تو تاریکی می‌مونیم، بچه‌ها زیر نور گوشی درس می‌خونن').profile)?.object).toBe('برق');
    expect(main(terms('روزی چند بار چراغ‌ها میره و میاد').profile)).toEqual({ object: 'برق', defects: ['قطع و حذف'] });
    expect(main(terms('چراغ‌های روشنایی جاده روستا خاموش است و شب‌ها جاده تاریک است').profile)?.object).toBe('روشنایی معابر');
  });

  it('reads crops delivered to the guaranteed purchase and not paid for, however the farmer says it', () => {
    expect(main(terms('بهای گندم تحویلی سه ماه است پرداخت نشده').profile)).toEqual({ object: 'خرید تضمینی', defects: ['پرداخت نشدن'] });
    expect(main(terms('کلزای تحویلی به مرکز خرید را هنوز واریز نکرده‌اند').profile)?.object).toBe('خرید تضمینی');
    expect(main(terms('گندم را به سیلو دادیم ولی پولش را نمی‌دهند').profile)).toEqual({ object: 'خرید تضمینی', defects: ['پرداخت نشدن'] });
  });

  it('reads the village council as the council and salty water as bad water, never the one for the other', () => {
    expect(main(terms('شورای روستا جلسه نمی‌گذارد').profile)?.defects).not.toContain('کیفیت بد');
    expect(terms('آب شرب روستا شور است').tags).not.toContain('oدهیاری و شورا');
    expect(main(terms('آب شرب روستا شور است').profile)).toEqual({ object: 'آب شرب', defects: ['کیفیت بد'] });
  });

  it('tells a pest from a drop, the sunn pest from an age, and a culvert from «آبرو»', () => {
    const objectsOf = (text: string) => terms(text).tags.filter((t) => t.startsWith('o'));
    expect(main(terms('افت شدید ولتاژ در انتهای شبکه روستا').profile)).toEqual({ object: 'برق', defects: ['افت و ضعف'] });
    expect(main(terms('آفت به باغ‌های مرکبات زده').profile)?.object).toBe('آفت و بیماری گیاهی');
    expect(main(terms('آفت‌کش تقلبی بود').profile)).toEqual({ object: 'کود و سم', defects: ['کیفیت بد'] });
    expect(objectsOf('اصلاح سن در شناسنامه')).not.toContain('oآفت و بیماری گیاهی');
    expect(main(terms('سن گندم مزرعه را از بین برد').profile)?.object).toBe('آفت و بیماری گیاهی');
    expect(objectsOf('آبروم جلوی مهمونا رفت')).toEqual([]);
  });

  it('reads a renewal refused with a negated verb as asked, and a cut denied the same way as none', () => {
    expect(main(terms('پروانه را تمدید نمیکنه').profile)).toEqual({ object: 'مجوز و پروانه', defects: ['تمدید'] });
    expect(main(terms('گواهینامه تمدید نشده').profile)?.defects).toEqual(['تمدید']);
    expect(main(terms('برق قطع نمیشه ولی ضعیفه').profile)?.defects).toEqual(['افت و ضعف']);
  });
});

describe('profilesConflict', () => {
  const conflict = (a: string, b: string) => profilesConflict(terms(a).profile, terms(b).profile, lex);

  it('keeps apart one object with defects of different families: a gas bill too high and a village without gas', () => {
    expect(conflict('قبض گاز این ماه نجومی آمده و چند برابر همیشه است', 'روستای ما هنوز گاز ندارد و لوله‌کشی نشده')).toBe(true);
  });

  it('keeps apart two children of a parent whose children are different problems: marriage and deposit loans', () => {
    expect(conflict('وام ازدواج ما هنوز پرداخت نشده', 'وام ودیعه مسکن ما هنوز پرداخت نشده')).toBe(true);
  });

  it('keeps apart the facets of one office that are different problems, and lets a facet meet its office named plainly', () => {
    // A wheelchair not given against a carer's allowance not given; vaccination not done against culled livestock.
    expect(conflict('بهزیستی هنوز ویلچر پسر معلولم را نداده', 'کمک هزینه نگهداری دختر معلولم را بهزیستی نداده')).toBe(true);
    expect(conflict('واکسیناسیون دام روستای ما انجام نشده', 'غرامت دام معدومی ما را دامپزشکی نداده')).toBe(true);
    expect(conflict('سهمیه گازوئیل تراکتور را کم کرده‌اند', 'نفت سفید روستا توزیع نشده')).toBe(true);
    expect(conflict('ویلچر برقی مادرم را بهزیستی تحویل نداده', 'بهزیستی به معلولان روستا رسیدگی نمی‌کند')).toBe(false);
    // Words of who the citizen is or of another office stay with no facet: an elderly father, children's vaccination.
    expect(conflict('پدرم سالمند است و مستمری بهزیستی‌اش قطع شده', 'مستمری بهزیستی مادرم قطع شده')).toBe(false);
    expect(main(terms('بچه‌ها را برای واکسیناسیون به خانه بهداشت بردیم').profile)?.object).toBe('خانه بهداشت');
  });

  it('keeps apart livestock culled at the slaughterhouse and vaccination not done, and an exemption asked for and an absence fine', () => {
    expect(conflict('دام‌های آلوده رو بردن کشتارگاه و خسارت ندادن', 'دامپزشکی امسال واکسن گاوها رو نزده')).toBe(true);
    expect(main(terms('گوسفندها رو معدوم کردن و لاشه رو بردن').profile)?.object).toBe('دام معدوم');
    expect(conflict('درخواست معافیت کفالت پدر بیمار دارم', 'جریمه غیبت پسرم خیلی زیاد شده')).toBe(true);
    expect(main(terms('تنها فرزند ذکور و نان‌آور خانواده هستم').profile)?.object).toBe('معافیت سربازی');
  });

  it('reads bad water by its taste and sludge, and a weak supply by its pressure', () => {
    expect(main(terms('آب لوله‌کشی خونه‌مون رسوب و لجن داره').profile)?.defects).toContain('کیفیت بد');
    expect(main(terms('آب شرب روستا مزه بدی داره').profile)?.defects).toContain('کیفیت بد');
    expect(main(terms('فشار آب ساختمان فشار کافی ندارد').profile)?.defects).toContain('افت و ضعف');
  });

  it('keeps apart a road never paved and a paved road broken, whether it is called a road or a street', () => {
    expect(conflict('جاده روستای ما هنوز خاکی است و آسفالت نشده', 'آسفالت خیابان پر از چاله شده و خراب است')).toBe(true);
  });

  it('keeps apart a village asking for a bridge to be built and a bridge that is cracked', () => {
    expect(conflict('روستای ما پل نداره و بچه‌ها از رودخونه رد میشن', 'پل روستا ترک خورده و خطرناکه')).toBe(true);
    expect(conflict('درخواست احداث پل روی رودخانه برای محله پایین', 'پایه‌های پل فرسوده شده و ریزش کرده')).toBe(true);
  });

  it('reads the telephone: no mobile antenna and a landline cut are two problems, and «اینترنتی» is only the way a thing is done', () => {
    expect(main(terms('گوشیای ما تو ده اصلاً آنتن ندارن').profile)?.object).toBe('تلفن همراه و آنتن');
    expect(conflict('روستای ما پوشش شبکه تلفن همراه ندارد', 'کابل تلفن روستا رو دزدیدن و تلفن ثابت نداریم')).toBe(true);
    expect(terms('تمدید جواز کسب اینترنتی انجام میشه یا نه').tags.filter((t) => t.includes('تلفن'))).toEqual([]);
  });

  it('lets one problem in two wordings meet, and texts the lexicon knows nothing of', () => {
    expect(conflict('برق روستا مدام قطع می‌شود', 'خاموشی‌های طولانی شب‌ها')).toBe(false);
    expect(conflict('وام ازدواج ما هنوز پرداخت نشده', 'بانک وام ازدواج را نمی‌دهد و ضامن می‌خواهد')).toBe(false);
    expect(conflict('کتابدار کتابخانه بازنشسته شده', 'قبض گاز نجومی آمده')).toBe(false);
  });
});

describe('the office\'s lexicon entries', () => {
  it('adds words to a shipped entry of the same kind and name, and new objects and defects', () => {
    const merged = mergeLexicon(DEFAULT_LEXICON, [
      { kind: 'object', name: 'برق', words: ['جریان الکتریکی'] },
      { kind: 'object', name: 'سیل‌بند', parent: 'رودخانه', words: ['سیل‌بند', 'دیواره سیل‌گیر'] },
      { kind: 'defect', name: 'ترک‌خوردگی', family: 'خرابی', words: ['ترک‌خوردگی'] },
    ]);
    expect(merged.objects.find((o) => o.name === 'برق')!.words).toContain('جریان الکتریکی');
    expect(merged.objects.find((o) => o.name === 'سیل‌بند')).toMatchObject({ parent: 'رودخانه' });
    expect(merged.defects.at(-1)).toMatchObject({ name: 'ترک‌خوردگی', family: 'خرابی' });
    expect(DEFAULT_LEXICON.objects.find((o) => o.name === 'برق')!.words).not.toContain('جریان الکتریکی');
    const compiled = compileLexicon(merged);
    const p = problemTerms('دیواره سیل‌گیر روستا ریخته', places, compiled).profile;
    expect(compiled.objects[p[0]!]).toBe('سیل‌بند');
  });

  it('read a defect the office marks as a request when a negated verb follows it, and deny any other', () => {
    const defectsRead = (request: boolean) => {
      const c = compileLexicon(mergeLexicon(DEFAULT_LEXICON, [
        { kind: 'object', name: 'دیواره ساحلی', words: ['دیواره ساحلی'] },
        { kind: 'defect', name: 'ترمیم', ...(request ? { request } : {}), words: ['ترمیم'] },
      ]));
      const p = problemTerms('دیواره ساحلی روستا رو شهرداری ترمیم نمیکنه', places, c).profile;
      return c.defects.filter((_, d) => p[1]! & (1 << d));
    };
    expect(defectsRead(true)).toEqual(['ترمیم']);
    expect(defectsRead(false)).toEqual([]);
    // The shipped requests are marked in the data file, not in code.
    expect(DEFAULT_LEXICON.defects.filter((d) => d.request).map((d) => d.name)).toEqual(expect.arrayContaining(['تمدید', 'المثنی', 'انتقال و تغییر نام']));
  });

  it('are validated by the settings schema with a Persian message', () => {
    expect(LexiconEntrySchema.safeParse({ kind: 'object', name: 'سیل‌بند', words: ['سیل‌بند'] }).success).toBe(true);
    const bad = SettingsPatchSchema.safeParse({ problemLexicon: [{ kind: 'object', name: 'سیل‌بند', words: [] }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('برای هر مورد واژه‌نامه دست‌کم یک واژه بنویسید.');
    expect(SettingsPatchSchema.safeParse({ problemLexicon: [{ kind: 'place', name: 'x', words: ['x'] }] }).success).toBe(false);
    // Defects are bits of a mask: only so many new ones fit, more words for a shipped one always do.
    const room = MAX_DEFECTS - DEFAULT_LEXICON.defects.length;
    const defects = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'defect' as const, name: `ایراد ${i}`, words: [`واژه ${i}`] }));
    expect(SettingsPatchSchema.safeParse({ problemLexicon: defects(room) }).success).toBe(true);
    const over = SettingsPatchSchema.safeParse({ problemLexicon: defects(room + 1) });
    expect(over.error!.issues[0]!.message).toMatch(/حداکثر [۰-۹]+ ایراد تازه/);
    expect(SettingsPatchSchema.safeParse({ problemLexicon: [...defects(room), { kind: 'defect', name: 'کمبود', words: ['نایاب شده'] }] }).success).toBe(true);
  });
});

describe('lexiconPrior', () => {
  it('gives the department and category of the main object (or of its parent)', () => {
    expect(lexiconPrior(terms('قبض گاز نجومی آمده').profile, lex)).toEqual({ department: 'شرکت گاز استان', category: 'آب، برق و گاز' });
    expect(lexiconPrior(terms('کتابدار بازنشسته شده').profile, lex)).toEqual({});
  });
});
