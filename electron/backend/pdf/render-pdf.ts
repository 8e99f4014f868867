// Every PDF of Didar is drawn here: the document is built on the caller's thread from the store's data,
// and drawn in the PDF worker (pdf-worker.ts), started on first use or warmed when a server starts.
import type { DocDefinition } from '../../../shared/pdf/pdfmake-types';
import { PdfWorker } from './pdf-worker';

const worker = new PdfWorker();

export function renderPdf(doc: DocDefinition): Promise<Buffer> {
  return worker.render(doc);
}

/** Draws `doc` once in the background so that pdfmake, the fonts and the JIT are ready in the worker. */
export function warmRendererWith(doc: DocDefinition): void {
  worker.warm(doc);
}
