// Jalali calendar in the Asia/Tehran zone. Dates are stored as ISO instants (or, for calendar days such as
// a meeting day or a deadline, as 'YYYY/MM/DD' Jalali strings) and converted only here.
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { toAsciiDigits, toPersianDigits } from './persian-text';

/** Iran has kept UTC+3:30 all year since 2022 (daylight saving abolished). */
export const TEHRAN_OFFSET_MINUTES = 210;

export type JalaliDate = { jy: number; jm: number; jd: number };

/** Years Didar accepts in typed dates. */
const MIN_YEAR = 1300;
const MAX_YEAR = 1499;

export const JALALI_MONTHS = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

/** Index 0 is Saturday, the first day of the Iranian week. */
export const WEEKDAYS = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'] as const;

/** Calendar parts of an instant as a clock in Tehran shows them. */
export function tehranParts(instant: Date | string | number): {
  gy: number; gm: number; gd: number; hour: number; minute: number;
} {
  const t = new Date(instant).getTime() + TEHRAN_OFFSET_MINUTES * 60_000;
  const d = new Date(t);
  return {
    gy: d.getUTCFullYear(), gm: d.getUTCMonth() + 1, gd: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(),
  };
}

export function jalaliOf(instant: Date | string | number): JalaliDate {
  const p = tehranParts(instant);
  return toJalaali(p.gy, p.gm, p.gd);
}

export function todayJalali(now: Date = new Date()): JalaliDate {
  return jalaliOf(now);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Storage and sorting form: '1405/09/02' (ASCII digits). */
export function formatJalali(d: JalaliDate): string {
  return `${d.jy}/${pad2(d.jm)}/${pad2(d.jd)}`;
}

/** Accepts '1405/9/2', '۱۴۰۵-۰۹-۰۲' and the like; null for anything that is not a real Jalali day. */
export function parseJalali(raw: string): JalaliDate | null {
  const m = /^\s*(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})\s*$/.exec(toAsciiDigits(raw));
  if (!m) return null;
  const d = { jy: Number(m[1]), jm: Number(m[2]), jd: Number(m[3]) };
  // A Gregorian date typed by mistake (2026/11/23) is a valid Jalali date centuries away: refuse it.
  const plausible = d.jy >= MIN_YEAR && d.jy <= MAX_YEAR;
  return plausible && isValidJalaaliDate(d.jy, d.jm, d.jd) ? d : null;
}

export function isJalaliString(raw: string): boolean {
  return parseJalali(raw) !== null;
}

/** Day numbers already worked out, by yyyymmdd: reports convert the same few thousand dates 100,000 times. */
const dayNumbers = new Map<number, number>();
const dayNumbersOfText = new Map<string, number | null>();
/** Bound on both memos (far more distinct days than a data folder spans). */
const MEMO_LIMIT = 50_000;

/** The value remembered for `key`, made once by `make`; the memo is emptied when it reaches its bound. */
function remembered<K, V>(memo: Map<K, V>, key: K, make: () => V): V {
  if (memo.has(key)) return memo.get(key)!;
  const value = make();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Days since 1970-01-01 of the Gregorian day this Jalali day falls on (for arithmetic). */
export function dayNumber(d: JalaliDate): number {
  return remembered(dayNumbers, d.jy * 10_000 + d.jm * 100 + d.jd, () => {
    const g = toGregorian(d.jy, d.jm, d.jd);
    return Date.UTC(g.gy, g.gm - 1, g.gd) / 86_400_000;
  });
}

/** The day number of a stored 'YYYY/MM/DD' (null when it is not a valid Jalali date). */
export function dayNumberOf(raw: string): number | null {
  return remembered(dayNumbersOfText, raw, () => {
    const d = parseJalali(raw);
    return d ? dayNumber(d) : null;
  });
}

export function fromDayNumber(n: number): JalaliDate {
  const g = new Date(n * 86_400_000);
  return toJalaali(g.getUTCFullYear(), g.getUTCMonth() + 1, g.getUTCDate());
}

export function addDays(d: JalaliDate, n: number): JalaliDate {
  return fromDayNumber(dayNumber(d) + n);
}

export function daysBetween(a: JalaliDate, b: JalaliDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** 0 = Saturday … 6 = Friday. */
export function weekdayOf(d: JalaliDate): number {
  return weekdayOfDayNumber(dayNumber(d));
}

export function weekdayOfDayNumber(n: number): number {
  // 1970-01-01 was a Thursday (index 5 in the Iranian week).
  return (((n + 5) % 7) + 7) % 7;
}

export function monthLength(jy: number, jm: number): number {
  return jalaaliMonthLength(jy, jm);
}

/** «دوشنبه ۳ آذر ۱۴۰۵» */
export function formatJalaliLong(d: JalaliDate): string {
  return `${WEEKDAYS[weekdayOf(d)]} ${toPersianDigits(d.jd)} ${JALALI_MONTHS[d.jm - 1]} ${toPersianDigits(d.jy)}`;
}

/** «۱۴۰۵/۰۹/۰۳» */
export function formatJalaliShort(d: JalaliDate): string {
  return toPersianDigits(formatJalali(d));
}

/** An instant as «۱۴۰۵/۰۹/۰۳ ۱۰:۳۰» in Tehran time. */
export function formatInstant(instant: Date | string | number): string {
  const p = tehranParts(instant);
  return `${formatJalaliShort(jalaliOf(instant))} ${toPersianDigits(`${pad2(p.hour)}:${pad2(p.minute)}`)}`;
}

/** The instant at which a Jalali day begins in Tehran. */
export function startOfJalaliDay(d: JalaliDate): Date {
  return new Date(dayNumber(d) * 86_400_000 - TEHRAN_OFFSET_MINUTES * 60_000);
}
