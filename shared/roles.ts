// Who does what in a governor's office. Each method of the contract says who may call it (shared/api.ts);
// dispatch enforces it with the caller that travels with the call, and the UI shows only what a role may do.

export const ROLES = ['clerk', 'inspector', 'office', 'admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a method: anyone (first start and sign-in), anyone signed in, or these roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** Intake: the queue, recording cases, their slips. */
export const INTAKE: readonly Role[] = ['clerk', 'office'];
/** Cases looked at by the desks that work on them. */
export const CASE_DESKS: readonly Role[] = ['clerk', 'inspector', 'office'];
/** Follow-up: referral, answers, outcomes, the SMS queue. */
export const FOLLOW_UP: readonly Role[] = ['inspector', 'office'];
/** The governor's office alone: circulars and the recurring-issues board. */
export const OFFICE: readonly Role[] = ['office'];
/** Reports, read by the governor's office and by viewers. */
export const REPORTS: readonly Role[] = ['office', 'viewer'];
/** The citizen's status by code: every desk and viewers. */
export const LOOKUP: readonly Role[] = ['clerk', 'inspector', 'office', 'viewer'];
/** Accounts, settings, backups. */
export const ADMIN: readonly Role[] = ['admin'];
/** The governor's table: the order given to each citizen, written down by the governor's own office. */
export const GOVERNOR_TABLE: readonly Role[] = ['office'];
/** The inspection desk: the tracking code handed over once the order is given (the inspection office, as the seed says). */
export const INSPECTION_DESK: readonly Role[] = FOLLOW_UP;

/**
 * What a desk does on a meeting day, chosen at sign-in: the whole cycle on one PC (as before stations), or one
 * station of a day split across desks: reception, the governor's table, the inspection desk.
 */
export const STATIONS = ['desk', 'reception', 'table', 'inspection'] as const;
export type Station = (typeof STATIONS)[number];

/** Who may work at each station (their screens call only methods these roles may call). */
export const STATION_ROLES: Record<Station, readonly Role[]> = {
  desk: INTAKE,
  reception: INTAKE,
  table: GOVERNOR_TABLE,
  inspection: INSPECTION_DESK,
};

/** The stations someone with `roles` may work at, in the order the sign-in offers them. */
export const stationsOf = (roles: readonly Role[]): Station[] => STATIONS.filter((s) => mayCall(STATION_ROLES[s], roles));

/** Whether someone with `roles` may call a method of this access (the command line and script token hold every role). */
export function mayCall(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return roles.some((r) => access.includes(r));
}
