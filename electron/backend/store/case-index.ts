// In-memory worklist index of the file store: cases kept sorted by due date and a folded search text per
// case, so that a filter or a text search over 100,000 cases is one linear pass without sorting.
import type { Case } from '../../../shared/domain';
import { AWAITING_DEPARTMENT, isPaused } from '../../../shared/follow-up';
import { foldForSearch } from '../../../shared/persian-text';
import type { CasePage, CaseQuery } from './store';

const NO_DUE = '9999/99/99';

const dueKey = (c: Case): string => `${c.deadline?.dueDate ?? NO_DUE}|${c.code}`;

/** Text, names and numbers of a case, folded and without spaces, so «می خواهم» finds «می‌خواهم». */
export function searchText(c: Case): string {
  const z = c.citizen;
  return foldForSearch(`${c.text} ${z.firstName} ${z.lastName} ${c.code} ${z.nationalId} ${z.mobile} ${z.locality} ${c.county}`).replace(/ /g, '');
}

export class CaseIndex {
  private sorted: Case[] = [];
  private keys: string[] = [];
  private hay = new Map<string, string>();

  /** Bulk build at start-up. */
  build(cases: Iterable<Case>): void {
    this.sorted = [...cases].sort((a, b) => (dueKey(a) < dueKey(b) ? -1 : 1));
    this.keys = this.sorted.map(dueKey);
    this.hay = new Map(this.sorted.map((c) => [c.id, searchText(c)]));
  }

  private position(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  remove(c: Case): void {
    const i = this.position(dueKey(c));
    if (this.sorted[i]?.id === c.id) {
      this.sorted.splice(i, 1);
      this.keys.splice(i, 1);
    }
    this.hay.delete(c.id);
  }

  put(prev: Case | undefined, next: Case): void {
    if (prev) this.remove(prev);
    const key = dueKey(next);
    const i = this.position(key);
    this.sorted.splice(i, 0, next);
    this.keys.splice(i, 0, key);
    this.hay.set(next.id, searchText(next));
  }

  query(q: CaseQuery): CasePage {
    const statuses = q.statuses?.length ? new Set(q.statuses) : null;
    const words = q.words?.filter(Boolean) ?? [];
    const match = (c: Case): boolean => {
      if (statuses && !statuses.has(c.status)) return false;
      if (q.meetingDayId && c.meetingDayId !== q.meetingDayId) return false;
      if (q.county && c.county !== q.county) return false;
      if (q.department && !c.departments.includes(q.department)) return false;
      if (q.orderType && c.order?.type !== q.orderType) return false;
      if (q.overdueBefore) {
        if (!AWAITING_DEPARTMENT.has(c.status) || !c.deadline || isPaused(c.deadline) || c.deadline.dueDate >= q.overdueBefore) return false;
      }
      if (words.length) {
        const h = this.hay.get(c.id) ?? '';
        for (const w of words) if (!h.includes(w)) return false;
      }
      return true;
    };
    let total = 0;
    if (q.sort === 'due') {
      const items: Case[] = [];
      for (const c of this.sorted) {
        if (!match(c)) continue;
        if (total >= q.offset && items.length < q.limit) items.push(c);
        total++;
      }
      return { total, items };
    }
    const all = this.sorted.filter(match);
    all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { total: all.length, items: all.slice(q.offset, q.offset + q.limit) };
  }
}
