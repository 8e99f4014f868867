// A desk of the office network as a Node program, for the multi-desk bench and the server-fault tests. It
// behaves as the renderer's client should: its session in a cookie, an idempotency key on every change that
// stays the same on every retry of that change, calls sent again while the server cannot be reached, and the
// live-update stream opened again by itself when it drops (as a browser's EventSource does).
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import zlib from 'node:zlib';
import { api, isMethod, type Args, type Method, type Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import { SESSION_COOKIE, SUBMISSION_HEADER } from '../../shared/security';
import type { ChangeNotice } from '../backend/store/store';

/** Where the server is, and the only certificate this desk trusts (the one the server showed at start). */
export type ServerAddress = {
  /** The server's port, as its address names it (Host and Origin). */
  port: number;
  ca: string;
  /** Another port to connect to on the way (a stand-in for the office network in tests); the server's by default. */
  via?: number;
};

/** One call as the desk made it: how long until its answer, how often it was sent, whether an answer was lost. */
export type CallRecord = {
  /** The desk that made it (its client's name). */
  desk: string;
  method: Method;
  /** The idempotency key of a change (the same on every attempt). */
  key?: string;
  reply: Reply<unknown>;
  /** From the first attempt to the answer, retries included. */
  ms: number;
  attempts: number;
  /** Attempts sent whose answer never came (the server stopped or the connection dropped meanwhile). */
  lostAnswers: number;
  /** When the answer came (performance.now()). */
  at: number;
};

/** How long a desk keeps trying to reach the server before it gives up on a call. */
const GIVE_UP_MS = 60_000;
const RETRY_FIRST_MS = 50;
const RETRY_MAX_MS = 1000;
const ANSWER_TIMEOUT_MS = 20_000;

class NoAnswer extends Error {
  constructor(readonly sent: boolean, cause: unknown) {
    super(`no answer (${sent ? 'sent' : 'not sent'}): ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export class DeskClient {
  private cookie: string | null = null;
  private readonly agent: https.Agent;
  private readonly stream = new LiveStream(this);
  /** Told of every answered call (the day's log of all calls, retries of lost answers included). */
  onCall: (r: CallRecord) => void = () => undefined;

  constructor(readonly server: ServerAddress, readonly name: string) {
    // a browser keeps its connection to the server open between calls
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 4, ca: server.ca });
  }

  get origin(): string {
    return `https://127.0.0.1:${this.server.port}`;
  }

  /** The session cookie as the desk sends it back, once signed in. */
  get session(): string | null {
    return this.cookie;
  }

  async signIn(username: string, password: string): Promise<void> {
    const r = await this.call('auth/signIn', { username, password });
    if (!r.reply.ok) throw new Error(`${this.name}: sign-in failed: ${JSON.stringify(r.reply.error)}`);
  }

  /**
   * Calls a method; a change carries an idempotency key, made once and kept for every retry. A call whose
   * server cannot be reached, or whose answer was lost, is sent again until it is answered (or a minute passes).
   */
  async call<M extends Method>(method: M, args: Args<M>): Promise<CallRecord & { reply: Reply<Result<M>> }> {
    const key = isMethod(method) && api[method].mutates ? `desk-${randomUUID()}` : undefined;
    const t0 = performance.now();
    let attempts = 0;
    let lostAnswers = 0;
    let wait = RETRY_FIRST_MS;
    for (;;) {
      attempts++;
      try {
        const reply = await this.post(method, args, key);
        const at = performance.now();
        const record = { desk: this.name, method, ...(key ? { key } : {}), reply, ms: at - t0, attempts, lostAnswers, at };
        this.onCall(record);
        return record as CallRecord & { reply: Reply<Result<M>> };
      } catch (e) {
        if (!(e instanceof NoAnswer)) throw e;
        if (e.sent) lostAnswers++;
        if (performance.now() - t0 > GIVE_UP_MS) throw new Error(`${this.name}: ${method} not answered in ${GIVE_UP_MS} ms: ${e.message}`, { cause: e });
        await sleep(wait);
        wait = Math.min(RETRY_MAX_MS, wait * 2);
      }
    }
  }

  /** The calls' answers as values; a refusal is an error (for the set-up, where none is expected). */
  async value<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
    const { reply } = await this.call(method, args);
    if (!reply.ok) throw new Error(`${this.name}: ${method} refused: ${reply.error.code} ${reply.error.message}`);
    return reply.value;
  }

  /** Opens the live-update stream; notices go to `onNotice`, and it opens again by itself after a drop. */
  listen(onNotice: (n: ChangeNotice, at: number) => void): LiveStream {
    this.stream.start(onNotice);
    return this.stream;
  }

  close(): void {
    this.stream.stop();
    this.agent.destroy();
  }

  request(path: string, method: 'GET' | 'POST', headers: Record<string, string>): https.RequestOptions {
    return {
      host: '127.0.0.1', port: this.server.via ?? this.server.port, path, method, ca: this.server.ca,
      headers: {
        Host: `127.0.0.1:${this.server.port}`, Origin: this.origin,
        ...(this.cookie ? { Cookie: this.cookie } : {}), ...headers,
      },
    };
  }

  private post(method: string, args: unknown, key: string | undefined): Promise<Reply<unknown>> {
    const body = JSON.stringify(args ?? {});
    return new Promise((resolve, reject) => {
      let sent = false;
      const req = https.request({
        ...this.request(`/api/${encodeURIComponent(method)}`, 'POST', {
          'Content-Type': 'application/json', 'Accept-Encoding': 'gzip', ...(key ? { [SUBMISSION_HEADER]: key } : {}),
        }),
        agent: this.agent,
        timeout: ANSWER_TIMEOUT_MS,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new NoAnswer(true, e)));
        res.on('end', () => {
          if (!res.complete) return reject(new NoAnswer(true, new Error('answer cut off')));
          this.keepSession(res.headers['set-cookie']);
          try {
            const body = Buffer.concat(chunks);
            // as a browser does: the server compresses large answers
            resolve(JSON.parse((res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8')) as Reply<unknown>);
          } catch (e) {
            reject(new Error(`${this.name}: ${method} answered ${res.statusCode} with no reply: ${(e as Error).message}`));
          }
        });
      });
      req.on('finish', () => (sent = true));
      req.on('timeout', () => req.destroy(new Error('no answer in time')));
      req.on('error', (e) => reject(new NoAnswer(sent, e)));
      req.end(body);
    });
  }

  private keepSession(setCookie: string[] | undefined): void {
    for (const c of setCookie ?? []) {
      const pair = c.split(';')[0]!;
      if (pair.startsWith(`${SESSION_COOKIE}=`)) this.cookie = pair.endsWith('=') ? null : pair;
    }
  }
}

/**
 * The desk's /api/events stream. As EventSource: a dropped or refused connection is tried again after the
 * server's `retry` time; a refusal of the session (401) or the server's «signed-out» ends it for good.
 */
export class LiveStream {
  /** Whether the stream is open now, how often it was opened, and why it ended for good (if it did). */
  connected = false;
  opens = 0;
  ended: string | null = null;
  private retryMs = 1000;
  private req: ReturnType<typeof https.request> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private onNotice: (n: ChangeNotice, at: number) => void = () => undefined;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly desk: DeskClient) {}

  start(onNotice: (n: ChangeNotice, at: number) => void): void {
    this.onNotice = onNotice;
    this.stopped = false;
    this.open();
  }

  /** Resolves when the stream is open (again). */
  opened(): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.req?.destroy();
    this.connected = false;
  }

  private open(): void {
    if (this.stopped) return;
    const req = https.request({ ...this.desk.request('/api/events', 'GET', { Accept: 'text/event-stream' }), agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        this.ended = `refused (${res.statusCode})`;
        return this.stop();
      }
      this.connected = true;
      this.opens++;
      for (const w of this.waiters) w();
      this.waiters.clear();
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        const blocks = buf.split('\n\n');
        buf = blocks.pop()!;
        for (const b of blocks) this.block(b);
      });
      res.on('error', () => undefined);
      res.on('close', () => this.dropped());
    });
    req.on('error', () => this.dropped());
    req.end();
    this.req = req;
  }

  private block(b: string): void {
    const retry = /^retry: (\d+)$/m.exec(b)?.[1];
    if (retry) this.retryMs = Number(retry);
    const event = /^event: (.*)$/m.exec(b)?.[1];
    const data = /^data: (.*)$/m.exec(b)?.[1];
    if (event === 'signed-out') {
      this.ended = 'signed out';
      return this.stop();
    }
    if (event === 'change' && data) this.onNotice(JSON.parse(data) as ChangeNotice, performance.now());
  }

  private dropped(): void {
    this.connected = false;
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, this.retryMs);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
