// Reading a governor's order written as one sentence (as in imported records): its type and its deadline.
import type { OrderType } from './domain';
import { foldForSearch } from './persian-text';

const NUMBER_WORDS: Record<string, number> = {
  یک: 1, دو: 2, سه: 3, چهار: 4, پنج: 5, شش: 6, هفت: 7, هشت: 8, نه: 9, ده: 10,
  یازده: 11, دوازده: 12, پانزده: 15, پونزده: 15, بیست: 20, سی: 30, چهل: 40, چهل‌وپنج: 45,
};

export type OrderDeadline =
  | { kind: 'working'; days: number }
  | { kind: 'calendar'; days: number }
  | { kind: 'month-end' };

/** «ظرف ده روز کاری», «ظرف ۱۵ روز», «ظرف دو هفته», «تا پایان ماه»; null when the text names no deadline. */
export function parseOrderDeadline(text: string): OrderDeadline | null {
  const t = foldForSearch(text);
  if (/تا پایان (این )?ماه/.test(t)) return { kind: 'month-end' };
  const m = /(\d+|[آ-ی]+)\s*(روز کاری|روز|هفته|ماه)/.exec(t);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
  if (!n) return null;
  switch (m[2]) {
    case 'روز کاری': return { kind: 'working', days: n };
    case 'روز': return { kind: 'calendar', days: n };
    case 'هفته': return { kind: 'calendar', days: 7 * n };
    default: return { kind: 'calendar', days: 30 * n };
  }
}

const TYPE_RULES: [RegExp, OrderType][] = [
  [/کمیسیون|شورای|جلسه/, 'commission'],
  [/کمک مالی|کمک هزینه|کمک بلاعوض/, 'financial-help'],
  [/جهت اطلاع/, 'inform'],
  [/اقدام|مساعدت|رفع مشکل|تماس بگیرد|پیگیری/, 'act'],
  [/بررسی|گزارش/, 'investigate'],
];

export function inferOrderType(text: string): OrderType {
  const t = foldForSearch(text);
  return TYPE_RULES.find(([re]) => re.test(t))?.[1] ?? 'investigate';
}
