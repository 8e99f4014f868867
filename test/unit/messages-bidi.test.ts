import { describe, expect, it } from 'vitest';
import { msg } from '../../shared/messages';
import { isolate, normalizeText } from '../../shared/persian-text';

describe('messages built with bidi isolation', () => {
  it('sets each file name, number and label apart, so it keeps its place in the Persian sentence', () => {
    expect(msg.corruptFile('days/1405-09-02_md-1.json')).toContain('«\u2068days/1405-09-02_md-1.json\u2069»');
    expect(msg.dataLocked('/home/didar/data', 4321, 'desk-2', '')).toContain('فرایند \u2068۴۳۲۱\u2069 روی \u2068desk-2\u2069');
    expect(msg.illegalTransition('ثبت‌شده', 'مختومه')).toBe('تغییر وضعیت از «\u2068ثبت‌شده\u2069» به «\u2068مختومه\u2069» مجاز نیست.');
    expect(msg.sameCaseToday('0500000012')).toContain('\u2068۰۵۰۰۰۰۰۰۱۲\u2069');
  });
  it('is for display only: typed text never keeps the marks', () => {
    expect(normalizeText(`کد ${isolate('0500000012')} ثبت شد`)).toBe('کد 0500000012 ثبت شد');
  });
});
