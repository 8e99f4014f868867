// Messages between the backend and its grouping worker.
import type { GroupingInput, GroupingRun } from '../../../shared/grouping/engine';

export type ToWorker =
  | { kind: 'start'; counties: string[] }
  | { kind: 'cases'; cases: GroupingInput[] }
  | { kind: 'finish' };

export type FromWorker =
  | { kind: 'ack' }
  | { kind: 'done'; run: GroupingRun; ms: number }
  | { kind: 'failed'; error: string };
