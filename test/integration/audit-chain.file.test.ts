// File store only: the journal files' hash chain (the database keeps its audit rows in a table).
// The audit trail is tamper-evident: each line carries the hash of the line before it and a sequence number,
// so `didar check` names the first line of a file that was changed, removed or added by hand, and a changed
// line that still has to be replayed stops the folder from opening instead of being applied.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { checkDataDir } from '../../electron/backend/store/check';
import { ok, openTestBackend, openToday, validCitizen } from '../helpers/backend';

const AUDIT = 'audit/1405-09.jsonl';

/** A folder with a meeting day and three cases (four journal lines), closed. */
async function folder(): Promise<string> {
  const b = await openTestBackend();
  const day = await openToday(b);
  for (const text of ['نخست', 'دوم', 'سوم']) await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: `درخواست ${text}` });
  await b.close();
  return b.dataDir;
}

const lines = async (dir: string) => (await fs.readFile(path.join(dir, AUDIT), 'utf8')).split('\n').filter(Boolean);
const write = (dir: string, ls: string[]) => fs.writeFile(path.join(dir, AUDIT), `${ls.join('\n')}\n`);

describe('tamper-evident audit trail', () => {
  it('check passes on an untouched folder', async () => {
    const dir = await folder();
    expect(await lines(dir)).toHaveLength(4);
    expect(await checkDataDir(dir)).toMatchObject({ ok: true, problems: [] });
  });

  it('a changed line is named: who did it, edited afterwards', async () => {
    const dir = await folder();
    const ls = await lines(dir);
    ls[2] = ls[2]!.replace('"by":"tester"', '"by":"someone"');
    await write(dir, ls);
    expect((await checkDataDir(dir)).problems).toEqual([{ file: AUDIT, problem: expect.stringMatching(/^line 3 was changed after it was written/) }]);
  });

  it('a removed line is named by the line that now stands in its place', async () => {
    const dir = await folder();
    const ls = await lines(dir);
    ls.splice(1, 1);
    await write(dir, ls);
    expect((await checkDataDir(dir)).problems).toEqual([{ file: AUDIT, problem: expect.stringMatching(/^line 2: sequence 3 follows 1: lines before it were removed/) }]);
  });

  it('a line recomputed to hide a change breaks the link of the next one; a line added by hand is named', async () => {
    const dir = await folder();
    const ls = await lines(dir);
    ls.splice(2, 1); // drop line 3 and renumber nothing: line 4 now follows line 2 with a wrong link
    ls.push('{"at":"2026-11-23T07:00:00.000Z","by":"x","action":"case/record","entity":"case","id":"forged"}');
    await write(dir, ls);
    const { problems } = await checkDataDir(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toMatch(/^line 3: sequence 4 follows 2/);

    const dir2 = await folder();
    await write(dir2, [...(await lines(dir2)), '{"at":"2026-11-23T07:00:00.000Z","by":"x","action":"case/record","entity":"case","id":"forged"}']);
    expect((await checkDataDir(dir2)).problems).toEqual([{ file: AUDIT, problem: expect.stringMatching(/^line 5 has no sequence number or hash inside the journal/) }]);
  });

  it('a changed line not yet compacted into the files stops the folder from opening, naming the file and line, and nothing is rewritten', async () => {
    const dir = await folder();
    // as if the snapshots were older: the checkpoint before every line, so all four are replayed at start-up
    await fs.writeFile(path.join(dir, 'journal.json'), JSON.stringify({ schemaVersion: 3, seq: 0, file: '', offset: 0, hash: '' }));
    const ls = await lines(dir);
    ls[3] = ls[3]!.replace('درخواست سوم', 'درخواست جعلی');
    await write(dir, ls);
    const before = await fs.readFile(path.join(dir, AUDIT), 'utf8');
    const err = await openBackend({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'corrupt-file', message: expect.stringMatching(/«\u2068?audit\/1405-09\.jsonl\u2069?» در سطر ۴/) });
    expect(await fs.readFile(path.join(dir, AUDIT), 'utf8')).toBe(before);
  });
});
