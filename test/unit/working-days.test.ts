import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultHolidays } from '../../shared/defaults';
import { dayNumber, formatJalali, fromDayNumber as fromDayNumberForTest, parseJalali, weekdayOfDayNumber } from '../../shared/jalali';
import { addWorkingDays, calendarFrom, isWorkingDay, workingDaysBetween, workingDaysBetweenNumbers } from '../../shared/working-days';

const j = (s: string) => parseJalali(s)!;
const official = (thursdayOff: boolean) => calendarFrom(defaultHolidays(), thursdayOff);

describe('working days', () => {
  it('deduplicates the holiday table by date (26 distinct dates in 1405)', () => {
    expect(defaultHolidays().filter((h) => h.date.startsWith('1405/')).length).toBe(26);
  });

  it('skips Fridays, and Thursdays when the office closes on them', () => {
    // 1405/09/04 is a Wednesday (no holiday that week).
    expect(formatJalali(addWorkingDays(j('1405/09/04'), 1, official(true)))).toBe('1405/09/07'); // Thu, Fri off → Sat
    expect(formatJalali(addWorkingDays(j('1405/09/04'), 1, official(false)))).toBe('1405/09/05'); // Thursday counts
    expect(formatJalali(addWorkingDays(j('1405/09/04'), 2, official(false)))).toBe('1405/09/07'); // Friday never does
  });

  it('skips the Nowruz holidays across the year end', () => {
    const cal = official(true);
    const due = addWorkingDays(j('1404/12/27'), 1, cal);
    // 12/28 Thu (off), 12/29 Fri, 01/01–01/04 Nowruz and Eid al-Fitr, 01/05 Wed is the first working day.
    expect(formatJalali(due)).toBe('1405/01/05');
    expect(isWorkingDay(j('1405/01/12'), cal)).toBe(false); // Islamic Republic Day
    expect(isWorkingDay(j('1405/01/13'), cal)).toBe(false); // Nature Day
  });

  it('skips lunar holidays (Tasua and Ashura 1405)', () => {
    const cal = official(false);
    const tasua = defaultHolidays().find((h) => h.date.startsWith('1405/') && h.title.includes('تاسوعا'));
    expect(tasua).toBeDefined();
    const day = j(tasua!.date);
    expect(isWorkingDay(day, cal)).toBe(false);
    const before = parseJalali(formatJalali({ ...day, jd: day.jd - 1 }))!;
    // From the day before Tasua, one working day lands after Tasua and Ashura (and a Friday if one follows).
    const due = addWorkingDays(before, 1, cal);
    expect(workingDaysBetween(before, due, cal)).toBe(1);
    expect(formatJalali(due) > formatJalali({ ...day, jd: day.jd + 1 })).toBe(true);
  });

  it('counts 10 working days as two office weeks when Thursday is off', () => {
    // Sunday 1405/09/01: Mon–Wed (3), Sat–Wed (8), Sat–Sun (10).
    expect(formatJalali(addWorkingDays(j('1405/09/01'), 10, official(true)))).toBe('1405/09/15');
    expect(workingDaysBetween(j('1405/09/01'), j('1405/09/15'), official(true))).toBe(10);
  });

  it('counts working days between any two days as a day-by-day count does, for each calendar and far apart', () => {
    const slow = (from: number, to: number, thursdayOff: boolean, holidays: ReadonlySet<number>) => {
      let n = 0;
      for (let d = from + 1; d <= to; d++) {
        const w = weekdayOfDayNumber(d);
        if (w !== 6 && !(w === 5 && thursdayOff) && !holidays.has(d)) n++;
      }
      return n;
    };
    const cals = [official(true), official(false)];
    const base = dayNumber(j('1404/06/01'));
    fc.assert(fc.property(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -50, max: 4000 }), fc.boolean(), (a, len, thu) => {
      const cal = cals[thu ? 0 : 1]!;
      const from = base + a;
      expect(workingDaysBetweenNumbers(from, from + len, cal)).toBe(len <= 0 ? 0 : slow(from, from + len, thu, cal.holidayDays));
    }), { numRuns: 300 });
    // Nowruz 1405 in the table: 1404/12/27 (Wed) to 1405/01/05 (Wed) holds one working day with Thursdays off.
    expect(workingDaysBetween(j('1404/12/27'), j('1405/01/05'), official(true))).toBe(1);
  });
});

it('counts right at the edge of the remembered table, and refuses day numbers that are not numbers', () => {
  const cal = calendarFrom(defaultHolidays(), true);
  const slow = (from: number, to: number) => {
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (isWorkingDay(fromDayNumberForTest(d), cal)) n++;
    return n;
  };
  const a = dayNumber(parseJalali('1405/01/01')!);
  workingDaysBetweenNumbers(a, a + 1, cal); // builds the table around this span
  for (let end = a + 1090; end <= a + 1110; end++) expect(workingDaysBetweenNumbers(a + 1, end, cal)).toBe(slow(a + 1, end));
  expect(() => workingDaysBetweenNumbers(Number.NaN, a, cal)).toThrow(RangeError);
  expect(workingDaysBetweenNumbers(a, a + 50 * 366, cal)).toBe(slow(a, a + 50 * 366));
});
