// Lookups built on first use must agree with the cases as they are at that moment and stay current after.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain';
import { CasesBy } from '../../electron/backend/store/cases-by';

const kase = (id: string, nationalId: string): Case => ({ id, citizen: { nationalId } }) as Case;

describe('cases by a field', () => {
  it('is built from the current cases on first use and kept current after', () => {
    const all = new Map<string, Case>();
    const by = new CasesBy((c) => c.citizen.nationalId, () => all.values());
    const a = kase('a', '1'), b = kase('b', '1'), c = kase('c', '2');
    for (const x of [a, b, c]) {
      by.put(all.get(x.id), x); // before the first lookup: nothing kept yet
      all.set(x.id, x);
    }
    expect(by.get('1').map((x) => x.id)).toEqual(['a', 'b']);
    expect(by.get('3')).toEqual([]);

    const b2 = kase('b', '2'); // the case's national ID corrected
    by.put(all.get('b'), b2);
    all.set('b', b2);
    expect(by.get('1').map((x) => x.id)).toEqual(['a']);
    expect(by.get('2')).toEqual([c, b2]);

    const c2 = { ...c, text: 'changed' } as Case; // same key: replaced in place, not added twice
    by.put(c, c2);
    expect(by.get('2')).toEqual([c2, b2]);

    by.remove(a);
    expect(by.get('1')).toEqual([]);
  });
});

it('a case whose key is absent (no tracking code yet) is in no list, and joins one once it has the key', () => {
  const all = new Map<string, Case>();
  const byCode = new CasesBy((c) => c.code, () => all.values());
  const waiting = { id: 'w' } as Case;
  all.set('w', waiting);
  expect(byCode.get('')).toEqual([]);
  const coded = { id: 'w', code: '0500000012' } as Case;
  byCode.put(waiting, coded);
  all.set('w', coded);
  expect(byCode.get('0500000012')).toEqual([coded]);
  byCode.remove(waiting); // removing by the old, keyless version touches nothing
  expect(byCode.get('0500000012')).toEqual([coded]);
});
