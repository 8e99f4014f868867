// Right-to-left layout of one laid-out line of a PDF, done once for every document.
// pdfmake breaks lines and measures words in logical order and draws them left to right; the text shaper
// (fontkit) reverses every run whose script is right to left. This module turns a line's inlines (logical
// order) into visual segments: split where the bidi level changes, reordered by the Unicode bidi algorithm
// (rule L2), brackets mirrored, and each segment's text given in the order the shaper will draw correctly.
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Explicit bidi controls: they steer the algorithm but have no glyph in the font. */
const CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const LRI = '\u2066';
const PDI = '\u2069';

/** Keeps a code, phone number or national ID left to right inside Persian text (e.g. «09121234567», «001*****31»). */
export function ltrIsolate(s: string): string {
  return `${LRI}${s}${PDI}`;
}

export function stripControls(s: string): string {
  return s.replace(CONTROLS, '');
}

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const NEUTRAL_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Whether the shaper will draw this text reversed: decided, as fontkit does, by its first non-common character. */
export function shaperReverses(text: string): boolean {
  for (const ch of text) {
    if (NEUTRAL_SCRIPT.test(ch)) continue;
    return RTL_SCRIPT.test(ch);
  }
  return false;
}

const reverse = (s: string): string => [...s].reverse().join('');
const mirror = (s: string): string => [...s].map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');

export type VisualSegment<T> = {
  /** The inline this piece of text came from (for its font, size, colour, link…). */
  source: T;
  /** What to hand to the shaper so that it draws `visual`. */
  glyphs: string;
  /** The characters as they appear on the page, left to right. */
  visual: string;
  level: number;
};

/** Splits a line's inlines into runs of one bidi level and returns them in visual order, left to right. */
export function visualLine<T extends { text: string }>(inlines: readonly T[], direction: 'rtl' | 'ltr' = 'rtl'): VisualSegment<T>[] {
  const text = inlines.map((i) => i.text).join('');
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const segments: { source: T; text: string; level: number }[] = [];
  let pos = 0;
  for (const inline of inlines) {
    let start = 0;
    for (let k = 1; k <= inline.text.length; k++) {
      if (k === inline.text.length || levels[pos + k] !== levels[pos + start]) {
        segments.push({ source: inline, text: inline.text.slice(start, k), level: levels[pos + start]! });
        start = k;
      }
    }
    pos += inline.text.length;
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above.
  const max = Math.max(0, ...segments.map((s) => s.level));
  const minOdd = Math.min(...segments.map((s) => s.level).filter((l) => l % 2 === 1), max + 1);
  for (let lev = max; lev >= minOdd && lev > 0; lev--) {
    for (let i = 0; i < segments.length; ) {
      if (segments[i]!.level < lev) {
        i++;
        continue;
      }
      let j = i;
      while (j < segments.length && segments[j]!.level >= lev) j++;
      segments.splice(i, j - i, ...segments.slice(i, j).reverse());
      i = j;
    }
  }
  return segments
    .map((s) => {
      const clean = stripControls(s.text);
      const visual = s.level % 2 === 1 ? reverse(mirror(clean)) : clean;
      return { source: s.source, level: s.level, visual, glyphs: shaperReverses(visual) ? reverse(visual) : visual };
    })
    .filter((s) => s.visual.length > 0);
}
