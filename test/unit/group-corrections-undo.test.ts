import { describe, expect, it } from 'vitest';
import { applyCorrections, type GroupCorrection } from '../../shared/grouping/corrections';

describe('taking a board correction back', () => {
  const groups = [
    { caseIds: ['a', 'b', 'c'], title: 'برق' },
    { caseIds: ['d', 'e'], title: 'خاموشی' },
  ];
  const at = { at: '2026-11-28T10:00:00Z', by: 't' };
  const find = (out: ReturnType<typeof applyCorrections>, id: string) => out.find((g) => g.caseIds.includes(id))!;

  it('replays the other corrections as if the one taken back had never been made', () => {
    const corrections: GroupCorrection[] = [
      { kind: 'merge', caseIds: ['a', 'd'], ...at },
      { kind: 'split', caseIds: ['c'], ...at },
      { kind: 'undo', index: 0, caseIds: [], ...at },
    ];
    const out = applyCorrections(groups, corrections);
    expect(find(out, 'a').caseIds).toEqual(['a', 'b']);
    expect(find(out, 'd').caseIds).toEqual(['d', 'e']);
    expect(find(out, 'c').caseIds).toEqual(['c']);
    expect(find(out, 'd').corrected).toBe(false);
  });

  it('a move-out taken back puts the case back in its group', () => {
    const out = applyCorrections(groups, [{ kind: 'split', caseIds: ['b'], ...at }, { kind: 'undo', index: 0, caseIds: [], ...at }]);
    expect(find(out, 'b').caseIds).toEqual(['a', 'b', 'c']);
    expect(out).toHaveLength(2);
  });
});
