// One long-lived worker thread that draws every PDF (slips, letters, circulars, reports) one at a time, so a
// document never holds up the backend's event loop. A worker that dies (a crash, its heap limit) fails only
// the document it was drawing, with a Persian message, and a fresh one takes the queue.
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import type { DocDefinition } from '../../../shared/pdf/pdfmake-types';
import { startWorker } from '../start-worker';
import type { FromPdfWorker, ToPdfWorker } from './protocol';

/** Ample for a slip (about 40 MB) and for reports of thousands of rows; a document beyond it is refused, not the process. */
export const PDF_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 512 };

type Job = { doc: DocDefinition; resolve: (pdf: Buffer) => void; reject: (e: Error) => void; warm: boolean };

export class PdfWorker {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private current: (Job & { id: number }) | null = null;
  private nextId = 1;
  /** Documents someone waits for (not warm-ups): while there are any, the worker keeps the process alive. */
  private waiting = 0;
  /** The warm-up document, drawn again by a worker started after one died. */
  private warmDoc: DocDefinition | null = null;

  constructor(private readonly limits: ResourceLimits = PDF_WORKER_LIMITS) {}

  render(doc: DocDefinition): Promise<Buffer> {
    return this.enqueue(doc, false);
  }

  /** Starts the worker and draws `doc` once in the background, so pdfmake, the fonts and the JIT are ready. */
  warm(doc: DocDefinition): void {
    this.warmDoc = doc;
    if (!this.worker && !this.current && !this.queue.length) this.enqueue(doc, true).catch(() => undefined);
  }

  /** Stops the worker; documents still queued are failed. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const job of this.queue.splice(0)) this.settle(job, new DidarError('internal', msg.pdfFailed));
    if (this.current) this.settle(this.current, new DidarError('internal', msg.pdfFailed));
    this.current = null;
    await worker?.terminate();
  }

  private enqueue(doc: DocDefinition, warm: boolean): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ doc, resolve, reject, warm });
      if (!warm) this.waiting++;
      this.pump();
    });
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.worker ?? this.start();
    this.current = { ...job, id: this.nextId++ };
    this.holdProcess();
    try {
      worker.postMessage({ id: this.current.id, doc: job.doc } satisfies ToPdfWorker);
    } catch (e) {
      // a document that cannot be copied (a function left in it) is a bug of its builder; the worker is fine
      this.finish(new DidarError('internal', msg.pdfFailed, undefined, `PDF document not sent to the worker: ${String(e)}`));
    }
  }

  private start(): Worker {
    const worker = startWorker(new URL('./worker.ts', import.meta.url), 'pdf-worker.js', { resourceLimits: this.limits });
    let failure: Error | null = null;
    worker.on('message', (m: FromPdfWorker) => {
      if (worker !== this.worker || m.id !== this.current?.id) return;
      this.finish('pdf' in m ? Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength)
        : new DidarError('internal', msg.pdfFailed, undefined, `PDF worker: ${m.error}`));
    });
    worker.on('error', (e) => (failure = e));
    worker.on('exit', (code) => {
      if (worker !== this.worker) return; // closed, or already replaced
      this.worker = null;
      const tooLarge = (failure as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const english = `PDF worker stopped (${failure ? String(failure) : `exit code ${code}`}); a new one is started`;
      console.warn(`[didar] ${english}`);
      if (this.current) this.finish(new DidarError('internal', tooLarge ? msg.pdfTooLarge : msg.pdfFailed, undefined, english));
      if (this.warmDoc) this.warm(this.warmDoc); // a fresh worker at once, not at the next citizen's slip
    });
    this.worker = worker;
    return worker;
  }

  private finish(result: Buffer | Error): void {
    const job = this.current!;
    this.current = null;
    this.settle(job, result);
    this.pump();
    this.holdProcess();
  }

  private settle(job: Job, result: Buffer | Error): void {
    if (!job.warm) this.waiting--;
    if (result instanceof Error) job.reject(result);
    else job.resolve(result);
  }

  /** An idle worker (or one only warming up) must not keep a command-line run or a test alive. */
  private holdProcess(): void {
    if (this.waiting > 0) this.worker?.ref();
    else this.worker?.unref();
  }
}
