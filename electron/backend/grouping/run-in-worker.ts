// Runs the grouping engine in a worker thread: the built app's bundled worker, or the TypeScript source
// through tsx when the backend itself runs from source (web shell, CLI, tests).
import { Worker } from 'node:worker_threads';
import type { GroupingInput, GroupingRun } from '../../../shared/grouping/engine';

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker-from-source.mjs', import.meta.url) : new URL('./grouping-worker.js', import.meta.url);
}

export function groupInWorker(cases: readonly GroupingInput[]): Promise<{ run: GroupingRun; ms: number }> {
  const worker = new Worker(workerUrl());
  return new Promise<{ run: GroupingRun; ms: number }>((resolve, reject) => {
    worker.once('message', (m: { ok: true; run: GroupingRun; ms: number } | { ok: false; error: string }) => {
      if (m.ok) resolve({ run: m.run, ms: m.ms });
      else reject(new Error(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`grouping worker exited (${code})`)));
    worker.postMessage(cases);
  }).finally(() => void worker.terminate());
}
