// Worker thread that draws PDFs: a slip takes tens of milliseconds of CPU and a report far more, which on
// the backend's thread would hold up every other desk's call. The document arrives built; only pdfmake runs here.
import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../background-thread';
import { drawPdf } from './pdfmake';
import type { FromPdfWorker, ToPdfWorker } from './protocol';

runInBackground();

const reply = (m: FromPdfWorker): void => parentPort!.postMessage(m);

parentPort?.on('message', async ({ id, doc }: ToPdfWorker) => {
  try {
    const pdf = await drawPdf(doc);
    reply({ id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) });
  } catch (e) {
    reply({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
