// The builder of an office's grouping run, the same on this thread and in the worker.
import { DEFAULT_GROUPING, GroupingBuilder } from '../../../shared/grouping/engine';
import type { ProblemLexicon } from '../../../shared/grouping/problem-lexicon';

/** A run with the engine's defaults and the office's problem lexicon. */
export function officeRunBuilder(counties: Iterable<string>, lexicon: ProblemLexicon): GroupingBuilder {
  return new GroupingBuilder(counties, { ...DEFAULT_GROUPING, lexicon });
}
