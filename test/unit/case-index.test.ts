// The worklist index must find a case again after it changes, even a case from a hand-edited file that
// lacks its recording time, and must keep its orders.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain';
import { CaseIndex } from '../../electron/backend/store/case-index';

const kase = (id: string, code: string, createdAt: string | undefined, dueDate?: string): Case =>
  ({ id, code, createdAt, status: 'recorded', meetingDayId: 'd', county: '', departments: [], text: '', citizen: { firstName: '', lastName: '', nationalId: '', mobile: '', locality: '' }, ...(dueDate ? { deadline: { dueDate, pauses: [], extensions: [] } } : {}) }) as unknown as Case;

describe('worklist index', () => {
  it('keeps each case once, in order, through edits; a case without a recording time included', () => {
    const byId = new Map<string, Case>();
    const ix = new CaseIndex((id) => byId.get(id));
    const cases = [kase('a', '05', '2026-01-05', '1405/02/01'), kase('b', '04', '2026-01-04'), kase('c', '03', undefined, '1405/01/20'), kase('d', '02', '2026-01-02', '1405/01/20'), kase('e', '01', '2026-01-01')];
    for (const c of cases) byId.set(c.id, c);
    ix.build(cases);
    const ids = (sort: 'due' | 'recent') => ix.query({ sort, offset: 0, limit: 50 }).items.map((c) => c.id);
    expect(ids('recent')).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(ids('due')).toEqual(['d', 'c', 'a', 'e', 'b']); // by due date, then code; no deadline last

    for (const c of [...cases]) {
      const next = { ...c, status: 'referred' } as Case;
      ix.put(byId.get(c.id), next);
      byId.set(c.id, next);
    }
    expect(ids('recent')).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(ids('due')).toEqual(['d', 'c', 'a', 'e', 'b']);
    expect(ix.query({ sort: 'due', offset: 0, limit: 50, statuses: ['referred'] }).total).toBe(5);
  });
});
