import { describe, expect, it } from 'vitest';
import { ltrIsolate, shaperReverses, visualLine } from '../../shared/pdf/bidi-line';

const visual = (texts: string[]): string => visualLine(texts.map((text) => ({ text }))).map((s) => s.visual).join('');
const inlines = (texts: string[]) => visualLine(texts.map((text) => ({ text })));

describe('right-to-left line layout', () => {
  it('puts the first Persian word on the right', () => {
    expect(visual(['رسید ', 'پیگیری'])).toBe('یریگیپ دیسر');
    expect(inlines(['رسید ', 'پیگیری']).map((s) => s.source.text)).toEqual(['پیگیری', 'رسید ']);
  });

  it('keeps numbers left to right inside Persian text and hands them reversed to the shaper', () => {
    const segs = inlines(['تاریخ ', '۱۴۰۵/۰۹/۰۲ ', 'است']);
    const date = segs.find((s) => s.visual.includes('۱۴۰۵'))!;
    expect(date.visual.trim()).toBe('۱۴۰۵/۰۹/۰۲');
    expect(date.glyphs.trim()).toBe('۲۰/۹۰/۵۰۴۱'); // the shaper reverses Arabic-script runs
    expect(segs.map((s) => s.visual.trim()).filter(Boolean)).toEqual(['تسا', '۱۴۰۵/۰۹/۰۲', 'خیرات']);
  });

  it('mirrors brackets around Persian words', () => {
    const segs = inlines(['این ', '(سلام) ', 'است']);
    const word = segs.find((s) => s.source.text.startsWith('('))!;
    expect(word.visual.trim()).toBe('(مالس)');
    expect(word.glyphs.trim()).toBe(')سلام(');
  });

  it('keeps an isolated masked ID and a phone number in their order', () => {
    const v = visual(['کد ', `ملی ${ltrIsolate('001*****31')} `, `تلفن ${ltrIsolate('011-33300000')}`]);
    expect(v).toContain('001*****31');
    expect(v).toContain('011-33300000');
    expect(v.indexOf('011-33300000')).toBeLessThan(v.indexOf('001*****31')); // later in reading order = further left
    expect(v).not.toMatch(/[\u2066-\u2069]/);
  });

  it('leaves Latin text and ASCII digits to the shaper as they are', () => {
    expect(shaperReverses('0512345678')).toBe(false);
    expect(shaperReverses('Didar')).toBe(false);
    expect(shaperReverses('۱۲۳')).toBe(true);
    expect(shaperReverses('سلام')).toBe(true);
    expect(inlines(['کد ', '0512345678 ', 'است']).find((s) => s.visual.includes('05'))!.glyphs.trim()).toBe('0512345678');
  });
});
