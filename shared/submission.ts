// How a desk sends a change so that it is saved once: every change carries an idempotency key, the same on every
// retry of it, and a call that finds no server is tried again until it is answered or the desk gives up.

/**
 * The key of each change not yet answered, by what it submits: a retry, by the client or by the clerk pressing
 * save again on the same form, carries the same key; once the server has answered, the next one gets a new key.
 */
export function submissionKeys(newKey: () => string): { keyFor: (method: string, args: unknown) => string; answered: (method: string, args: unknown) => void } {
  const unanswered = new Map<string, string>();
  const what = (method: string, args: unknown): string => `${method}|${JSON.stringify(args ?? {})}`;
  return {
    keyFor: (method, args) => {
      const w = what(method, args);
      let key = unanswered.get(w);
      if (!key) {
        key = newKey();
        unanswered.set(w, key);
      }
      return key;
    },
    answered: (method, args) => void unanswered.delete(what(method, args)),
  };
}

/** A new key: 32 hex digits from the platform's cryptographic random source. */
export const randomKey = (random: (bytes: Uint8Array) => Uint8Array): string =>
  [...random(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');

export type RetryOptions = {
  /** How long to keep trying, and how long to wait between two tries. */
  forMs: number;
  everyMs: number;
  /** Told when a try found no server, and when one was answered. */
  lost: () => void;
  reached: () => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/** Tries until `attempt` gets an answer (not null); null when the time is up without one. */
export async function untilAnswered<R>(attempt: () => Promise<R | null>, o: RetryOptions): Promise<R | null> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const until = now() + o.forMs;
  for (;;) {
    const answer = await attempt();
    if (answer !== null) {
      o.reached();
      return answer;
    }
    o.lost();
    if (now() >= until) return null;
    await sleep(o.everyMs);
  }
}
