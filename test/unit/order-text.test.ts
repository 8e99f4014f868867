import { describe, expect, it } from 'vitest';
import { inferOrderType, parseOrderDeadline } from '../../shared/order-text';

describe('order sentences', () => {
  it.each([
    ['نتیجه ظرف ده روز کاری به متقاضی اعلام شود.', { kind: 'working', days: 10 }],
    ['شخصاً پیگیری و ظرف ۱۵ روز با متقاضی تماس بگیرد.', { kind: 'calendar', days: 15 }],
    ['ظرف 15 روز', { kind: 'calendar', days: 15 }],
    ['نتیجه ظرف دو هفته گزارش شود.', { kind: 'calendar', days: 14 }],
    ['ظرف یک هفته موضوع را بررسی کند', { kind: 'calendar', days: 7 }],
    ['تا پایان ماه نتیجه را اعلام کند.', { kind: 'month-end' }],
  ])('%s', (text, expected) => expect(parseOrderDeadline(text)).toEqual(expected));

  it('returns null when no deadline is named', () => {
    expect(parseOrderDeadline('موضوع بررسی شود.')).toBeNull();
  });

  it('infers the order type from its verbs', () => {
    expect(inferOrderType('موضوع در جلسه شورای برنامه‌ریزی رامسر بررسی و تصمیم نهایی اعلام شود.')).toBe('commission');
    expect(inferOrderType('شهرداری در چارچوب ضوابط نسبت به رفع مشکل متقاضی اقدام کند.')).toBe('act');
    expect(inferOrderType('ظرف یک هفته موضوع را بررسی و نتیجه را گزارش کند.')).toBe('investigate');
    expect(inferOrderType('کمک مالی در حد اعتبارات پرداخت شود.')).toBe('financial-help');
  });
});
