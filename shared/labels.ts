// Persian names of domain values, shared by screens and printed documents.
import type { CaseStatus, CorrectableField, HistoryEntry, IntakeStage, OrderType, Place, QueueStatus } from './domain';
import { officeLabel, officeOf, PROVINCE } from './offices';
import type { CircularStatus } from './circular';
import type { Outcome, SatisfactionLevel } from './follow-up';
import type { Role, Station } from './roles';

export const ROLE_LABEL: Record<Role, string> = {
  clerk: 'پذیرش و ثبت',
  inspector: 'بازرسی و پیگیری',
  office: 'دفتر استاندار',
  admin: 'مدیر سامانه',
  viewer: 'مشاهده‌گر',
};

/** What each role does, as the accounts screen explains it. */
export const ROLE_HINT: Record<Role, string> = {
  clerk: 'نوبت، ثبت درخواست، چاپ رسید، استعلام',
  inspector: 'پیگیری، ارجاع، پاسخ دستگاه، نتیجه، پیامک‌ها، استعلام',
  office: 'همه کارهای پذیرش و بازرسی، بخشنامه‌ها، مشکلات تکراری و گزارش‌ها',
  admin: 'حساب‌ها، تنظیمات و پشتیبان',
  viewer: 'گزارش‌ها و استعلام، فقط مشاهده',
};

export const ORDER_TYPE_LABEL: Record<OrderType, string> = {
  investigate: 'بررسی و گزارش',
  act: 'اقدام',
  'financial-help': 'کمک مالی',
  commission: 'ارجاع به کمیسیون',
  inform: 'جهت اطلاع',
  other: 'سایر',
};

export const STATUS_LABEL: Record<CaseStatus, string> = {
  recorded: 'ثبت‌شده',
  referred: 'ارجاع‌شده',
  'in-progress': 'در حال رسیدگی',
  answered: 'پاسخ دستگاه رسیده',
  closed: 'مختومه',
  cancelled: 'ابطال‌شده',
};

export const HISTORY_LABEL: Record<HistoryEntry['action'], string> = {
  recorded: 'ثبت پرونده',
  order: 'ثبت دستور استاندار',
  printed: 'چاپ رسید',
  reprinted: 'چاپ المثنی',
  cancelled: 'ابطال',
  referred: 'ارجاع به دستگاه',
  rerouted: 'تغییر دستگاه مسئول',
  'in-progress': 'شروع رسیدگی',
  extended: 'تمدید مهلت',
  paused: 'در انتظار مدارک شهروند',
  resumed: 'ادامه رسیدگی',
  answered: 'پاسخ دستگاه',
  closed: 'مختومه شد',
  satisfaction: 'نظرسنجی از شهروند',
  reopened: 'بازگشایی',
  note: 'یادداشت',
  circular: 'صدور بخشنامه',
  corrected: 'اصلاح مشخصات',
  coded: 'صدور کد رهگیری',
};

/** Where a case without its code stands; shown wherever a code would be. */
export const STAGE_LABEL: Record<Exclude<IntakeStage, 'coded'>, string> = {
  'awaiting-order': 'در انتظار دستور',
  'awaiting-code': 'در انتظار کد رهگیری',
};

/** A case's tracking code for a table cell or a file, or where it stands while it has none (never an empty cell). */
export const codeOrStage = (code: string | undefined, hasOrder: boolean): string =>
  code ?? STAGE_LABEL[hasOrder ? 'awaiting-code' : 'awaiting-order'];

export const STATION_LABEL: Record<Station, string> = {
  desk: 'میز ملاقات (همه مراحل)',
  reception: 'پذیرش',
  table: 'میز استاندار',
  inspection: 'میز بازرسی',
};

/** What each station does, as the sign-in explains it. */
export const STATION_HINT: Record<Station, string> = {
  desk: 'نوبت، ثبت درخواست و دستور، کد رهگیری و رسید در یک رایانه',
  reception: 'ثبت ورود مراجع با نام و کد ملی و ثبت درخواست پیش از دستور',
  table: 'فراخوان مراجع، دیدن درخواست و پرونده‌های پیشین، ثبت دستور استاندار',
  inspection: 'صدور کد رهگیری برای پرونده‌های دارای دستور و چاپ رسید',
};

export const FIELD_LABEL: Record<CorrectableField, string> = {
  'citizen.nationalId': 'کد ملی',
  'citizen.firstName': 'نام',
  'citizen.lastName': 'نام خانوادگی',
  'citizen.mobile': 'تلفن همراه',
  'citizen.county': 'شهرستان',
  'citizen.locality': 'شهر یا روستا',
  'citizen.address': 'نشانی',
  text: 'شرح درخواست',
  category: 'موضوع',
  department: 'دستگاه مسئول',
};

export const CIRCULAR_STATUS_LABEL: Record<CircularStatus, string> = {
  draft: 'پیش‌نویس',
  approved: 'تأیید شده',
  issued: 'صادر شده',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  solved: 'حل شد',
  'partly-solved': 'بخشی حل شد',
  'not-possible': 'از نظر قانونی ممکن نیست',
  court: 'ارجاع به مرجع قضایی',
  withdrawn: 'انصراف شهروند',
  duplicate: 'تکراری',
};

export const SATISFACTION_LABEL: Record<SatisfactionLevel, string> = {
  satisfied: 'راضی',
  neutral: 'بی‌نظر',
  dissatisfied: 'ناراضی',
  unreachable: 'در دسترس نبود',
};

export const QUEUE_STATUS_LABEL: Record<QueueStatus, string> = {
  waiting: 'در انتظار',
  called: 'فراخوانده',
  seen: 'ملاقات شد',
  absent: 'غایب',
};

export const CENTER_LABEL = 'مرکز استان';

/** Where a meeting day is held: the centre, the governor's trip to a county, or a county governorate's own day. */
export function placeLabel(d: { readonly place: Place; readonly office?: string | undefined }): string {
  if (officeOf(d) !== PROVINCE) return officeLabel(officeOf(d));
  return d.place.kind === 'center' ? CENTER_LABEL : `سفر شهرستانی: ${d.place.county}`;
}
