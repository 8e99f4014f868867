import { digitsOnly } from './persian-text';

/**
 * Iranian national ID (کد ملی): 10 digits, d10 is a mod-11 check digit over d1..d9 weighted 10..2.
 * Ten identical digits pass the arithmetic but are not issued, so they are rejected too.
 */
export function isValidNationalId(raw: string): boolean {
  const id = /^\d{10}$/.test(raw) ? raw : digitsOnly(raw);
  if (!/^\d{10}$/.test(id) || /^(\d)\1{9}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(id[i]) * (10 - i);
  const r = sum % 11;
  const check = Number(id[9]);
  return r < 2 ? check === r : check === 11 - r;
}

export function normalizeNationalId(raw: string): string {
  return digitsOnly(raw);
}

/** Shown on slips and exports: first three and last two digits, e.g. 001*****31. */
export function maskNationalId(id: string): string {
  return id.length === 10 ? `${id.slice(0, 3)}*****${id.slice(8)}` : '**********';
}
