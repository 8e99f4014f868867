import { digitsOnly } from './persian-text';

/** What is wrong with a typed national ID, each told apart so the clerk hears which. */
export type NationalIdProblem = 'not-digits' | 'length' | 'same-digit' | 'check-digit';

/**
 * Iranian national ID (کد ملی): 10 digits, d10 is a mod-11 check digit over d1..d9 weighted 10..2.
 * Ten identical digits pass the arithmetic but are not issued, so they are rejected too.
 */
export function nationalIdProblem(raw: string): NationalIdProblem | null {
  // stored IDs are digits already: checking 100,000 of them at start-up skips the folding
  const id = /^\d{10}$/.test(raw) ? raw : digitsOnly(raw);
  if (!/^\d*$/.test(id)) return 'not-digits';
  if (id.length !== 10) return 'length';
  if (/^(\d)\1{9}$/.test(id)) return 'same-digit';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(id[i]) * (10 - i);
  const r = sum % 11;
  const check = Number(id[9]);
  return (r < 2 ? check === r : check === 11 - r) ? null : 'check-digit';
}

export function isValidNationalId(raw: string): boolean {
  return nationalIdProblem(raw) === null;
}

/**
 * The problem to show while the ID is still being typed: a wrong character or an eleventh digit at once, the
 * check digit and repeated digits once ten are in, a short ID only when the clerk leaves the field.
 */
export function nationalIdProblemWhileTyping(raw: string, leftField: boolean): NationalIdProblem | null {
  const p = nationalIdProblem(raw);
  if (p === 'length' && digitsOnly(raw).length < 10 && !leftField) return null;
  return raw.trim() === '' ? null : p;
}

export function normalizeNationalId(raw: string): string {
  return digitsOnly(raw);
}

/** Shown on slips and exports: first three and last two digits, e.g. 001*****31. */
export function maskNationalId(id: string): string {
  return id.length === 10 ? `${id.slice(0, 3)}*****${id.slice(8)}` : '**********';
}
