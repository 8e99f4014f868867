// Which station a desk becomes at sign-in: the chosen one if the roles allow it, the whole desk's screens for
// roles of no station, and a refusal naming the allowed stations otherwise.
import { expect, it } from 'vitest';
import { api } from '../../shared/api';
import { STATION_LABEL } from '../../shared/labels';
import { msg } from '../../shared/messages';
import { mayCall, STATION_ROLES, STATIONS, stationsOf } from '../../shared/roles';
import { stationFor } from '../../shared/station-choice';

it('each station is offered to the roles whose screens it calls', () => {
  expect(stationsOf(['clerk'])).toEqual(['desk', 'reception']);
  expect(stationsOf(['office'])).toEqual(['desk', 'reception', 'table', 'inspection']);
  expect(stationsOf(['inspector'])).toEqual(['inspection']);
  expect(stationsOf(['admin'])).toEqual([]);
  expect(stationsOf(['viewer'])).toEqual([]);
  // a station's roles may call the method its screen rests on
  const rests = { desk: 'case/record', reception: 'case/recordPending', table: 'case/giveOrder', inspection: 'case/allocateCode' } as const;
  for (const s of STATIONS) for (const r of STATION_ROLES[s]) expect(mayCall(api[rests[s]].access, [r]), `${s}: ${r}`).toBe(true);
});

it('a chosen station the roles allow is taken; the whole desk falls back to the roles\' screens', () => {
  expect(stationFor('reception', ['clerk'])).toEqual({ station: 'reception' });
  expect(stationFor('inspection', ['inspector'])).toEqual({ station: 'inspection' });
  expect(stationFor('desk', ['inspector'])).toEqual({ station: null });
  expect(stationFor('table', ['admin'])).toEqual({ station: null });
});

it('a station of a split day the roles do not allow is refused, naming the ones they do', () => {
  expect(stationFor('table', ['clerk'])).toEqual({ refused: msg.stationNotAllowed(STATION_LABEL.table, [STATION_LABEL.desk, STATION_LABEL.reception]) });
  expect(stationFor('reception', ['inspector'])).toEqual({ refused: msg.stationNotAllowed(STATION_LABEL.reception, [STATION_LABEL.inspection]) });
});
