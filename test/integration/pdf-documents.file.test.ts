import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReferralLetterPdf } from '../../electron/backend/pdf/referral-letter-pdf';
import { renderSlipPdf } from '../../electron/backend/pdf/slip-pdf';
import { findWord, lineOf, pageCount, pdfWords, readsRightToLeft, sameWord } from '../helpers/pdf-words';
import { tempDir } from '../helpers/backend';

const slip = {
  officeName: 'استانداری مازندران', governor: 'استاندار', code: '0500000031', citizenName: 'کاظم اسماعیلی', nationalIdMasked: '001*****31',
  meetingDate: 'سه‌شنبه ۶ مرداد ۱۴۰۵', place: 'مرکز استان',
  issue: 'قطعی برق در ساعات شب (حدود ۴ ساعت) باعث شده پمپ آب منازل کار نکند و بیماران تنفسی در خطرند.',
  order: 'بازرسی استانداری علت تأخیر را بررسی و ظرف دو هفته گزارش کند.', orderType: 'بررسی و گزارش',
  department: 'شرکت توزیع برق', dueDate: 'سه‌شنبه ۲۰ مرداد ۱۴۰۵', followUpPhone: '011-33300000',
  followUpAddress: 'ساری، میدان امام، ساختمان استانداری', printedAt: '۱۴۰۵/۰۹/۰۲ ۱۰:۳۰',
};

async function write(name: string, pdf: Buffer): Promise<string> {
  const file = path.join(await tempDir('didar-pdf-'), name);
  await fs.writeFile(file, pdf);
  return file;
}

describe.each(['a5', 'receipt80'] as const)('tracking slip (%s)', (layout) => {
  it('reads right to left, keeps the code and numbers intact, fits one page', async () => {
    const file = await write('slip.pdf', await renderSlipPdf({ ...slip, duplicate: false, layout }));
    expect(pageCount(file)).toBe(1);
    const words = pdfWords(file);
    expect(readsRightToLeft(words, 'رسید پیگیری')).toBe(true);
    expect(readsRightToLeft(words, 'استانداری مازندران')).toBe(true);
    expect(readsRightToLeft(words, 'شرکت توزیع برق')).toBe(true);
    expect(readsRightToLeft(words, 'قطعی برق در ساعات شب')).toBe(true);
    expect(readsRightToLeft(words, '۶ مرداد ۱۴۰۵')).toBe(true); // poppler splits words at ZWNJ: phrases avoid them
    // the tracking code is one left-to-right token, in Persian digits
    expect(words.map((w) => w.text)).toContain('۰۵۰۰۰۰۰۰۳۱');
    expect(words.map((w) => w.text)).toContain('۰۰۱*****۳۱');
    expect(words.map((w) => w.text)).toContain('۰۱۱-۳۳۳۰۰۰۰۰');
    // «(حدود ۴ ساعت)»: poppler gives glyphs left to right, so the opening bracket, drawn mirrored, ends the word
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['دودح)', '(تعاس']));
    expect(words.some((w) => w.text.includes('المثنی') || w.text.includes('ینثملا'))).toBe(false);
    if (layout === 'a5') {
      // the label column is right of its value: «نام مراجع» stands right of the citizen's name
      const label = findWord(words, 'مراجع')!;
      const name = lineOf(words, label).find((w) => sameWord(w.text, 'اسماعیلی'))!;
      expect(label.xMin).toBeGreaterThan(name.xMax);
    }
  });

  it('marks a reprint «المثنی»', async () => {
    const file = await write('dup.pdf', await renderSlipPdf({ ...slip, duplicate: true, layout }));
    const words = pdfWords(file);
    expect(words.some((w) => w.text === 'المثنی' || w.text === 'ینثملا')).toBe(true);
  });
});

describe('referral letter', () => {
  it('lays out an official letter with its table right to left', async () => {
    const file = await write('letter.pdf', await renderReferralLetterPdf({
      officeName: 'استانداری مازندران', officeUnit: 'دفتر ارتباطات مردمی', department: 'شرکت توزیع برق', number: '14050902/1',
      date: 'دوشنبه ۲ آذر ۱۴۰۵', signerName: 'علی رضایی', signerTitle: 'مدیرکل دفتر ارتباطات مردمی', governor: 'استاندار',
      rows: [
        { code: '0500000031', citizen: 'کاظم اسماعیلی', county: 'بهشهر', issue: 'قطعی برق شبانه', order: 'بررسی شود', due: '۱۴۰۵/۰۹/۱۶' },
        { code: '0500000048', citizen: 'لیلا علیزاده', county: 'نکا', issue: 'افت ولتاژ', order: 'اقدام شود', due: '۱۴۰۵/۰۹/۱۷' },
      ],
    }));
    const words = pdfWords(file);
    expect(readsRightToLeft(words, 'بسمه تعالی')).toBe(true);
    expect(readsRightToLeft(words, 'با سلام و احترام')).toBe(true);
    expect(readsRightToLeft(words, 'به استناد دستور استاندار محترم')).toBe(true);
    // header cells: «ردیف» rightmost, «مهلت پاسخ» leftmost
    const first = findWord(words, 'ردیف')!;
    const header = lineOf(words, first);
    expect(header[0]).toBe(first);
    expect(header.at(-1)!.text).toMatch(/خساپ|پاسخ/);
    // codes in Persian digits and left to right, on the rows
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['۰۵۰۰۰۰۰۰۳۱', '۰۵۰۰۰۰۰۰۴۸']));
    expect(words.map((w) => w.text)).toContain('۱۴۰۵۰۹۰۲/۱');
  });
});
