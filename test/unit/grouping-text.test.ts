import { describe, expect, it } from 'vitest';
import { contentTerms, maskTokens, matchKey, normalizeForGrouping, placeSet, stem } from '../../shared/grouping/text';

describe('normalizeForGrouping', () => {
  it.each([
    ['Arabic yeh and kaf', 'سهميه كود', 'سهمیه کود'],
    ['alef maksura', 'روستى', 'روستی'],
    ['teh marbuta and heh with yeh', 'مدرسة خانۀ', 'مدرسه خانه'],
    ['hamza forms and madda', 'أب إدارة آب', 'اب اداره اب'],
    ['waw with hamza', 'مؤسسه', 'موسسه'],
    ['ZWNJ and ZWJ', 'می\u200cگویند خانه\u200dها', 'میگویند خانهها'],
    ['harakat and tatweel', 'كَـــود', 'کود'],
    ['Persian digits', 'کود ۱۲۳', 'کود 123'],
    ['Arabic-Indic digits', 'کود ١٢٣', 'کود 123'],
    ['punctuation and double spaces', 'کود،  سم؛ «برق»!', 'کود سم برق'],
    ['Latin case', 'SMS کود', 'sms کود'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeForGrouping(input)).toBe(expected);
  });
});

describe('contentTerms', () => {
  it('gives the same terms whatever keyboard, ZWNJ habit or digits the clerk used', () => {
    const a = contentTerms('کشاورزان می‌گویند سهمیه کود ۱۲ کیسه نرسیده است');
    const b = contentTerms('كشاورزان مي گويند سهميه كود 12 كيسه نرسيده است');
    const c = contentTerms('کشاورزان میگویند سهمیه‌ کود ١٢ کیسه نرسیده است');
    expect(b.stems).toEqual(a.stems);
    expect(c.stems).toEqual(a.stems);
    expect(a.stems).toContain('کود');
  });

  it('drops function words and generic intake words', () => {
    const t = contentTerms('متقاضی درخواست دارد که برق روستا وصل شود');
    expect(t.stems).not.toContain('متقاض');
    expect(t.stems).not.toContain('که');
    expect(t.stems).toContain('برق');
  });

  it('drops words of quantity, so that «یک و نیم میلیون» and «نیم قرن» share nothing', () => {
    const a = contentTerms('صورتحساب گاز زمستونش یک و نیم میلیون اومده').stems;
    const b = contentTerms('نیم قرن است که این ده با یک مال‌رو به شهر وصل است').stems;
    expect(a.filter((w) => b.includes(w))).toEqual([]);
  });

  it('keeps the «می» of nouns such as «میلیون» and strips it from verbs', () => {
    expect(stem('میلیون')).toBe('میلیون');
    expect(stem('میدهند')).toBe(stem('نمیدهند'));
    expect(stem('میدهند')).not.toMatch(/^می/);
    expect(stem('کشاورزان')).toBe(stem('کشاورزا'));
  });

  it('keeps the «مند» of nouns and adjectives: «سالمند» (elderly) is not «سالم» (healthy)', () => {
    expect(stem('سالمندان')).not.toBe(stem('سالم'));
    expect(stem('سالمندان')).toBe(stem('سالمند'));
    expect(stem('میفهمند')).toBe(stem('فهم'));
  });

  it('drops the ezafe «ی» written after a ZWNJ behind a silent «ه», and keeps the adjective\'s «‌ای»', () => {
    expect(stem(normalizeForGrouping('جاده‌ی'))).toBe(stem('جاده'));
    expect(contentTerms('جاده‌ی روستای ما خرابه').stems).toEqual(contentTerms('جاده روستای ما خرابه').stems);
    expect(normalizeForGrouping('شرکت آب منطقه‌ای')).toBe('شرکت اب منطقهای');
    expect(normalizeForGrouping('ماهی')).toBe('ماهی');
  });

  it('keeps a final «ا» that is the word\'s own: «شورا» (the council) is not «شور» (salty)', () => {
    expect(stem('شورای')).toBe('شورا');
    expect(stem('شوراها')).toBe('شورا');
    expect(stem('شورا')).not.toBe(stem('شور'));
    expect(stem('فردا')).not.toBe(stem('فرد'));
    expect(stem('کشاورزا')).toBe(stem('کشاورز'));
  });

  it('keeps the «آ» of «آفت» (a pest), which folded is «افت» (a drop)', () => {
    expect(normalizeForGrouping('آفت‌زده')).not.toBe(normalizeForGrouping('افت‌زده'));
    expect(normalizeForGrouping('آفات و آفتاب')).toBe('آفات و آفتاب');
    expect(normalizeForGrouping('آب و آسفالت')).toBe('اب و اسفالت');
  });
});

describe('maskTokens', () => {
  const places = placeSet(['ساری', 'قائم‌شهر', 'ورسک']);
  const mask = (text: string) => maskTokens(normalizeForGrouping(text).split(' '), places);

  it('removes numbers in any digits', () => {
    expect(mask('۳۰۰۰ قطعه جوجه 45 میلیون')).toEqual(['قطعه', 'جوجه', 'میلیون']);
  });

  it('removes known places, also written with a space for the ZWNJ', () => {
    expect(mask('برق ساری و قائم شهر و قائم‌شهر و ورسک')).toEqual(['برق', 'و', 'و', 'و']);
  });

  it('removes the name after «روستای», «آقای», «خانم»', () => {
    expect(mask('اهالی روستای پاشاکلا و آقای رضایی و خانم کریمی')).toEqual(['اهالی', 'روستای', 'و', 'اقای', 'و', 'خانم']);
  });

  it('keeps a function or generic word after «محله», «روستای»: it is no name', () => {
    expect(mask('برق محله مدام قطع میشه')).toEqual(['برق', 'محله', 'مدام', 'قطع', 'میشه']);
    expect(mask('برق محله فرهنگیان قطع میشه')).toEqual(['برق', 'محله', 'قطع', 'میشه']);
  });
});

describe('matchKey', () => {
  const key = (w: string) => matchKey(normalizeForGrouping(w));
  it('meets the spoken and the written third person plural', () => {
    expect(key('نکردن')).toBe(key('نکردند'));
    expect(key('ندادن')).toBe(key('نداده‌اند'));
    expect(key('نمیکنن')).toBe(key('نمی‌کنند'));
  });
  it('keeps a negative verb apart from the positive one', () => {
    expect(key('نمی‌کنند')).not.toBe(key('می‌کنند'));
  });
});
