// Which cases a scan asks for: the one predicate the file store filters with, in its index and in a unit of work.
import type { Case } from '../../../shared/domain';
import type { CaseScan } from './store';
import { officeOf } from '../../../shared/offices';

export function matchesScan(c: Case, s: CaseScan): boolean {
  if (s.office !== undefined && officeOf(c) !== s.office) return false;
  if (s.meetingFrom && c.meetingDate < s.meetingFrom) return false;
  if (s.meetingTo && c.meetingDate > s.meetingTo) return false;
  if (s.statuses && !s.statuses.includes(c.status)) return false;
  if (s.externalIds && (c.externalId === undefined || !s.externalIds.includes(c.externalId))) return false;
  if (s.pendingNotices && !c.notices.some((n) => !n.exportedAt && !n.skippedAt)) return false;
  return true;
}
