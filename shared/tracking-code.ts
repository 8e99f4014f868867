// Tracking code (کد رهگیری): 2 digits of the Jalali year, a 7-digit sequence and a Verhoeff check digit.
// Verhoeff catches every single wrong digit and every swap of two adjacent digits.
import { digitsOnly } from './persian-text';

const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

const cell = (t: number[][], i: number, j: number): number => t[i]![j]!;

export function verhoeffCheckDigit(digits: string): number {
  let c = 0;
  const rev = digits.split('').reverse();
  for (let i = 0; i < rev.length; i++) c = cell(D, c, cell(P, (i + 1) % 8, Number(rev[i])));
  return INV[c]!;
}

/** True when the last digit checks the others; false for anything that is not all digits. */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    c = cell(D, c, cell(P, i % 8, d));
  }
  return digits.length > 0 && c === 0;
}

export const SEQUENCE_MAX = 9_999_999;

export function makeTrackingCode(jalaliYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > SEQUENCE_MAX) {
    throw new RangeError(`tracking sequence out of range: ${sequence}`);
  }
  const body = `${String(jalaliYear % 100).padStart(2, '0')}${String(sequence).padStart(7, '0')}`;
  return body + String(verhoeffCheckDigit(body));
}

/** Normalised form of a typed code (any digit script, spaces or dashes), or null if it cannot be one. */
export function normalizeTrackingCode(raw: string): string | null {
  const d = digitsOnly(raw);
  return /^\d{10}$/.test(d) && verhoeffValid(d) ? d : null;
}

export function parseTrackingCode(code: string): { yy: number; sequence: number } {
  return { yy: Number(code.slice(0, 2)), sequence: Number(code.slice(2, 9)) };
}
