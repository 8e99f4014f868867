// Runs the grouping engine in a worker thread (one per run: a run is rare and its heap is large).
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ResourceLimits } from 'node:worker_threads';
import type { GroupingInput, GroupingRun } from '../../../shared/grouping/engine';
import type { ProblemLexicon } from '../../../shared/grouping/problem-lexicon';
import { startWorker } from '../start-worker';
import { officeRunBuilder } from './builder';
import type { FromWorker, ToWorker } from './protocol';

/** Cases per message: small enough that a chunk's copy is a few megabytes, large enough that round trips do not count. */
const CHUNK = 5000;

/**
 * Heap limits of the worker. A fresh isolate grows its heap freely instead of collecting, which at 100,000
 * cases put 150–200 MB on top of the store; capped, it collects and the run needs a fraction of that. A run
 * that does not fit (unusual texts) is repeated without the cap rather than failed.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 8 };

type Result = { run: GroupingRun; ms: number };

/**
 * A run of at most this many cases (a new office's) takes a few milliseconds here, less than starting a worker
 * would: it runs on this thread, and another desk's new case reaches the board at once.
 */
export const IN_THREAD_MAX = 50;

/**
 * Groups `count` cases, made one chunk at a time by `input(i)` so their copies never all exist at once, with
 * the office's problem lexicon. Group titles are left to the caller, which has the texts.
 */
export async function groupInWorker(
  count: number, input: (i: number) => GroupingInput, counties: readonly string[], lexicon: ProblemLexicon,
  limits: ResourceLimits = WORKER_LIMITS,
): Promise<Result> {
  if (count <= IN_THREAD_MAX) return groupInThread(count, input, counties, lexicon);
  try {
    return await runWorker(count, input, counties, lexicon, limits);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
    console.warn(`[didar] grouping ${count} cases needed more than the worker's ${limits.maxOldGenerationSizeMb} MB heap; running it again without the limit`);
    return runWorker(count, input, counties, lexicon, {});
  }
}

function groupInThread(count: number, input: (i: number) => GroupingInput, counties: readonly string[], lexicon: ProblemLexicon): Result {
  const started = performance.now();
  const builder = officeRunBuilder(counties, lexicon);
  for (let i = 0; i < count; i++) builder.add(input(i));
  return { run: builder.finish(), ms: performance.now() - started };
}

/**
 * A full collection of this thread's heap before the worker starts: the store's leftover garbage and the
 * worker's heap would otherwise add up to the process's peak. (V8 exposes gc() only behind a flag.)
 */
let gc: (() => void) | null | undefined;
function collectGarbage(): void {
  try {
    if (gc === undefined) {
      v8.setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
    gc?.();
  } catch {
    gc = null; // an embedder that froze V8's flags: go on without the collection
  }
}

function runWorker(
  count: number, input: (i: number) => GroupingInput, counties: readonly string[], lexicon: ProblemLexicon, resourceLimits: ResourceLimits,
): Promise<Result> {
  collectGarbage();
  const worker = startWorker(new URL('./worker.ts', import.meta.url), 'grouping-worker.js', { resourceLimits });
  const send = (m: ToWorker): void => worker.postMessage(m);
  let next = 0;
  return new Promise<Result>((resolve, reject) => {
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
    send({ kind: 'start', counties: [...counties], lexicon });
  }).finally(() => void worker.terminate());
}
