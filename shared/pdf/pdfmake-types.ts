// The small part of pdfmake's document model Didar uses (pdfmake 0.3 ships no TypeScript types).

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
  | (Style & { table: { widths?: (number | string)[]; headerRows?: number; body: Content[][]; dontBreakRows?: boolean }; layout?: string | object })
  | (Style & { canvas: object[] })
  | { text: ''; pageBreak: 'before' | 'after' };

export type DocDefinition = {
  pageSize?: string | { width: number; height: number | 'auto' };
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: [number, number, number, number];
  info?: { title?: string; author?: string; subject?: string };
  defaultStyle?: Style;
  styles?: Record<string, Style>;
  content: Content[];
  header?: unknown;
  footer?: unknown;
  background?: unknown;
  watermark?: { text: string; color?: string; opacity?: number; bold?: boolean; fontSize?: number };
};
