// The meeting day at a glance, for the governor at the end of the day: who came, which departments and
// counties, which kinds of orders, and every order with its code and deadline.
import { leadDepartment, type Case, type MeetingDay, type OrderType } from '../domain';
import { countsBy } from '../counts';
import { ORDER_TYPE_LABEL } from '../labels';
import type { ReportTable } from './table';
import { toPersianDigits } from '../persian-text';

export type DaySummary = {
  day: MeetingDay;
  citizens: number;
  cases: number;
  byDepartment: [string, number][];
  byCounty: [string, number][];
  byOrderType: [OrderType | 'none', number][];
  orders: { code: string; citizen: string; county: string; department: string; type: OrderType | 'none'; dueDate: string; text: string }[];
};

export function daySummary(day: MeetingDay, all: readonly Case[]): DaySummary {
  const cases = all.filter((c) => c.status !== 'cancelled').sort((a, b) => a.code.localeCompare(b.code));
  const type = (c: Case): OrderType | 'none' => c.order?.type ?? 'none';
  return {
    day,
    citizens: new Set(cases.map((c) => c.citizen.nationalId)).size,
    cases: cases.length,
    byDepartment: countsBy(cases, leadDepartment).filter(([d]) => d),
    byCounty: countsBy(cases, (c) => c.county),
    byOrderType: countsBy(cases, type),
    orders: cases.map((c) => ({
      code: c.code, citizen: `${c.citizen.firstName} ${c.citizen.lastName}`, county: c.county, department: leadDepartment(c),
      type: type(c), dueDate: c.deadline?.dueDate ?? '', text: c.order?.text ?? '',
    })),
  };
}

export const DAY_ORDER_HEADERS = ['کد رهگیری', 'شهروند', 'شهرستان', 'دستگاه', 'نوع دستور', 'مهلت', 'دستور'];

export function dayOrdersTable(s: DaySummary): ReportTable {
  return {
    title: 'دستورهای روز ملاقات',
    subtitle: toPersianDigits(`روز ملاقات ${s.day.date} — ${s.citizens} شهروند، ${s.cases} درخواست`),
    headers: DAY_ORDER_HEADERS,
    rows: s.orders.map((o) => [o.code, o.citizen, o.county, o.department, o.type === 'none' ? 'بدون دستور' : ORDER_TYPE_LABEL[o.type], o.dueDate, o.text]),
  };
}
