// Runs the grouping engine in a worker thread: the built app's bundled worker, or the TypeScript source
// through tsx when the backend itself runs from source (web shell, CLI, tests).
import { Worker } from 'node:worker_threads';
import type { GroupingInput, GroupingRun } from '../../../shared/grouping/engine';
import type { FromWorker, ToWorker } from './protocol';

/** Cases per message: small enough that a chunk's copy is a few megabytes, large enough that round trips do not count. */
const CHUNK = 5000;

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker-from-source.mjs', import.meta.url) : new URL('./grouping-worker.js', import.meta.url);
}

/** Groups `count` cases, made one chunk at a time by `input(i)` so their copies never all exist at once. */
export function groupInWorker(count: number, input: (i: number) => GroupingInput, counties: readonly string[]): Promise<{ run: GroupingRun; ms: number }> {
  const worker = new Worker(workerUrl());
  const send = (m: ToWorker): void => worker.postMessage(m);
  let next = 0;
  return new Promise<{ run: GroupingRun; ms: number }>((resolve, reject) => {
    worker.on('message', (m: FromWorker) => {
      // A failure while preparing the next chunk must settle the promise, or the board would wait forever.
      try {
        if (m.kind === 'failed') reject(new Error(m.error));
        else if (m.kind === 'done') resolve({ run: m.run, ms: m.ms });
        else if (next < count) {
          const end = Math.min(count, next + CHUNK);
          const cases: GroupingInput[] = [];
          for (; next < end; next++) cases.push(input(next));
          send({ kind: 'cases', cases });
        } else send({ kind: 'finish' });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`grouping worker exited (${code})`)));
    send({ kind: 'start', counties: [...counties] });
  }).finally(() => void worker.terminate());
}
