// Short Persian messages to citizens about their case, queued for the office's SMS panel (no network here).
import type { z } from 'zod';
import { leadDepartment, type Case } from './domain';
import type { Outcome } from './follow-up';
import { formatJalaliShort, parseJalali } from './jalali';
import { OUTCOME_LABEL } from './labels';
import { toPersianDigits } from './persian-text';
import { NOTICE_KINDS, type NoticeSchema } from './stored-schemas';
import type { DeepReadonly } from './readonly';

export { NOTICE_KINDS };
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A message for the SMS panel: exported once the office saved the file, or skipped by hand (never sent). */
export type Notice = DeepReadonly<z.output<typeof NoticeSchema>>;

const date = (jalali: string | undefined): string => (jalali ? formatJalaliShort(parseJalali(jalali)!) : '');

/** One short message per kind, signed with the office's name; `extra` carries what the message needs beyond the case. */
export function noticeText(kind: NoticeKind, c: Case, office: string, extra: { outcome?: Outcome; circular?: string } = {}): string {
  return `${noticeBody(kind, c, extra)} ${office}`;
}

function noticeBody(kind: NoticeKind, c: Case, extra: { outcome?: Outcome; circular?: string }): string {
  const code = toPersianDigits(c.code);
  const dept = leadDepartment(c);
  const due = date(c.deadline?.dueDate);
  const head = `شهروند گرامی، درخواست شما با کد رهگیری ${code}`;
  switch (kind) {
    case 'recorded': return `${head} در دیدار مردمی ثبت شد.`;
    case 'referred': return `${head} به ${dept} ارجاع شد. پاسخ تا ${due} اعلام می‌شود.`;
    case 'rerouted': return `${head} برای رسیدگی به ${dept} فرستاده شد. پاسخ تا ${due} اعلام می‌شود.`;
    case 'extended': return `مهلت رسیدگی به درخواست ${code} تا ${due} تمدید شد.`;
    case 'paused': return `برای ادامه رسیدگی به درخواست ${code} لطفاً مدارک خواسته‌شده را تحویل دهید.`;
    case 'answered': return `${dept} به درخواست ${code} پاسخ داد. نتیجه پس از بررسی اعلام می‌شود.`;
    case 'closed': return `رسیدگی به درخواست ${code} پایان یافت: ${extra.outcome ? OUTCOME_LABEL[extra.outcome] : ''}.`;
    case 'reopened': return `رسیدگی به درخواست ${code} دوباره آغاز شد.`;
    case 'circular': return `درباره درخواست ${code}، بخشنامه ${toPersianDigits(extra.circular ?? '')} برای همه دستگاه‌های مربوط صادر شد.`;
    default: return kind satisfies never;
  }
}
