// Every case of the database kept in the server's memory for what reads the whole record at once (the reports,
// the scorecards, the recurring-issues board, exports): sending 100,000 documents over the socket and parsing
// them took seconds for every report. It is brought up to date before each use from the audit trail, which names
// every case each unit of work changed, in one statement (one snapshot): the audit numbers after the last one it
// holds, and those cases' rows as they are now. Units of work never read it: they read their transaction.
import type { Case } from '../../../../shared/domain';
import { deepFreeze } from '../../../../shared/readonly';
import { Serial } from '../serial';
import type { Run } from './connection';
import { storedDoc, type DocRow } from './rows';

/** A unit that changes cases without naming each one in its audit row: the whole record is read again after it. */
const WHOLESALE = new Set(['migrate/folder']);

type Row = DocRow & { top: string; reload?: boolean };

export class CaseCache {
  private cases: Map<string, Case> | null = null;
  /** The newest audit number the cases reflect. */
  private seq = 0;
  private readonly serial = new Serial();

  constructor(
    private readonly run: Run,
    private readonly db: string,
  ) {}

  /** The cases as committed now (frozen, shared by every caller: never changed in place). */
  current(): Promise<ReadonlyMap<string, Case>> {
    return this.serial.run(async () => {
      if (this.cases) {
        if (await this.catchUp()) return this.cases;
      }
      return this.load();
    });
  }

  /** Whether every case has been read already (the first report after a start reads them). */
  get loaded(): boolean {
    return this.cases !== null;
  }

  /** Forgets everything (a bulk copy wrote rows the audit trail does not name one by one). */
  drop(): void {
    this.cases = null;
  }

  private async load(): Promise<Map<string, Case>> {
    this.cases = null;
    const rows = await this.run<Row>(
      `SELECT t.top, c.doc, c.id, c.code FROM (SELECT coalesce(max(seq), 0) AS top FROM audit) t LEFT JOIN cases c ON true`);
    const cases = new Map<string, Case>();
    for (const r of rows) if (r.doc !== null) this.put(cases, r);
    this.seq = Number(rows[0]?.top ?? 0);
    this.cases = cases;
    return cases;
  }

  /**
   * The cases changed since `seq`, read again (new ones after the others in the order they were recorded, as the
   * data folder lists them); false when the whole record must be read again.
   */
  private async catchUp(): Promise<boolean> {
    const rows = await this.run<Row>(
      `WITH t AS (SELECT coalesce(max(seq), 0) AS top FROM audit),
            units AS (SELECT a.action, a.changes FROM audit a WHERE a.seq > $1),
            changed AS (SELECT DISTINCT ch->>'id' AS id FROM units u CROSS JOIN LATERAL jsonb_array_elements(u.changes) ch WHERE ch->>'entity' = 'case')
       SELECT t.top, EXISTS (SELECT 1 FROM units WHERE action = ANY($2::text[])) AS reload, c.doc, c.id, c.code
         FROM t LEFT JOIN (SELECT cs.doc, cs.id, cs.code, cs.pos FROM cases cs WHERE cs.id IN (SELECT id FROM changed)) c ON true
        ORDER BY c.pos`,
      [this.seq, [...WHOLESALE]]);
    if (rows[0]?.reload) return false;
    const cases = this.cases!;
    for (const r of rows) if (r.doc !== null) this.put(cases, r);
    this.seq = Number(rows[0]?.top ?? this.seq);
    return true;
  }

  private put(cases: Map<string, Case>, r: Row): void {
    const c = deepFreeze(storedDoc<Case>(this.db, 'case', r));
    cases.set(c.id, c);
  }
}
