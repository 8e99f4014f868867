// What the screens show for numbers and dates: Persian digits, the Persian decimal separator for numbers.
import { expect, it } from 'vitest';
import { fa, faDate, toNumber } from '../../renderer/src/format';

it('shows numbers in Persian digits with the Persian decimal separator, and leaves dates and codes alone', () => {
  expect(fa(41.3)).toBe('۴۱٫۳');
  expect(fa(100)).toBe('۱۰۰');
  expect(fa('1405/09/08')).toBe('۱۴۰۵/۰۹/۰۸');
  expect(fa('0500000012')).toBe('۰۵۰۰۰۰۰۰۱۲');
  expect(faDate('1405/09/08')).toBe('۱۴۰۵/۰۹/۰۸');
  expect(toNumber('۱۰')).toBe(10);
});
