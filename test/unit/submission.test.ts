// A desk's changes are saved once: the same idempotency key on every retry of one submission, a new one after
// the server answered; a call that finds no server is tried again until it is answered or the time is up.
import { describe, expect, it } from 'vitest';
import { randomKey, submissionKeys, untilAnswered } from '../../shared/submission';
import { SUBMISSION_KEY } from '../../shared/stored-schemas';
import { webcrypto } from 'node:crypto';

describe('submission keys', () => {
  const random = (b: Uint8Array): Uint8Array => webcrypto.getRandomValues(b);
  it('the same submission keeps its key until answered; another form, or the next one, gets its own', () => {
    const keys = submissionKeys(() => randomKey(random));
    const arrival = { meetingDayId: 'd1', name: 'زهرا کریمی', nationalId: '' };
    const first = keys.keyFor('queue/arrive', arrival);
    expect(first).toMatch(SUBMISSION_KEY); // what the server accepts
    expect(keys.keyFor('queue/arrive', { ...arrival })).toBe(first); // the clerk pressed save again
    expect(keys.keyFor('queue/arrive', { ...arrival, name: 'حسین نظری' })).not.toBe(first);
    expect(keys.keyFor('case/record', arrival)).not.toBe(first);
    keys.answered('queue/arrive', arrival);
    expect(keys.keyFor('queue/arrive', arrival)).not.toBe(first); // the same citizen again is a new arrival
  });
});

describe('sending until answered', () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, sleep: async (ms: number) => void (t += ms) };
  };
  it('tries again every second while there is no answer, says the link is lost, then that it is back', async () => {
    const c = clock();
    const said: string[] = [];
    const answers = [null, null, { ok: true }];
    const tries: number[] = [];
    const r = await untilAnswered(async () => (tries.push(c.now()), answers.shift() ?? null), {
      forMs: 60_000, everyMs: 1000, lost: () => said.push('lost'), reached: () => said.push('reached'), ...c,
    });
    expect(r).toEqual({ ok: true });
    expect(tries).toEqual([0, 1000, 2000]);
    expect(said).toEqual(['lost', 'lost', 'reached']);
  });
  it('gives up with no answer when the time is up', async () => {
    const c = clock();
    let tries = 0;
    const r = await untilAnswered(async () => (tries++, null), { forMs: 5000, everyMs: 1000, lost: () => undefined, reached: () => undefined, ...c });
    expect(r).toBeNull();
    expect(tries).toBe(6);
  });
});
