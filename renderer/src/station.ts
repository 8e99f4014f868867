// Which station this desk is on a meeting day, chosen at sign-in and remembered by the browser of this PC,
// and checked against the roles of whoever signs in (their screens call only what those roles may).
import { STATION_LABEL } from '../../shared/labels';
import { msg } from '../../shared/messages';
import { STATIONS, stationsOf, type Role, type Station } from '../../shared/roles';

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

/**
 * The station someone with `roles` works at when `chosen` was picked: the whole desk falls back to the
 * screens the roles allow (as before stations, and for accounts of no station: administrators, viewers);
 * a station of a split day the roles do not allow is refused, naming the ones they do.
 */
export function stationFor(chosen: Station, roles: readonly Role[]): { station: Station | null } | { refused: string } {
  const allowed = stationsOf(roles);
  if (allowed.includes(chosen)) return { station: chosen };
  if (chosen === 'desk' || !allowed.length) return { station: null };
  return { refused: msg.stationNotAllowed(STATION_LABEL[chosen], allowed.map((s) => STATION_LABEL[s])) };
}
