// Display helpers: Persian digits and Jalali dates from stored values.
import { formatJalaliLong, formatJalaliShort, parseJalali } from '../../shared/jalali';
import { persianNumber, toAsciiDigits, toPersianDigits } from '../../shared/persian-text';
import type { MeetingDay } from '../../shared/domain';
import { placeLabel } from '../../shared/labels';

/** Persian digits; a number's decimal point becomes the Persian decimal separator («۴۱٫۳»). */
export const fa = (v: string | number): string => (typeof v === 'number' ? persianNumber(v) : toPersianDigits(v));

/** File bytes that came over the API as base64 (PDF, DOCX, CSV) as a Blob for a viewer or a download. */
export function base64Blob(base64: string, type = 'application/octet-stream'): Blob {
  return new Blob([Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))], { type });
}

/** Offers a file the backend made (base64) as a browser download. */
export function saveFile(file: { fileName: string; base64: string }, type?: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(base64Blob(file.base64, type));
  a.download = file.fileName;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** The non-empty lines of a textarea (lists edited one item per line). */
export const lines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** A number typed in any digit script («۱۰», «10»); NaN when it is not one (the API then explains). */
/** A typed number back from the screen: any digits, with or without thousands separators («۱۲٬۰۰۰»). */
export const toNumber = (s: string): number => Number(toAsciiDigits(s.trim()).replace(/[,\u066C]/g, '') || NaN);

/** '1405/09/03' → «۱۴۰۵/۰۹/۰۳» */
export const faDate = (jalali: string): string => {
  const d = parseJalali(jalali);
  return d ? formatJalaliShort(d) : jalali;
};

/** '1405/09/03' → «دوشنبه ۳ آذر ۱۴۰۵» */
/** A meeting day as the lists that choose one name it: its date and where it was held (the office, at a county). */
export const dayOption = (d: MeetingDay): string => `${faDate(d.date)} — ${placeLabel(d)}`;

export const faDateLong = (jalali: string): string => {
  const d = parseJalali(jalali);
  return d ? formatJalaliLong(d) : jalali;
};

export { formatInstant as faInstant } from '../../shared/jalali';
