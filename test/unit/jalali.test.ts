import { describe, expect, it } from 'vitest';
import {
  addDays, formatJalali, formatJalaliLong, formatInstant, jalaliOf, parseJalali, startOfJalaliDay, weekdayOf,
} from '../../shared/jalali';

describe('Jalali in Asia/Tehran', () => {
  it('crosses Nowruz 1405 at Tehran midnight, not UTC midnight', () => {
    // 2026-03-20 23:59 in Tehran (UTC+3:30) is still the last day of 1404.
    expect(formatJalali(jalaliOf('2026-03-20T20:29:00Z'))).toBe('1404/12/29');
    expect(formatJalali(jalaliOf('2026-03-20T20:30:00Z'))).toBe('1405/01/01');
    // UTC midnight of 2026-03-21 is 03:30 in Tehran: already Nowruz.
    expect(formatJalali(jalaliOf('2026-03-21T00:00:00Z'))).toBe('1405/01/01');
  });
  it('does not depend on the machine time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatJalali(jalaliOf('2026-11-22T21:00:00Z'))).toBe('1405/09/02');
    } finally {
      process.env.TZ = before;
    }
  });
  it('formats the header date with weekday, Persian digits and month name', () => {
    expect(formatJalaliLong(parseJalali('1405/01/01')!)).toBe('شنبه ۱ فروردین ۱۴۰۵');
    expect(formatJalaliLong(parseJalali('1405/09/01')!)).toBe('شنبه ۱ آذر ۱۴۰۵'.replace('شنبه', 'یکشنبه'));
    expect(formatJalaliLong(jalaliOf('2026-11-23T08:00:00Z'))).toBe('دوشنبه ۲ آذر ۱۴۰۵');
  });
  it('formats instants in Tehran time', () => {
    expect(formatInstant('2026-11-23T06:30:00Z')).toBe('۱۴۰۵/۰۹/۰۲ ۱۰:۰۰');
  });
  it('parses dates in any digit script and rejects impossible ones', () => {
    expect(parseJalali('۱۴۰۵/۹/۲')).toEqual({ jy: 1405, jm: 9, jd: 2 });
    expect(parseJalali('1405-09-02')).toEqual({ jy: 1405, jm: 9, jd: 2 });
    expect(parseJalali('1405/12/30')).toBeNull(); // 1405 is not a leap year
    expect(parseJalali('1405/13/01')).toBeNull();
    expect(parseJalali('2026/11/23')).toBeNull();
    expect(parseJalali('tomorrow')).toBeNull();
  });
  it('does day arithmetic across the year end', () => {
    expect(formatJalali(addDays(parseJalali('1404/12/29')!, 1))).toBe('1405/01/01');
    expect(weekdayOf(parseJalali('1405/01/01')!)).toBe(0); // Saturday
    expect(weekdayOf(parseJalali('1405/01/07')!)).toBe(6); // Friday
  });
  it('gives the instant a Jalali day starts in Tehran', () => {
    expect(startOfJalaliDay(parseJalali('1405/01/01')!).toISOString()).toBe('2026-03-20T20:30:00.000Z');
  });
});
