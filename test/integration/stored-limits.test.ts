// Whatever the API accepts at its limits, the stored schemas accept when the folder opens again: the longest
// texts, an answer whose history note is longer than any typed field, a circular drafted from long templates.
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { checkStore, locationOf, ok, openTestBackend, openToday, validCitizen } from '../helpers/backend';

const long = (n: number) => 'ب'.repeat(n);

describe('stored limits', () => {
  it('a folder written at the limits of every input opens again and checks clean', async () => {
    const b = await openTestBackend();
    const day = await openToday(b);
    const order = { type: 'act' as const, leadDepartment: long(120), otherDepartments: Array.from({ length: 10 }, (_, i) => `${long(110)}${i}`), deadlineDays: 365, text: long(1000) };
    const citizen = { ...validCitizen, firstName: long(60), lastName: long(80), county: long(60), locality: long(80), address: long(300) };
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const c = await ok(b, 'case/record', {
        meetingDayId: day.id, citizen, text: long(2000), confirmed: true, category: long(80), order, attachments: Array.from({ length: 30 }, (_, k) => `${long(190)}${k}`),
      });
      ids.push(c.id);
    }
    await ok(b, 'case/refer', { ids });
    await ok(b, 'case/extend', { ids: [ids[0]!], days: 365, reason: long(300) });
    await ok(b, 'case/answer', { id: ids[0]!, letterNo: long(60), date: '1405/09/02', text: long(2000) });
    await ok(b, 'case/close', { id: ids[0]!, outcome: 'duplicate', note: long(1000), duplicateOf: (await ok(b, 'case/get', { id: ids[1]! })).code });
    await ok(b, 'settings/update', { circularBody: `${long(2900)} {counties} {problem}`, circularInstruction: `${long(2900)} {days}` });
    const circular = await ok(b, 'circular/draft', { caseIds: ids, problem: long(200) });
    expect(circular.body.length).toBeGreaterThan(2000);
    await ok(b, 'circular/approve', { id: circular.id });
    await ok(b, 'circular/issue', { id: circular.id, ...(await ok(b, 'circular/nextNumber', {})) });
    await b.close();
    const again = await openBackend({ ...locationOf(b.dataDir), operator: 't' });
    await again.close();
    expect((await checkStore(b.dataDir)).problems).toEqual([]);
  });
});
