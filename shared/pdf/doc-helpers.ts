// Building blocks for right-to-left documents: tables whose first column is rightmost, and the common
// document defaults (Vazirmatn, right alignment). Used by the slip, letters, circulars and reports.
import { toPersianDigits } from '../persian-text';
import type { Content, DocDefinition, PageNumbers, Style } from './pdfmake-types';

export const PDF_FONT = 'Vazirmatn';

/** Columns are given in reading order (first = rightmost) and laid out right to left. */
export function rtlTable(
  body: Content[][],
  options: { widths?: (number | string)[]; headerRows?: number; layout?: TableLayoutName; dontBreakRows?: boolean } = {},
): Content {
  return {
    table: {
      body: body.map((row) => [...row].reverse()),
      ...(options.widths ? { widths: [...options.widths].reverse() } : {}),
      ...(options.headerRows ? { headerRows: options.headerRows } : {}),
      ...(options.dontBreakRows ? { dontBreakRows: true } : {}),
    },
    ...(options.layout ? { layout: options.layout } : {}),
  };
}

/** Columns in reading order: the first one is placed on the right. */
export function rtlColumns(columns: Content[], columnGap = 10): Content {
  return { columns: [...columns].reverse(), columnGap };
}

/**
 * Table layouts by name: a document is plain data, built where the store is and drawn by the PDF worker, so
 * it carries no functions. The renderer registers these under their names.
 */
export const TABLE_LAYOUTS = {
  thinLines: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#9aa5b1',
    vLineColor: () => '#9aa5b1',
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  noLines: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 2,
    paddingRight: () => 2,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
} as const;

export type TableLayoutName = keyof typeof TABLE_LAYOUTS;
export const THIN_LINES: TableLayoutName = 'thinLines';
export const NO_LINES: TableLayoutName = 'noLines';

/** The footer function pdfmake calls on each page, from a document's page-number footer (data). */
export function pageFooter(f: PageNumbers): (page: number, pages: number) => Content {
  const { pageNumbers, ...style } = f;
  return (page, pages) => ({ ...style, text: toPersianDigits(pageNumbers.replace('{page}', String(page)).replace('{pages}', String(pages))) });
}

export const BASE_STYLE: Style = { font: PDF_FONT, fontSize: 10, alignment: 'right', lineHeight: 1.25 };

export function rtlDocument(doc: Omit<DocDefinition, 'defaultStyle'> & { defaultStyle?: Style }): DocDefinition {
  return { ...doc, defaultStyle: { ...BASE_STYLE, ...doc.defaultStyle } };
}

/** Shortens a long text for a slip or a table cell, at a word boundary. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trim()}…`;
}
