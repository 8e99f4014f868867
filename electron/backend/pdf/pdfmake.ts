// pdfmake with the bundled Vazirmatn font and Didar's right-to-left step applied to every laid-out line
// (shared/pdf/bidi-line.ts). Runs in the PDF worker (pdf-worker.ts): pdfmake and the fonts load once there.
import { createRequire } from 'node:module';
import path from 'node:path';
import QRCode from 'qrcode';
import { stripControls, visualLine } from '../../../shared/pdf/bidi-line';
import { pageFooter, TABLE_LAYOUTS } from '../../../shared/pdf/doc-helpers';
import type { DocDefinition } from '../../../shared/pdf/pdfmake-types';

// not named `require`: the bundler adds its own `require` to a worker's entry, and two would not load
const load = createRequire(import.meta.url);

type PdfFont = { widthOfString(text: string, size: number, features?: unknown): number };
type Inline = { text: string; font: PdfFont; fontSize: number; fontFeatures?: unknown; x: number; width: number; alignment?: string };
type Line = { inlines: Inline[]; inlineWidths: number; leadingCut: number; trailingCut: number };
type PdfMake = {
  addFonts(f: object): void;
  addTableLayouts(l: object): void;
  setUrlAccessPolicy(f: (url: string) => boolean): void;
  setLocalAccessPolicy(f: (p: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
};

export const FONT = 'Vazirmatn';

/** Where the Vazirmatn TTF files are, whether Didar runs from source or bundled. */
export function fontDir(): string {
  return path.join(path.dirname(load.resolve('vazirmatn/package.json')), 'fonts', 'ttf');
}

const width = (i: Inline, text: string): number => (text ? i.font.widthOfString(text, i.fontSize, i.fontFeatures) : 0);

/** Reorders one line for right-to-left reading; pdfmake then aligns and draws it as usual. */
export function reorderLine(line: Line): void {
  if (!line.inlines.length || !line.inlines.every((i) => typeof i.text === 'string' && i.font)) return;
  const segments = visualLine(line.inlines);
  if (!segments.length) return;
  const first = segments[0]!;
  const last = segments.at(-1)!;
  const lead = width(first.source, first.visual.match(/^\s*/)![0]);
  const trail = width(last.source, last.visual.match(/\s*$/)![0]);
  let x = 0;
  line.inlines = segments.map((s) => {
    const w = width(s.source, s.glyphs);
    const inline = { ...s.source, text: s.glyphs, width: w, x: x - lead };
    x += w;
    return inline;
  });
  line.inlineWidths = x;
  line.leadingCut = lead;
  line.trailingCut = trail;
}

let instance: PdfMake | null = null;

type Fontkit = { create(src: Uint8Array, postscriptName?: string): unknown };
/** A parsed font's glyph objects: each keeps the characters of its first use, which the PDF's text layer is made of. */
type ParsedFont = { _glyphs?: Record<number, unknown> };
const parsed: { bytes: Buffer; name: string | undefined; font: ParsedFont }[] = [];

/**
 * pdfkit parses the font file again for every document (fontkit.create), and Vazirmatn's shaping tables make that
 * most of a slip's CPU. One parsed font per file serves every document (each keeps its own subset); pdfkit is
 * given this fontkit before it loads.
 */
function shareParsedFonts(): void {
  const file = load.resolve('fontkit', { paths: [path.dirname(load.resolve('pdfkit'))] });
  const fontkit = load(file) as Fontkit;
  const create = (src: Uint8Array, name?: string): unknown => {
    const known = parsed.find((p) => p.name === name && p.bytes.equals(src));
    if (known) return known.font;
    const font = fontkit.create(src, name) as ParsedFont;
    parsed.push({ bytes: Buffer.from(src), name, font }); // a copy: pdfkit may reuse what it read
    return font;
  };
  load.cache[file]!.exports = { ...fontkit, create };
}

/**
 * Each document starts with no glyph objects: a glyph remembers the characters it was first drawn for (a letter
 * inside a ligature of an earlier document would otherwise copy and search as the wrong text); the parsed tables stay.
 */
function forgetGlyphs(): void {
  for (const { font } of parsed) if (font._glyphs) font._glyphs = {};
}

function pdfmake(): PdfMake {
  if (instance) return instance;
  shareParsedFonts();
  // Patched once, in one place: the two pdfmake internals that the right-to-left step depends on.
  const ElementWriter = load('pdfmake/js/ElementWriter').default as { prototype: { alignLine(line: Line): void } };
  const TextInlines = load('pdfmake/js/TextInlines').default as { prototype: { widthOfText(t: string, i: Inline): number } };
  const alignLine = ElementWriter.prototype.alignLine;
  ElementWriter.prototype.alignLine = function (this: unknown, line: Line) {
    reorderLine(line);
    return alignLine.call(this, line);
  };
  const widthOfText = TextInlines.prototype.widthOfText;
  TextInlines.prototype.widthOfText = function (this: unknown, text: string, inline: Inline) {
    return widthOfText.call(this, stripControls(text), inline); // bidi controls have no glyph
  };
  const pm = load('pdfmake') as PdfMake;
  const dir = fontDir();
  pm.setUrlAccessPolicy(() => false); // no network, ever
  pm.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir));
  pm.addFonts({
    [FONT]: {
      normal: path.join(dir, 'Vazirmatn-Regular.ttf'),
      bold: path.join(dir, 'Vazirmatn-Bold.ttf'),
      italics: path.join(dir, 'Vazirmatn-Regular.ttf'),
      bolditalics: path.join(dir, 'Vazirmatn-Bold.ttf'),
    },
  });
  pm.addTableLayouts(TABLE_LAYOUTS);
  instance = pm;
  return pm;
}

/**
 * Draws a document. It is plain data: its page-number footer becomes pdfmake's footer function here, and its
 * QR codes are drawn here as images (a PNG takes milliseconds that the backend's thread should not spend).
 */
export async function drawPdf(doc: DocDefinition): Promise<Buffer> {
  const { footer, qrImages, ...rest } = doc;
  const images = Object.fromEntries(await Promise.all(Object.entries(qrImages ?? {}).map(async ([name, text]) => [name, await qrPngDataUrl(text)])));
  const pm = pdfmake();
  forgetGlyphs();
  return pm.createPdf({ ...rest, ...(qrImages ? { images } : {}), ...(footer ? { footer: pageFooter(footer) } : {}) }).getBuffer();
}

/** QR code of a text as a PNG data URL. */
export function qrPngDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });
}
