import { digitsOnly } from './persian-text';

/**
 * Iranian mobile number in any common form (+98…, 0098…, 98…, 9…, Persian digits, spaces) →
 * 09XXXXXXXXX, or null when it is not a mobile number.
 */
export function normalizeMobile(raw: string): string | null {
  let d = digitsOnly(raw).replace(/^\+/, '');
  if (d.startsWith('0098')) d = d.slice(4);
  else if (d.startsWith('98') && d.length === 12) d = d.slice(2);
  if (d.length === 10 && d.startsWith('9')) d = `0${d}`;
  return /^09\d{9}$/.test(d) ? d : null;
}
