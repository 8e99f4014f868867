// What the desks' lists rest on: only reads, only entities the journal names, so a change elsewhere reaches them.
import { describe, expect, it } from 'vitest';
import { api, isMethod } from '../../shared/api';
import { LIVE_READS, PRIVATE_ENTITIES } from '../../shared/live';
import { JOURNAL_ENTITIES } from '../../shared/stored-schemas';

describe('live reads', () => {
  it('names only reads of the contract, resting on entities the journal writes and other desks may hear of', () => {
    for (const [method, entities] of Object.entries(LIVE_READS)) {
      expect(isMethod(method), method).toBe(true);
      expect(api[method as keyof typeof api].mutates, method).toBe(false);
      for (const e of entities) {
        expect(JOURNAL_ENTITIES, `${method}: ${e}`).toContain(e);
        expect(PRIVATE_ENTITIES.has(e), e).toBe(false);
      }
    }
    // the lists of issue 19: queue, day's list, worklist and its counts, board
    expect(Object.keys(LIVE_READS)).toEqual(expect.arrayContaining(['queue/list', 'case/listForDay', 'worklist/query', 'group/board', 'report/day']));
  });
});
