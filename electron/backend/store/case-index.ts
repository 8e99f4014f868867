// In-memory worklist index of the file store: cases kept sorted by due date and by recording time, and a
// folded search text per case, so a filter or a text search over 100,000 cases is one linear pass.
import type { Case } from '../../../shared/domain';
import { AWAITING_DEPARTMENT, isPaused } from '../../../shared/follow-up';
import { foldForSearch } from '../../../shared/persian-text';
import { SearchBlocks } from './search-blocks';
import type { CasePage, CaseQuery } from './store';

const NO_DUE = '9999/99/99';
/** Cases given their search text per background step (a few milliseconds each). */
const WARM_STEP = 1000;

const dueKey = (c: Case): string => `${c.deadline?.dueDate ?? NO_DUE}|${c.code}`;
const createdKey = (c: Case): string => `${c.createdAt}|${c.code}`;

/** Text, names and numbers of a case, folded and without spaces: «می خواهم» finds «می‌خواهم». */
export function searchText(c: Case): string {
  const z = c.citizen;
  return foldForSearch(`${c.text} ${z.firstName} ${z.lastName} ${c.code} ${z.nationalId} ${z.mobile} ${z.locality} ${c.county}`).replace(/ /g, '');
}

/** A list of cases kept in the order of a string key, updated by binary insertion. */
class SortedCases {
  private cases: Case[] = [];
  private keys: string[] = [];

  constructor(private readonly key: (c: Case) => string) {}

  build(all: Case[]): void {
    const keyed = all.map((c) => [this.key(c), c] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.keys = keyed.map((k) => k[0]);
    this.cases = keyed.map((k) => k[1]);
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
    const i = this.position(this.key(c));
    if (this.cases[i]?.id === c.id) {
      this.cases.splice(i, 1);
      this.keys.splice(i, 1);
    }
  }

  insert(c: Case): void {
    const key = this.key(c);
    const i = this.position(key);
    this.cases.splice(i, 0, c);
    this.keys.splice(i, 0, key);
  }

  get list(): readonly Case[] {
    return this.cases;
  }
}

export class CaseIndex {
  private byDue = new SortedCases(dueKey);
  private byCreated = new SortedCases(createdKey);
  private hay = new SearchBlocks();
  private byId = new Map<string, Case>();
  /** Cases whose search text is still to be computed (done in the background after start-up). */
  private pending: Case[] = [];

  /** Bulk build at start-up; the search texts follow in small background steps so start-up stays fast. */
  build(cases: Iterable<Case>): void {
    const all = [...cases];
    this.byDue.build(all);
    this.byCreated.build(all);
    this.hay = new SearchBlocks();
    this.byId = new Map(all.map((c) => [c.id, c]));
    this.pending = all;
    this.warmSearch();
  }

  private warmSearch(): void {
    const step = (): void => {
      this.indexPending(WARM_STEP);
      if (this.pending.length) setTimeout(step, 0).unref?.();
      else this.hay.compact();
    };
    setTimeout(step, 0).unref?.();
  }

  private indexPending(max: number): void {
    const batch = this.pending.splice(Math.max(0, this.pending.length - max));
    for (const c of batch) if (!this.hay.has(c.id)) this.hay.set(c.id, searchText(c));
  }

  remove(c: Case): void {
    this.byDue.remove(c);
    this.byCreated.remove(c);
    this.hay.delete(c.id);
    this.byId.delete(c.id);
  }

  put(prev: Case | undefined, next: Case): void {
    if (prev) this.remove(prev);
    this.byDue.insert(next);
    this.byCreated.insert(next);
    this.hay.set(next.id, searchText(next));
    this.byId.set(next.id, next);
  }

  query(q: CaseQuery, subset?: readonly Case[]): CasePage {
    const statuses = q.statuses?.length ? new Set(q.statuses) : null;
    const words = (q.words ?? []).filter(Boolean);
    if (words.length && this.pending.length) this.indexPending(this.pending.length); // a search before warm-up ends
    const found = words.length ? this.hay.matching(words) : null;
    // the cases a search found are usually few: sort just them instead of walking every case
    const only = subset ?? (found ? found.map((id) => this.byId.get(id)).filter((c): c is Case => !!c) : undefined);
    const match = (c: Case): boolean => {
      if (statuses && !statuses.has(c.status)) return false;
      if (q.meetingDayId && c.meetingDayId !== q.meetingDayId) return false;
      if (q.county && c.county !== q.county) return false;
      if (q.department && !c.departments.includes(q.department)) return false;
      if (q.orderType && c.order?.type !== q.orderType) return false;
      if (q.overdueBefore) {
        if (!AWAITING_DEPARTMENT.has(c.status) || !c.deadline || isPaused(c.deadline) || c.deadline.dueDate >= q.overdueBefore) return false;
      }
      return true;
    };
    const items: Case[] = [];
    let total = 0;
    const take = (c: Case): void => {
      if (!match(c)) return;
      if (total >= q.offset && items.length < q.limit) items.push(c);
      total++;
    };
    if (only) {
      const key = q.sort === 'due' ? dueKey : createdKey;
      const keyed = only.map((c) => [key(c), c] as const).sort((a, b) => cmp(a[0], b[0]));
      if (q.sort === 'recent') keyed.reverse();
      for (const [, c] of keyed) take(c);
    } else if (q.sort === 'due') {
      for (const c of this.byDue.list) take(c);
    } else {
      const list = this.byCreated.list;
      for (let i = list.length - 1; i >= 0; i--) take(list[i]!);
    }
    return { total, items };
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
