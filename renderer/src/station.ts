// Which station this desk is on a meeting day, chosen at sign-in and remembered by the browser of this PC,
// and checked against the roles of whoever signs in (their screens call only what those roles may).
import { STATIONS, type Station } from '../../shared/roles';

const KEY = 'didar:station';

export function rememberedStation(): Station {
  try {
    const s = localStorage.getItem(KEY);
    return STATIONS.find((x) => x === s) ?? 'desk';
  } catch {
    return 'desk';
  }
}

export function rememberStation(s: Station): void {
  try {
    localStorage.setItem(KEY, s);
  } catch {
    // storage off: the desk asks again at the next sign-in
  }
}
