// Building blocks for right-to-left documents: tables whose first column is rightmost, and the common
// document defaults (Vazirmatn, right alignment). Used by the slip, letters, circulars and reports.
import type { Content, DocDefinition, Style } from './pdfmake-types';

export const PDF_FONT = 'Vazirmatn';

/** Columns are given in reading order (first = rightmost) and laid out right to left. */
export function rtlTable(
  body: Content[][],
  options: { widths?: (number | string)[]; headerRows?: number; layout?: string | object; dontBreakRows?: boolean } = {},
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

export const THIN_LINES = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#9aa5b1',
  vLineColor: () => '#9aa5b1',
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export const NO_LINES = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 2,
  paddingRight: () => 2,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

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
