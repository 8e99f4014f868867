// Signed-in sessions of one server: a random token per sign-in, kept by the browser in an HttpOnly cookie or by
// Electron's main process per window; here only its SHA-256 is kept. A session ends on sign-out, after the
// settings' idle time, or when its account is disabled or reset. The file keeps them across a restart of the
// server (desks carry on without signing in again); the time of last use is written at most once a minute.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../store/durable-file';

export type SessionRecord = { id: string; accountId: string; createdAt: number; lastSeenAt: number };

/** Where sessions are kept between runs of the server. */
export type SessionPersistence = { load(): Promise<SessionRecord[]>; save(all: readonly SessionRecord[]): Promise<void> };

const SessionFileSchema = z.object({
  sessions: z.array(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), accountId: z.string().max(64), createdAt: z.number(), lastSeenAt: z.number() })).max(10_000),
});

/** One of the folder's RUNTIME_FILES (shared/stored-schemas.ts): never backed up or checked. */
export const SESSIONS_FILE = 'sessions.json';

/** The data folder's sessions.json; a missing or unreadable file means nobody is signed in (never an error). */
export function sessionFile(dataDir: string): SessionPersistence {
  const file = path.join(dataDir, SESSIONS_FILE);
  return {
    load: async () => {
      const parsed = SessionFileSchema.safeParse(await fs.readFile(file, 'utf8').then((t) => JSON.parse(t) as unknown).catch(() => null));
      return parsed.success ? parsed.data.sessions : [];
    },
    save: (all) => writeFileDurable(file, JSON.stringify({ sessions: all })),
  };
}

export const sessionId = (token: string): string => createHash('sha256').update(token).digest('hex');

const SEEN_FLUSH_MS = 60_000;

export class Sessions {
  private readonly byId = new Map<string, SessionRecord>();
  private seenChanged = false;
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private readonly endListeners = new Set<(ids: readonly string[]) => void>();

  private constructor(
    private readonly persistence: SessionPersistence,
    private readonly now: () => number,
  ) {
    this.timer = setInterval(() => void this.flush(), SEEN_FLUSH_MS);
    this.timer.unref?.();
  }

  static async open(persistence: SessionPersistence, now: () => number): Promise<Sessions> {
    const s = new Sessions(persistence, now);
    for (const r of await persistence.load()) s.byId.set(r.id, r);
    return s;
  }

  /** A new session for the account; returns its token (given to the browser or window, never stored). */
  async create(accountId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const t = this.now();
    this.byId.set(sessionId(token), { id: sessionId(token), accountId, createdAt: t, lastSeenAt: t });
    await this.save();
    return token;
  }

  /** The session of a token, if it is still alive; its last use becomes now. */
  resolve(token: string, idleMs: number): SessionRecord | null {
    const s = this.byId.get(sessionId(token));
    if (!s) return null;
    if (this.now() - s.lastSeenAt > idleMs) {
      this.byId.delete(s.id);
      void this.save();
      return null;
    }
    s.lastSeenAt = this.now();
    this.seenChanged = true;
    return s;
  }

  /** The account a token's session is of, without counting this as a use. */
  accountOf(token: string): string | null {
    return this.byId.get(sessionId(token))?.accountId ?? null;
  }

  /** Whether a token's session is alive, without counting this as a use (a desk's open live-update stream). */
  alive(token: string, idleMs: number): boolean {
    const s = this.byId.get(sessionId(token));
    return !!s && this.now() - s.lastSeenAt <= idleMs;
  }

  async end(id: string): Promise<void> {
    if (this.byId.delete(id)) {
      this.ended([id]);
      await this.save();
    }
  }

  /** Ends every session of an account (disabled, password reset), but `keep` (the caller's own). */
  async endAccount(accountId: string, keep?: string): Promise<void> {
    const ids = [...this.byId.values()].filter((s) => s.accountId === accountId && s.id !== keep).map((s) => s.id);
    for (const id of ids) this.byId.delete(id);
    if (ids.length) {
      this.ended(ids);
      await this.save();
    }
  }

  /** Called with the ids of sessions as they end (a live-update stream closes with its session). */
  onEnd(listener: (ids: readonly string[]) => void): () => void {
    this.endListeners.add(listener);
    return () => void this.endListeners.delete(listener);
  }

  private ended(ids: readonly string[]): void {
    for (const l of this.endListeners) l(ids);
  }

  count(accountId: string): number {
    return [...this.byId.values()].filter((s) => s.accountId === accountId).length;
  }

  private save(): Promise<void> {
    this.seenChanged = false;
    const all = [...this.byId.values()].map((s) => ({ ...s }));
    // writes one after the other, the latest state last
    this.writing = this.writing.catch(() => undefined).then(() => this.persistence.save(all));
    return this.writing;
  }

  async flush(): Promise<void> {
    if (this.seenChanged) await this.save().catch((e: unknown) => console.error('[didar] sessions not written:', e));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.writing.catch(() => undefined);
  }
}
