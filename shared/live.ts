// Live updates between desks: what the server sends each signed-in desk, over server-sent events (/api/events)
// in a browser, or over IPC in the desktop window. Both carry the same events.
import type { Method } from './api';

/** What a committed unit of work changed (no values: each desk reads what it shows). */
export type ChangeNotice = { seq: number; action: string; by: string; changes: readonly { entity: string; id: string }[] };

/**
 * `change`: another desk (or this one) committed a change; `alive`: the server is there (sent every few
 * seconds, so that a desk whose connection died silently notices); `signed-out`: the session ended.
 */
export type LiveEvent = { kind: 'change'; notice: ChangeNotice } | { kind: 'alive' } | { kind: 'signed-out' };

/** How often the server says it is alive, and how long a desk waits without a word before it calls the server lost. */
export const HEARTBEAT_MS = 10_000;
export const SILENCE_MS = 25_000;

/** A desk takes the notices that arrive within this time as one, so a burst of changes reads each list once. */
export const LIVE_GATHER_MS = 100;

/** Entities whose ids are nobody else's business: a change's idempotency key is not sent to other desks. */
export const PRIVATE_ENTITIES: ReadonlySet<string> = new Set(['submission']);

/** The records a change notice names (the journal's entities that other desks may hear of). */
export type LiveEntity = 'case' | 'meetingDay' | 'queueEntry' | 'settings' | 'circular' | 'groupCorrection' | 'account';

/**
 * What each list a desk shows rests on: such a read is made again when another desk changes one of these.
 * Reads not named here (a case being edited, a PDF preview) are left alone, so nothing the clerk has open moves.
 */
export const LIVE_READS: Readonly<Partial<Record<Method, readonly LiveEntity[]>>> = {
  'meetingDay/current': ['meetingDay'],
  'meetingDay/list': ['meetingDay'],
  'queue/list': ['queueEntry'],
  'case/listForDay': ['case'],
  'case/pending': ['case'],
  'citizen/lookup': ['case'],
  'worklist/query': ['case'],
  'escalation/list': ['case'],
  'notices/list': ['case'],
  'group/board': ['case', 'groupCorrection'],
  'group/corrections': ['groupCorrection'],
  'report/day': ['case', 'queueEntry'],
  'circular/list': ['circular'],
  'accounts/list': ['account'],
};
