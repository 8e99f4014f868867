// Messages between the backend and its grouping worker.
import type { GroupingInput, GroupingRun } from '../../../shared/grouping/engine';
import type { ProblemLexicon } from '../../../shared/grouping/problem-lexicon';

export type ToWorker =
  | { kind: 'start'; counties: string[]; lexicon: ProblemLexicon }
  | { kind: 'cases'; cases: GroupingInput[] }
  | { kind: 'finish' };

export type FromWorker =
  | { kind: 'ack' }
  | { kind: 'done'; run: GroupingRun; ms: number }
  | { kind: 'failed'; error: string };
