// Starts a worker thread from the built app's bundled entry, or from its TypeScript source through tsx when
// the backend itself runs from source (web shell, CLI, tests). One place for both, for every worker.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `source`: the worker's .ts module; `bundled`: its entry's file name in the build (electron.vite.config.ts). */
export function startWorker(source: URL, bundled: string, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  return import.meta.url.endsWith('.ts')
    ? new Worker(new URL('./worker-from-source.mjs', import.meta.url), { ...options, workerData: { entry: source.href } })
    : new Worker(new URL(`./${bundled}`, import.meta.url), options);
}
