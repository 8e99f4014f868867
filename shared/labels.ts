// Persian names of domain values, shared by screens and printed documents.
import type { CaseStatus, OrderType, Place, QueueStatus } from './domain';

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

export const QUEUE_STATUS_LABEL: Record<QueueStatus, string> = {
  waiting: 'در انتظار',
  called: 'فراخوانده',
  seen: 'ملاقات شد',
  absent: 'غایب',
};

export const CENTER_LABEL = 'مرکز استان';

export function placeLabel(p: Place): string {
  return p.kind === 'center' ? CENTER_LABEL : `سفر شهرستانی: ${p.county}`;
}
