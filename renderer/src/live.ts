// The desk's link to the server: what other desks change (server-sent events in a browser, IPC in the desktop
// window) and whether the server can be reached. Lists that rest on a changed record are read again; a lost
// server is said at once, and when it is back every live list is read again (notices may have been missed).
import { useSyncExternalStore } from 'react';
import { msg } from '../../shared/messages';
import { LIVE_GATHER_MS, SILENCE_MS, type ChangeNotice, type LiveEntity, type LiveEvent } from '../../shared/live';

export type Link = 'live' | 'lost';

const REOPEN_MS = 1000;

let link: Link = 'live';
/** How many times each entity changed, and how many times the link came back (which counts for them all). */
const counts = new Map<string, number>();
let returns = 0;
const listeners = new Set<() => void>();
const emit = (): void => { for (const l of listeners) l(); };
const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

let pending: ChangeNotice[] = [];
let gatherTimer: ReturnType<typeof setTimeout> | null = null;
function heard(notice: ChangeNotice): void {
  pending.push(notice);
  gatherTimer ??= setTimeout(() => {
    gatherTimer = null;
    const entities = new Set(pending.flatMap((n) => n.changes.map((c) => c.entity)));
    pending = [];
    for (const e of entities) counts.set(e, (counts.get(e) ?? 0) + 1);
    emit();
  }, LIVE_GATHER_MS);
}

/** The server answered (a call, the stream): after a loss, every live list is read again. */
export function reached(): void {
  if (link === 'live') return;
  link = 'live';
  returns += 1;
  emit();
}

/** A call or the stream could not reach the server. */
export function lost(): void {
  if (link === 'lost') return;
  link = 'lost';
  emit();
}

/** Whether the server can be reached now, for the one-line banner. */
export const useLink = (): Link => useSyncExternalStore(subscribe, () => link);

/** A number that grows whenever one of these entities changes elsewhere, or the link comes back. */
export function useLiveVersion(entities: readonly LiveEntity[] | undefined): number {
  return useSyncExternalStore(subscribe, () => (entities ? entities.reduce((n, e) => n + (counts.get(e) ?? 0), returns) : 0));
}

/** Desktop shell's side of the live link (IPC): start listening with the window's session; returns the stop. */
export type DesktopLive = (listener: (e: LiveEvent) => void) => () => void;

/**
 * Listens for the signed-in desk until the returned stop is called; `signedOut` when the server ends the
 * session (sign-out elsewhere, a disabled account); `signedIn` asks the server whether the session still holds.
 */
export function startLive(signedOut: (message: string) => void, signedIn: () => Promise<boolean>): () => void {
  const onEvent = (e: LiveEvent): void => {
    switch (e.kind) {
      case 'change': return heard(e.notice);
      case 'alive': return reached();
      case 'signed-out': return signedOut(msg.sessionExpired);
      default: throw new Error(`unknown live event ${(e as { kind: string }).kind}`);
    }
  };
  const desktop = window.didar?.live;
  if (desktop) return desktop(onEvent); // IPC in the same machine: it cannot be lost silently
  let source: EventSource | null = null;
  let silence: ReturnType<typeof setTimeout> | null = null;
  let reopen: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const listen = (): void => {
    if (silence) clearTimeout(silence);
    silence = setTimeout(() => { // the stream died without a word (a cable pulled, a PC asleep)
      lost();
      open();
    }, SILENCE_MS);
  };
  const open = (): void => {
    source?.close();
    if (stopped) return;
    const s = new EventSource('/api/events');
    source = s;
    s.onopen = () => { reached(); listen(); };
    s.addEventListener('change', (m) => { listen(); onEvent({ kind: 'change', notice: JSON.parse((m as MessageEvent<string>).data) as ChangeNotice }); });
    s.addEventListener('alive', () => { listen(); onEvent({ kind: 'alive' }); });
    s.addEventListener('signed-out', () => { s.close(); onEvent({ kind: 'signed-out' }); });
    s.onerror = () => {
      if (s.readyState !== EventSource.CLOSED) return lost(); // the browser tries again by itself
      // the server answered but refused the stream: the session is gone, or it will be offered again shortly
      void signedIn().then((yes) => {
        if (!yes) signedOut(msg.sessionExpired);
        else if (!stopped) reopen = setTimeout(open, REOPEN_MS);
      }, () => { if (!stopped) reopen = setTimeout(open, REOPEN_MS); });
    };
    listen();
  };
  open();
  return () => {
    stopped = true;
    source?.close();
    if (silence) clearTimeout(silence);
    if (reopen) clearTimeout(reopen);
  };
}
