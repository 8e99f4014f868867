import { describe, expect, it } from 'vitest';
import { normalizeMobile } from '../../shared/mobile';
import { CaseDraftSchema } from '../../shared/domain';
import { msg } from '../../shared/messages';
import { isValidNationalId, maskNationalId, nationalIdProblem, nationalIdProblemWhileTyping } from '../../shared/national-id';

describe('national ID checksum', () => {
  it('accepts valid IDs, with leading zeros and in Persian digits', () => {
    expect(isValidNationalId('0018692631')).toBe(true);
    expect(isValidNationalId('2401179445')).toBe(true);
    expect(isValidNationalId('۰۰۱۸۶۹۲۶۳۱')).toBe(true);
  });
  it('rejects a wrong check digit, wrong length and ten identical digits', () => {
    expect(isValidNationalId('0018692632')).toBe(false);
    expect(isValidNationalId('001869263')).toBe(false);
    expect(isValidNationalId('00186926311')).toBe(false);
    expect(isValidNationalId('1111111111')).toBe(false);
    expect(isValidNationalId('abcdefghij')).toBe(false);
  });
  it('uses the remainder itself as check digit when it is below 2, else 11 − remainder', () => {
    expect(isValidNationalId('0000002100')).toBe(true); // S = 11, r = 0 → 0
    expect(isValidNationalId('0018692631')).toBe(true); // r = 1 → 1
    expect(isValidNationalId('0000000019')).toBe(true); // S = 2, r = 2 → 9
    expect(isValidNationalId('0000000012')).toBe(false); // r = 2 must not give 2
  });
  it('masks all but the first three and last two digits', () => {
    expect(maskNationalId('0018692631')).toBe('001*****31');
  });
});

describe('what is wrong with a national ID', () => {
  it('tells a wrong length, a non-digit, ten equal digits and a failed check digit apart', () => {
    expect(nationalIdProblem('001869263')).toBe('length');
    expect(nationalIdProblem('00186926311')).toBe('length');
    expect(nationalIdProblem('00186926a1')).toBe('not-digits');
    expect(nationalIdProblem('1111111111')).toBe('same-digit');
    expect(nationalIdProblem('0018692632')).toBe('check-digit');
    expect(nationalIdProblem('۰۰۱-۸۶۹۲۶۳۱')).toBeNull();
  });
  it('while typing: a short ID is not yet wrong, a letter and an eleventh digit are at once, a short one on leaving', () => {
    expect(nationalIdProblemWhileTyping('00186', false)).toBeNull();
    expect(nationalIdProblemWhileTyping('00186', true)).toBe('length');
    expect(nationalIdProblemWhileTyping('00x', false)).toBe('not-digits');
    expect(nationalIdProblemWhileTyping('00186926311', false)).toBe('length');
    expect(nationalIdProblemWhileTyping('0018692632', false)).toBe('check-digit');
    expect(nationalIdProblemWhileTyping('', true)).toBeNull();
  });
  it('each problem has its own Persian message on the API field', () => {
    const messages = ['001869263', '00186926a1', '1111111111', '0018692632'].map((nationalId) => {
      const r = CaseDraftSchema.shape.citizen.shape.nationalId.safeParse(nationalId);
      return r.success ? '' : r.error.issues[0]!.message;
    });
    expect(messages).toEqual([msg.nationalId.length, msg.nationalId['not-digits'], msg.nationalId['same-digit'], msg.nationalId['check-digit']]);
    expect(new Set(messages).size).toBe(4);
  });
});

describe('mobile normalisation', () => {
  it.each([
    ['09121234567', '09121234567'],
    ['+989121234567', '09121234567'],
    ['00989121234567', '09121234567'],
    ['989121234567', '09121234567'],
    ['9121234567', '09121234567'],
    ['۰۹۱۲ ۱۲۳ ۴۵۶۷', '09121234567'],
    ['0912-123-4567', '09121234567'],
  ])('%s → %s', (input, out) => expect(normalizeMobile(input)).toBe(out));
  it.each(['0911234567', '08121234567', '+44 7700 900123', '', 'abc'])('rejects %s', (input) =>
    expect(normalizeMobile(input)).toBeNull());
});
