import { describe, expect, it } from 'vitest';
import { makeTrackingCode, normalizeTrackingCode, parseTrackingCode, verhoeffCheckDigit, verhoeffValid } from '../../shared/tracking-code';

describe('Verhoeff', () => {
  it('matches the published example 236 → 3', () => {
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
  });
});

describe('tracking code', () => {
  it('has 2 digits of the Jalali year, 7 of sequence and a check digit', () => {
    const code = makeTrackingCode(1405, 123);
    expect(code).toMatch(/^050000123\d$/);
    expect(verhoeffValid(code)).toBe(true);
    expect(parseTrackingCode(code)).toEqual({ yy: 5, sequence: 123 });
  });

  it('catches every single wrong digit and every swap of adjacent digits', () => {
    for (const seq of [1, 42, 99_999, 1_234_567, 9_999_999]) {
      const code = makeTrackingCode(1405, seq);
      for (let i = 0; i < 10; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[i]) continue;
          const typo = code.slice(0, i) + d + code.slice(i + 1);
          expect(normalizeTrackingCode(typo), typo).toBeNull();
        }
        if (i < 9 && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(normalizeTrackingCode(swapped), swapped).toBeNull();
        }
      }
    }
  });

  it('accepts the code in Persian digits with spaces', () => {
    const code = makeTrackingCode(1405, 7);
    const typed = code.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))).replace(/(.{4})/, '$1 ');
    expect(normalizeTrackingCode(typed)).toBe(code);
  });

  it('refuses sequences out of range', () => {
    expect(() => makeTrackingCode(1405, 0)).toThrow();
    expect(() => makeTrackingCode(1405, 10_000_000)).toThrow();
  });
});
