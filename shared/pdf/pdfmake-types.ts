// The small part of pdfmake's document model Didar uses (pdfmake 0.3 ships no TypeScript types).
import type { TableLayoutName } from './doc-helpers';

export type Alignment = 'left' | 'right' | 'center' | 'justify';

export type Style = {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  color?: string;
  alignment?: Alignment;
  lineHeight?: number;
  margin?: number | [number, number] | [number, number, number, number];
  fillColor?: string;
};

export type Content =
  | string
  | (Style & { text: string | Content[]; style?: string | string[]; noWrap?: boolean; preserveLeadingSpaces?: boolean })
  | (Style & { image: string; width?: number; height?: number; fit?: [number, number] })
  | (Style & { qr: string; fit?: number })
  | (Style & { columns: Content[]; columnGap?: number })
  | (Style & { stack: Content[] })
  | (Style & { table: { widths?: (number | string)[]; headerRows?: number; body: Content[][]; dontBreakRows?: boolean }; layout?: TableLayoutName })
  | (Style & { canvas: object[] })
  | { text: ''; pageBreak: 'before' | 'after' };

/** A footer of page numbers: `{page}` and `{pages}` in the text are replaced on each page, in Persian digits. */
export type PageNumbers = Style & { pageNumbers: string };

export type DocDefinition = {
  pageSize?: string | { width: number; height: number | 'auto' };
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: [number, number, number, number];
  info?: { title?: string; author?: string; subject?: string };
  defaultStyle?: Style;
  styles?: Record<string, Style>;
  content: Content[];
  /** Plain data like the rest (no functions): the document crosses to the PDF worker. */
  footer?: PageNumbers;
  /** Images drawn as QR codes of these texts, by name (`{ image: name }`), where the PDF is drawn. */
  qrImages?: Record<string, string>;
  watermark?: { text: string; color?: string; opacity?: number; bold?: boolean; fontSize?: number };
};
