// Live updates between desks: what the server sends each signed-in desk, over server-sent events (/api/events)
// in a browser, or over IPC in the desktop window. Both carry the same events.

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

/** Entities whose ids are nobody else's business: a change's idempotency key is not sent to other desks. */
export const PRIVATE_ENTITIES: ReadonlySet<string> = new Set(['submission']);
