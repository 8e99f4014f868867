// Reads the words of a PDF page with their positions (pdftotext -bbox) to check right-to-left order.
import { execFileSync } from 'node:child_process';

export type PdfWord = { text: string; xMin: number; xMax: number; yMin: number; yMax: number };

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function pdfWords(file: string, page = 1): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5]!),
  }));
}

export function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

const PAIRS: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '«': '»', '»': '«' };
/** Persian digits, Arabic letter forms and ZWNJ compared loosely; brackets as drawn in RTL. */
const norm = (t: string): string => t.replace(/\u200c/g, '').replace(/ي/g, 'ی').replace(/ك/g, 'ک')
  .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
const reversedRtl = (t: string): string => [...t].reverse().map((c) => PAIRS[c] ?? c).join('');

// The lam-alef ligature comes out of poppler in logical order inside an otherwise visual-order word.
const lamAlef = (t: string): string => t.replace(/لا|ال/g, '\u0000');

/** poppler reports an RTL word's letters in visual order: accept the word as typed or as drawn. */
export function sameWord(pdfText: string, word: string): boolean {
  const a = norm(pdfText);
  const b = lamAlef(norm(word));
  return lamAlef(a) === b || lamAlef(reversedRtl(a)) === b || lamAlef([...a].reverse().join('')) === b;
}

/** The words on the same line as `w`, right to left. */
export function lineOf(words: PdfWord[], w: PdfWord): PdfWord[] {
  const mid = (w.yMin + w.yMax) / 2;
  return words.filter((o) => Math.abs((o.yMin + o.yMax) / 2 - mid) < 3).sort((a, b) => b.xMin - a.xMin);
}

/** True when the phrase's words stand on one line, first word rightmost, in reading order (poppler splits a word at its ZWNJ). */
export function readsRightToLeft(words: PdfWord[], phrase: string): boolean {
  const parts = phrase.split(/[\s\u200c]+/);
  for (const start of words.filter((w) => sameWord(w.text, parts[0]!))) {
    const line = lineOf(words, start);
    const i = line.indexOf(start);
    if (parts.every((p, k) => line[i + k] && sameWord(line[i + k]!.text, p))) return true;
  }
  return false;
}

export function findWord(words: PdfWord[], word: string): PdfWord | undefined {
  return words.find((w) => sameWord(w.text, word));
}
