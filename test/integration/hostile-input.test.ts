// Random and hostile inputs to every API method: each gets a clear Persian answer (or succeeds with
// normalised data), nothing crashes inside the backend, and a refused call leaves the data folder unchanged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { api, type Method } from '../../shared/api';
import { checkStore, locationOf, openTestBackend, snapshot, validCitizen } from '../helpers/backend';

let b: Awaited<ReturnType<typeof openTestBackend>>;
let dayId = '';
beforeAll(async () => {
  b = await openTestBackend();
  const day = await b.dispatch('meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
  dayId = (day as { ok: true; value: { id: string } }).value.id;
});
afterAll(() => b.close());

const PERSIAN = /[\u0600-\u06FF]/;
const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '<script>alert(1)</script>', '\u202Eکد\u202C', '\u2066۰۹۱۲\u2069', '\u0000\u0007', "'; DROP TABLE cases; --",
    '1405/12/30', '2026/11/23', '۱۴۰۵/۱۳/۰۱', '../../etc/passwd', 'x'.repeat(6000), 'ي'.repeat(2001), '   ',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' },
    hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('id', 'code', 'text', 'date', 'citizen', 'nationalId', 'meetingDayId', 'ids', 'q', '__proto__'), tie('value'), { maxKeys: 4 })),
})).value;

/** Plausible-looking arguments with one field replaced by something hostile. */
const mutatedRecord = fc.record({
  field: fc.constantFrom('text', 'citizen.nationalId', 'citizen.mobile', 'citizen.firstName', 'meetingDayId', 'order.deadlineDays', 'order.type'),
  value: hostileValue,
}).map(({ field, value }) => {
  const args: Record<string, unknown> = {
    meetingDayId: dayId, citizen: { ...validCitizen }, text: 'درخواست',
    order: { type: 'act', leadDepartment: 'فرمانداری', deadlineDays: 5, text: '' },
    confirmed: true, // the same citizen and text again: only the hostile field is under test
  };
  const [head, tail] = field.split('.') as [string, string | undefined];
  if (tail) (args[head] as Record<string, unknown>)[tail] = value;
  else args[head] = value;
  return args;
});

describe('hostile input', () => {
  it('every method answers random arguments with a reply, never an internal error', async () => {
    const methods = Object.keys(api) as Method[];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...methods), hostileValue, async (method, args) => {
      const before = await snapshot(b);
      const r = await b.dispatch(method, args);
      if (r.ok) return; // e.g. a list method with ignorable arguments
      expect(r.error.code).not.toBe('internal');
      expect(r.error.message).toMatch(PERSIAN);
      expect(await snapshot(b)).toEqual(before);
    }), { numRuns: 300 });
  });

  it('a case with one hostile field is refused with a Persian message and stores nothing, or stored cleanly', async () => {
    await fc.assert(fc.asyncProperty(mutatedRecord, async (args) => {
      const before = await snapshot(b);
      const r = await b.dispatch('case/record', args);
      if (!r.ok) {
        expect(r.error.code === 'bad-args' || r.error.code === 'not-found').toBe(true);
        expect(r.error.message).toMatch(PERSIAN);
        expect(await snapshot(b)).toEqual(before);
        return;
      }
      const c = r.value as { text: string; citizen: { firstName: string } };
      // whatever was accepted is stored without controls that could reorder a screen or a PDF
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(c.text + c.citizen.firstName).not.toMatch(/[\u0000-\u0008\u202A-\u202E\u2066-\u2069]/);
      expect(c.text.length).toBeLessThanOrEqual(2000);
    }), { numRuns: 200 });
  });

  it('prototype keys in a request do not pollute objects', async () => {
    const r = await b.dispatch('settings/update', JSON.parse('{"__proto__":{"polluted":true},"thursdayOff":true}'));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('whatever the random calls stored, the folder opens again through the stored schemas and checks clean', async () => {
    await b.close();
    const again = await openBackend({ ...locationOf(b.dataDir), operator: 'check' });
    await again.close();
    expect((await checkStore(b.dataDir)).problems).toEqual([]);
  });
});
