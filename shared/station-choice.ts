// The station a desk works at after sign-in: the one chosen, if the account's roles allow it.
import { STATION_LABEL } from './labels';
import { msg } from './messages';
import { stationsOf, type Role, type Station } from './roles';

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
