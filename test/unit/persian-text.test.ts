import { describe, expect, it } from 'vitest';
import { digitsOnly, foldForSearch, normalizeLine, normalizeText, persianNumber, toAsciiDigits, toPersianDigits } from '../../shared/persian-text';

describe('digits', () => {
  it('turns Persian and Arabic-Indic digits into ASCII', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('کد ۱۲3٤')).toBe('کد 1234');
  });
  it('shows every digit script in Persian digits', () => {
    expect(toPersianDigits('1405/09/02')).toBe('۱۴۰۵/۰۹/۰۲');
    expect(toPersianDigits('٤٥')).toBe('۴۵');
    expect(toPersianDigits(2000)).toBe('۲۰۰۰');
  });
  it('keeps only the digits of an ID typed with separators', () => {
    expect(digitsOnly('۰۰۱-۸۶۹ ۲۶۳۱')).toBe('0018692631');
  });
});

describe('text normalisation', () => {
  it('replaces Arabic yeh and kaf and Arabic-Indic digits, folds spaces, trims', () => {
    expect(normalizeText('  قطعي  برق در كوچه ٣  ')).toBe('قطعی برق در کوچه ۳');
  });
  it('removes bidi overrides and control characters but keeps line breaks', () => {
    expect(normalizeText('الف\u202Eب\u0007\r\nج')).toBe('الفب\nج');
  });
  it('removes the Arabic letter mark, zero-width space, word joiner and byte-order mark inside text; keeps ZWNJ', () => {
    expect(normalizeText('می\u200Cخواهم\u061C \u200Bجاده\u2060 ای\uFEFFن')).toBe('می\u200Cخواهم جاده این');
    expect(normalizeLine('\u200B\u061Cعلی\u200B')).toBe('علی');
  });
  it('makes a single line of names', () => {
    expect(normalizeLine('علي\nرضايي')).toBe('علی رضایی');
  });
  it('folds for search: letters, digits, ZWNJ and diacritics', () => {
    expect(foldForSearch('مي‌خواهم ۱۲')).toBe(foldForSearch('میخواهم 12'));
    expect(foldForSearch('مُدیر')).toBe('مدیر');
  });
});

it('shows numbers with Persian digits and the Persian decimal separator', () => {
  expect(persianNumber(41.3)).toBe('۴۱٫۳');
  expect(persianNumber(100)).toBe('۱۰۰');
  expect(persianNumber(1405)).toBe('۱۴۰۵'); // years and other four-digit numbers are not grouped
  expect(persianNumber(100000)).toBe('۱۰۰٬۰۰۰');
  expect(persianNumber(-1234567.25)).toBe('-۱٬۲۳۴٬۵۶۷٫۲۵');
  expect(persianNumber(1e21)).toBe('۱e+۲۱'); // exponent form is left as it is
});
