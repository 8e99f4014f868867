// Worker thread of the grouping run: a large run takes seconds and must not block the backend's event
// loop (the web shell and Electron's main process keep answering while it works).
import { parentPort } from 'node:worker_threads';
import { groupCases, type GroupingInput } from '../../../shared/grouping/engine';

parentPort?.on('message', (cases: GroupingInput[]) => {
  try {
    const t0 = performance.now();
    const run = groupCases(cases);
    parentPort!.postMessage({ ok: true, run, ms: performance.now() - t0 });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
