// Reading data files as text. At start-up with 100,000 cases, decoding UTF-8 is about a third of the
// main thread's work, so a second thread decodes while this one parses: the worker hands back UTF-16,
// which becomes a string here by a plain copy, and its buffer goes back to the worker to be reused.
import fs from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** The file's text, or null when it does not exist; other read errors are thrown as they are. */
export type ReadText = (file: string) => Promise<string | null>;

export const readTextHere: ReadText = async (file) => {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
};

type Request = { id: number; file: string } | { give: ArrayBuffer };
type Reply = { id: number; buffer: ArrayBuffer; bytes: number } | { id: number; missing: true } | { id: number; code: string; message: string };

// Plain JavaScript run with `eval`, so the same code works from source, in the bundle and in Electron.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const spare = [];
parentPort.on('message', (m) => {
  if (m.give) return void spare.push(m.give);
  try {
    const text = fs.readFileSync(m.file, 'utf8');
    const bytes = text.length * 2;
    let buffer = spare.pop();
    if (!buffer || buffer.byteLength < bytes) buffer = new ArrayBuffer(Math.max(bytes, 1 << 20));
    Buffer.from(buffer, 0, bytes).write(text, 'utf16le');
    parentPort.postMessage({ id: m.id, buffer, bytes }, [buffer]);
  } catch (e) {
    if (e && e.code === 'ENOENT') parentPort.postMessage({ id: m.id, missing: true });
    else parentPort.postMessage({ id: m.id, code: String((e && e.code) || ''), message: String((e && e.message) || e) });
  }
});`;

/** A few files' worth of heap: the worker holds one file's text at a time. */
const READER_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 };

export type ParallelReader = {
  read: ReadText;
  /** Settles once the thread runs (true) or has failed and reads are done here (false). */
  started: Promise<boolean>;
  close: () => Promise<void>;
};

/**
 * Reads files through a worker thread. If the worker cannot start or dies (a file too large for its heap,
 * an embedder without worker threads), the reads in flight and every later one are done on this thread.
 */
export function openParallelReader(limits = READER_LIMITS): ParallelReader {
  const pending = new Map<number, { file: string; resolve: (t: string | null) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let worker: Worker | null = null;
  // until the thread is running (some 50 ms), this one reads the first files itself instead of waiting
  let online = false;
  let settle: (running: boolean) => void = () => undefined;
  const started = new Promise<boolean>((resolve) => (settle = resolve));

  /** From now on everything is read here, including the reads the thread had not answered. */
  const fallBack = (): void => {
    worker = null;
    settle(false);
    for (const [id, p] of pending) {
      pending.delete(id);
      readTextHere(p.file).then(p.resolve, p.reject);
    }
  };

  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: limits });
    worker.unref();
    worker.once('online', () => {
      online = true;
      settle(true);
    });
    worker.on('message', (m: Reply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ('buffer' in m) {
        const text = Buffer.from(m.buffer, 0, m.bytes).toString('utf16le');
        worker?.postMessage({ give: m.buffer } satisfies Request, [m.buffer]);
        p.resolve(text);
      } else if ('missing' in m) p.resolve(null);
      else p.reject(Object.assign(new Error(m.message), { code: m.code || undefined }));
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  } catch {
    worker = null;
    settle(false);
  }

  return {
    started,
    read: (file) => {
      if (!worker || !online) return readTextHere(file);
      const id = ++nextId;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { file, resolve, reject });
        w.postMessage({ id, file } satisfies Request);
      });
    },
    close: async () => {
      const w = worker;
      fallBack(); // reads still waiting on the thread are finished here rather than left unsettled
      await w?.terminate(); // its exit calls fallBack once more, with nothing left to do
    },
  };
}
