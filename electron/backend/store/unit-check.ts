// Every unit of work is checked against the stored schemas before it is committed, in either store: a value
// that does not fit would be refused when it is read back (a folder that no longer opens, a row refused).
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { parseJournalChange } from '../../../shared/stored-schemas';
import type { Change } from './journal';

/** Throws (nothing is then committed) at the first change that does not fit its stored schema. */
export function assertStorable(changes: readonly Change[]): void {
  for (const ch of changes) {
    const bad = parseJournalChange(ch, `${ch.entity} ${ch.id}`);
    if (bad instanceof DidarError) throw new DidarError('internal', msg.unexpected, undefined, `not saved, does not fit the stored schema: ${bad.english ?? ''}`);
  }
}
