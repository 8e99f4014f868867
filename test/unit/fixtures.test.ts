// The repository carries its own copies of the shared sample data: they must stay what the app uses.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { defaultHolidays } from '../../shared/defaults';

it('the holiday table in test/fixtures is the one the app ships as its default', () => {
  const fixture: { holidays: { date: string }[] } = JSON.parse(fs.readFileSync('test/fixtures/sample/holidays-1405-1406.json', 'utf8'));
  const dates = [...new Set(fixture.holidays.map((h) => h.date))].sort();
  expect(dates.length).toBeGreaterThan(40);
  expect(defaultHolidays().map((h) => h.date).sort()).toEqual(dates);
});
