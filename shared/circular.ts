// Circulars (بخشنامه): one instruction to the departments concerned that answers a collective concern.
// The draft is built from the cases it rests on and the office's editable templates.
import type { z } from 'zod';
import { countsBy } from './counts';
import { leadDepartment, type Case } from './domain';
import { formatJalaliShort, parseJalali } from './jalali';
import { toPersianDigits } from './persian-text';
import type { DeepReadonly } from './readonly';
import { CIRCULAR_STATUSES, type CircularSchema } from './stored-schemas';

export { CIRCULAR_STATUSES };
export type CircularStatus = (typeof CIRCULAR_STATUSES)[number];
export type Circular = DeepReadonly<z.output<typeof CircularSchema>>;
export type CircularCopy = Circular['copies'][number];

export type CircularTemplates = { body: string; instruction: string };

/** The office's default wording; {problem}, {count}, {counties}, {days}, {period} are filled in from the cases. */
export const DEFAULT_CIRCULAR_TEMPLATES: CircularTemplates = {
  body: 'در دیدارهای مردمی {period}، {count} نفر از شهروندان شهرستان‌های {counties} درباره «{problem}» به استاندار مراجعه کرده‌اند. تکرار این درخواست‌ها نشان می‌دهد که مسئله به یک یا چند پرونده محدود نیست و نیازمند رسیدگی فراگیر است.',
  instruction: 'مقتضی است دستگاه‌های مخاطب ضمن بررسی علل این مشکل، ظرف {days} روز کاری اقدامات لازم را برای رفع آن در سطح استان انجام دهند و گزارش نتیجه را به همراه فهرست اقدامات انجام‌شده به دفتر ارتباطات مردمی استانداری ارسال نمایند.',
};

export const DEFAULT_CIRCULAR_COPIES: CircularCopy[] = [
  { to: 'دفتر استاندار', purpose: 'جهت اطلاع' },
  { to: 'اداره کل بازرسی استانداری', purpose: 'جهت پیگیری' },
  { to: 'فرمانداری‌های شهرستان‌های مربوط', purpose: 'جهت اقدام' },
];

/** Fills {name} placeholders; an unknown name (even {constructor}) stays as written. */
const fill = (t: string, v: Record<string, string>): string => t.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(v, k) ? v[k]! : m));

export function draftCircularText(
  problem: string, cases: readonly Case[], templates: CircularTemplates, complianceDays: number,
): { title: string; addressees: string[]; body: string; instruction: string } {
  const counties = countsBy(cases, (c) => c.county).map(([c, n]) => `${c} (${toPersianDigits(n)})`).join('، ');
  const dates = [...new Set(cases.map((c) => c.meetingDate))].sort();
  const fmt = (d: string): string => formatJalaliShort(parseJalali(d)!);
  const period = dates.length > 1 ? `${fmt(dates[0]!)} تا ${fmt(dates.at(-1)!)}` : dates[0] ? fmt(dates[0]) : '';
  const v = { problem, count: toPersianDigits(cases.length), counties, days: toPersianDigits(complianceDays), period };
  return {
    title: `رسیدگی فراگیر به ${problem}`,
    addressees: countsBy(cases, leadDepartment).map(([d]) => d).filter(Boolean),
    body: fill(templates.body, v),
    instruction: fill(templates.instruction, v),
  };
}
