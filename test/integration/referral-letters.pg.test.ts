// Two servers on one database refer at the same time: each draws its letters before its unit of work with the
// numbers it expects, and when the other server took one of them meanwhile it draws them again, so every
// letter carries the number its cases were referred with, and no number is given twice.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { SlipFile } from '../../shared/api';
import type { Case } from '../../shared/domain';
import { ok, openTestBackend, openToday, tempDir, tempStore, validCitizen } from '../helpers/backend';
import { findWord, pdfWords } from '../helpers/pdf-words';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const persianDigits = (s: string): string => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

describe('referral letters from two servers on one database', () => {
  it('give every letter its own number, the one its cases were referred with', async () => {
    const at = await tempStore();
    const a = await openTestBackend(at);
    open.push(a);
    const b = await openTestBackend(at);
    open.push(b);
    const day = await openToday(a);
    const cases: Case[] = [];
    for (let i = 0; i < 8; i++) {
      cases.push(await ok(i % 2 ? b : a, 'case/record', {
        meetingDayId: day.id, citizen: validCitizen, text: `مشکل شماره ${i + 1} روستا حل نشده است`,
        order: { type: 'act', leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: '' },
      }));
    }
    const replies = await Promise.all(cases.map((c, i) => ok(i % 2 ? b : a, 'case/refer', { ids: [c.id] })));
    const numbers: string[] = [];
    const dir = await tempDir();
    for (const r of replies) {
      const n = r.cases[0]!.referrals.at(-1)!.letterNo!;
      numbers.push(n);
      const letter: SlipFile = r.letters[0]!;
      expect(letter.fileName).toBe(`didar-referral-${n.replace('/', '-')}.pdf`);
      const file = path.join(dir, letter.fileName);
      fs.writeFileSync(file, Buffer.from(letter.base64, 'base64'));
      expect(findWord(pdfWords(file), persianDigits(n))).toBeDefined();
    }
    expect(numbers.map((n) => Number(n.split('/')[1])).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
