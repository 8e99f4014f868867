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

/** Whether someone with `roles` may call a method of this access (the command line and script token hold every role). */
export function mayCall(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return roles.some((r) => access.includes(r));
}
