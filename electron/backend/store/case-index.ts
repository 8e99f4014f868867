// In-memory worklist index of the file store: cases kept sorted by due date and by recording time, and a
// folded search text per case, so a filter or a text search over 100,000 cases is one linear pass.
import type { Case } from '../../../shared/domain';
import { AWAITING_DEPARTMENT, isPaused } from '../../../shared/follow-up';
import { foldForSearch } from '../../../shared/persian-text';
import { officeOf } from '../../../shared/offices';
import { SearchBlocks } from './search-blocks';
import type { CasePage, CaseQuery } from './store';

/** Where a case without a deadline sorts among due dates: last. */
export const NO_DUE = '9999/99/99';
/** Cases given their search text per background step (about a millisecond each). */
const WARM_STEP = 250;
/** While a unit of work is being written, the background steps wait this long and look again. */
const WARM_BACKOFF_MS = 2;

type Order = (a: Case, b: Case) => number;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// a case still without its tracking code sorts by its id among those recorded at the same moment
const key = (c: Case): string => c.code ?? c.id;
// Compared field by field rather than through built keys: no key strings to allocate or keep for 100,000 cases.
const byDue: Order = (a, b) => cmp(a.deadline?.dueDate ?? NO_DUE, b.deadline?.dueDate ?? NO_DUE) || cmp(key(a), key(b));
// `?? ''`: a hand-edited file may lack the time; it must still sort consistently or the list cannot find it again
const byCreated: Order = (a, b) => cmp(a.createdAt ?? '', b.createdAt ?? '') || cmp(key(a), key(b));

/** Text, names and numbers of a case, folded and without spaces: «می خواهم» finds «می‌خواهم». */
export function searchText(c: Case): string {
  const z = c.citizen;
  return foldForSearch(`${c.text} ${z.firstName} ${z.lastName} ${c.code ?? ''} ${z.nationalId} ${z.mobile} ${z.locality} ${c.county}`).replace(/ /g, '');
}

/** A list of cases kept in one order, updated by binary insertion. */
class SortedCases {
  private cases: Case[] = [];

  constructor(private readonly order: Order) {}

  /** Files are read in date order, so the list is nearly sorted already and the sort is close to one pass. */
  build(all: Case[]): void {
    this.cases = all.slice().sort(this.order);
  }

  private position(c: Case): number {
    let lo = 0;
    let hi = this.cases.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order(this.cases[mid]!, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  remove(c: Case): void {
    const i = this.position(c);
    if (this.cases[i]?.id === c.id) this.cases.splice(i, 1);
  }

  insert(c: Case): void {
    this.cases.splice(this.position(c), 0, c);
  }

  get list(): readonly Case[] {
    return this.cases;
  }
}

export class CaseIndex {
  private byDue = new SortedCases(byDue);
  private byCreated = new SortedCases(byCreated);
  private hay = new SearchBlocks();
  /** Cases whose search text is still to be computed (done in the background after start-up). */
  private pending: Case[] = [];

  /**
   * `caseOf` is the store's own map from id to case: the index keeps no second one. `busy` says when a unit
   * of work is under way: the background steps then give way, so a save after start-up does not wait for them.
   */
  constructor(
    private readonly caseOf: (id: string) => Case | undefined,
    private readonly busy: () => boolean = () => false,
  ) {}

  /** Bulk build at start-up; the search texts follow in small background steps so start-up stays fast. */
  build(cases: Iterable<Case>): void {
    const all = [...cases];
    this.byDue.build(all);
    this.byCreated.build(all);
    this.hay = new SearchBlocks();
    this.pending = all;
    this.warmSearch();
  }

  private warmSearch(): void {
    const step = (): void => {
      if (this.busy()) return void setTimeout(step, WARM_BACKOFF_MS).unref?.();
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
  }

  put(prev: Case | undefined, next: Case): void {
    if (prev) this.remove(prev);
    this.byDue.insert(next);
    this.byCreated.insert(next);
    this.hay.set(next.id, searchText(next));
  }

  query(q: CaseQuery, subset?: readonly Case[]): CasePage {
    const statuses = q.statuses?.length ? new Set(q.statuses) : null;
    const words = (q.words ?? []).filter(Boolean);
    if (words.length && this.pending.length) this.indexPending(this.pending.length); // a search before warm-up ends
    const found = words.length ? this.hay.matching(words) : null;
    // the cases a search found are usually few: sort just them instead of walking every case
    const only = subset ?? (found ? found.map((id) => this.caseOf(id)).filter((c): c is Case => !!c) : undefined);
    const match = (c: Case): boolean => {
      if (q.office !== undefined && officeOf(c) !== q.office) return false;
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
      const sorted = only.slice().sort(q.sort === 'due' ? byDue : byCreated);
      if (q.sort === 'recent') sorted.reverse();
      for (const c of sorted) take(c);
    } else if (q.sort === 'due') {
      for (const c of this.byDue.list) take(c);
    } else {
      const list = this.byCreated.list;
      for (let i = list.length - 1; i >= 0; i--) take(list[i]!);
    }
    return { total, items };
  }
}
