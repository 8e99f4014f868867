// Worker thread of the grouping run: a large run takes seconds and must not block the backend's event
// loop (the web shell and Electron's main process keep answering while it works). Cases arrive in chunks,
// each acknowledged before the next is sent, so neither side ever holds every case's text twice.
import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../background-thread';
import type { GroupingBuilder } from '../../../shared/grouping/engine';
import { officeRunBuilder } from './builder';
import type { FromWorker, ToWorker } from './protocol';

runInBackground();

let builder: GroupingBuilder | null = null;
let started = 0;

const reply = (m: FromWorker): void => parentPort!.postMessage(m);

parentPort?.on('message', (m: ToWorker) => {
  try {
    if (m.kind === 'start') {
      started = performance.now();
      builder = officeRunBuilder(m.counties, m.lexicon);
      reply({ kind: 'ack' });
    } else if (m.kind === 'cases') {
      for (const c of m.cases) builder!.add(c);
      reply({ kind: 'ack' });
    } else {
      const run = builder!.finish();
      builder = null;
      reply({ kind: 'done', run, ms: performance.now() - started });
    }
  } catch (e) {
    reply({ kind: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
