// Persian text utilities: digit and letter normalisation, display digits, input sanitising.
// Pure: used by the renderer, the backend, the PDF documents and the grouping engine.

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= PERSIAN_ZERO ? c - PERSIAN_ZERO : c - ARABIC_INDIC_ZERO);
  });
}

/** ASCII and Arabic-Indic digits → Persian digits, for display. */
export function toPersianDigits(s: string | number): string {
  return String(s).replace(/[0-9\u0660-\u0669]/g, (d) => {
    const c = d.charCodeAt(0);
    const n = c >= ARABIC_INDIC_ZERO ? c - ARABIC_INDIC_ZERO : c - 48;
    return String.fromCharCode(PERSIAN_ZERO + n);
  });
}

/**
 * A number for display: Persian digits, the Persian decimal separator («۴۱٫۳») and, from 10,000 on, the
 * Persian thousands separator («۱۰۰٬۰۰۰»); four-digit numbers such as years stay whole («۱۴۰۵»).
 */
export function persianNumber(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = Math.abs(n) >= 10_000 && /^-?\d+$/.test(whole) ? whole.replace(/\B(?=(\d{3})+$)/g, '\u066C') : whole;
  return toPersianDigits(fraction === undefined ? grouped : `${grouped}\u066B${fraction}`);
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A piece of displayed text set apart for the bidi algorithm (first-strong isolate): a name, a code, a letter
 * number or a count keeps its place and its own direction inside a Persian sentence. Display only: stored
 * text never holds these marks (normalizeText removes them).
 */
export function isolate(s: string | number): string {
  return `${FSI}${s}${PDI}`;
}

/** Arabic letter forms that Persian keyboards and old systems produce → Persian letters. */
const LETTER_MAP: Record<string, string> = {
  'ي': 'ی', // Arabic yeh
  'ى': 'ی', // alef maksura
  'ك': 'ک', // Arabic kaf
};

export function normalizeLetters(s: string): string {
  return s.replace(/[يىك]/g, (ch) => LETTER_MAP[ch] ?? ch);
}

// Bidi marks, embeddings, overrides and isolates (the Arabic letter mark U+061C too), C0/C1 controls (except tab
// and newline) and invisible characters (zero-width space, word joiner, byte-order mark) never belong in stored
// text: they reorder what a clerk or a PDF shows or hide a difference. ZWNJ (U+200C) is Persian spelling: kept.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

export function stripUnsafeControls(s: string): string {
  return s.replace(UNSAFE_CONTROLS, '');
}

/**
 * Canonical form of free text typed by a clerk: Persian letters, Arabic-Indic digits as Persian,
 * no unsafe controls, trimmed, runs of spaces folded (newlines kept).
 */
export function normalizeText(s: string): string {
  return stripUnsafeControls(normalizeLetters(s))
    .replace(/[\u0660-\u0669]/g, (d) => String.fromCharCode(PERSIAN_ZERO + d.charCodeAt(0) - ARABIC_INDIC_ZERO))
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Single-line variant for names, places and other short fields. */
export function normalizeLine(s: string): string {
  return normalizeText(s).replace(/\s+/g, ' ');
}

/** Only the digits of an input in any script, e.g. a national ID typed with dashes or Persian digits. */
export function digitsOnly(s: string): string {
  return toAsciiDigits(s).replace(/[\s\-_.()/]/g, '');
}

/** Characters that search folds: Arabic letter forms, diacritics, tatweel, ZWNJ/ZWJ and non-ASCII digits. */
const FOLD: Record<string, string> = (() => {
  const m: Record<string, string> = { 'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ؤ': 'و', 'ة': 'ه', 'ۀ': 'ه', '\u200C': '', '\u200D': '', '\u0640': '', '\u0670': '' };
  for (let c = 0x064b; c <= 0x065f; c++) m[String.fromCharCode(c)] = ''; // harakat
  for (let d = 0; d < 10; d++) {
    m[String.fromCharCode(0x06f0 + d)] = String(d);
    m[String.fromCharCode(0x0660 + d)] = String(d);
  }
  return m;
})();
const FOLD_RE = /[\u064A\u0649\u0643\u0623\u0625\u0622\u0624\u0629\u06C0\u0640\u06F0-\u06F9\u0660-\u0669]|[\u064B-\u065F]|\u0670|\u200C|\u200D/g;

/**
 * Folded form for matching and search: letters and digits unified, ZWNJ and diacritics removed,
 * so «مي‌خواهم», «میخواهم» and «می خواهم» compare equal after whitespace removal where needed.
 * Runs over every case at start-up, so it touches only the characters that change.
 */
export function foldForSearch(s: string): string {
  return s.replace(FOLD_RE, (ch) => FOLD[ch] ?? ch).replace(/\s+/g, ' ').trim().toLowerCase();
}
