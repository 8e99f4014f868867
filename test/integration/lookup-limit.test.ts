// The citizen's status lookup is rate-limited per tracking code on the server: guessing the mobile's last four
// digits over HTTP stops after a few wrong answers, with a Persian message, until the window has passed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { LOOKUP_ATTEMPTS } from '../../electron/backend/services/worklist';
import { TOKEN_HEADER } from '../../shared/security';
import { FIXED_NOW, ok, openTestBackend, openToday, tempDir, validCitizen } from '../helpers/backend';

const TOKEN = 'lookup-limit-script-token';
let now = FIXED_NOW.getTime();
let b: Awaited<ReturnType<typeof openTestBackend>>;
let shell: WebShell;
beforeAll(async () => {
  b = await openTestBackend(undefined, () => new Date(now));
  const staticDir = await tempDir('didar-static-');
  await fs.writeFile(path.join(staticDir, 'index.html'), '<html><head></head></html>');
  shell = await startWebShell({ dispatchAs: b.dispatchAs, staticDir, token: TOKEN, scriptOperator: 'cli:tester' });
});
afterAll(async () => {
  await shell.close();
  await b.close();
});

const lookup = async (code: string, mobileLast4: string): Promise<{ ok: boolean; error?: { code: string; message: string } }> => {
  const r = await fetch(`${shell.url}api/lookup%2Fstatus`, {
    method: 'POST', headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' }, body: JSON.stringify({ code, mobileLast4 }),
  });
  return (await r.json()) as { ok: boolean; error?: { code: string; message: string } };
};

describe('lookup/status', () => {
  it('stops a guesser of the last four digits after a few wrong answers; the right answer waits too; other codes are not affected', async () => {
    const day = await openToday(b);
    const c = await ok(b, 'case/record', { meetingDayId: day.id, citizen: { ...validCitizen, mobile: '09121230400' }, text: 'درخواست' });
    const other = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست دیگر' });
    const replies = [];
    for (let i = 0; i <= 400; i++) replies.push(await lookup(c.code, String(i).padStart(4, '0')));
    expect(replies.slice(0, LOOKUP_ATTEMPTS.max).map((r) => r.error?.code)).toEqual(Array(LOOKUP_ATTEMPTS.max).fill('not-found'));
    const limited = replies.slice(LOOKUP_ATTEMPTS.max);
    expect(limited.every((r) => !r.ok && r.error?.code === 'too-many-attempts')).toBe(true); // «0400» among them
    expect(limited[0]!.error!.message).toMatch(/چند بار پشت سر هم مشخصات نادرست وارد شد.*۱۰ دقیقه دیگر/);
    expect((await lookup(other.code, '4567')).ok).toBe(true);
    now += LOOKUP_ATTEMPTS.windowMs; // the wrong answers grow old
    expect((await lookup(c.code, '0400')).ok).toBe(true);
  }, 60_000);
});
