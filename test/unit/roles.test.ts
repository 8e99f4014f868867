// The role table covers the whole contract: every method says who may call it, with known roles only, and
// only the first start and sign-in are open to someone not signed in.
import { expect, it } from 'vitest';
import { api, type Method } from '../../shared/api';
import { mayCall, ROLES } from '../../shared/roles';

const methods = Object.keys(api) as Method[];

it('every method of the contract declares its roles', () => {
  for (const m of methods) {
    const access = (api[m] as { access?: unknown }).access;
    expect(access, m).toBeDefined();
    if (Array.isArray(access)) {
      expect(access.length, m).toBeGreaterThan(0);
      for (const r of access) expect(ROLES, `${m}: ${String(r)}`).toContain(r);
    } else {
      expect(['public', 'signed-in'], m).toContain(access);
    }
  }
});

it('only the first start, sign-in and its status are open without signing in', () => {
  expect(methods.filter((m) => api[m].access === 'public').sort()).toEqual(['auth/setup', 'auth/signIn', 'auth/status']);
});

it('roles are separate: a clerk sees no follow-up or settings, a viewer changes nothing, accounts are the administrator\'s', () => {
  expect(mayCall(api['case/record'].access, ['clerk'])).toBe(true);
  expect(mayCall(api['worklist/query'].access, ['clerk'])).toBe(false);
  expect(mayCall(api['settings/update'].access, ['clerk'])).toBe(false);
  expect(mayCall(api['case/refer'].access, ['inspector'])).toBe(true);
  expect(mayCall(api['circular/issue'].access, ['inspector'])).toBe(false);
  expect(mayCall(api['circular/issue'].access, ['office'])).toBe(true);
  expect(methods.filter((m) => api[m].mutates && mayCall(api[m].access, ['viewer']))).toEqual(['auth/setup', 'auth/changePassword']);
  // the directory of names (for histories) is everyone's; managing accounts is the administrator's alone
  expect(api['accounts/directory'].access).toBe('signed-in');
  expect(methods.filter((m) => m.startsWith('accounts/') && m !== 'accounts/directory').every((m) => mayCall(api[m].access, ['admin']) && !mayCall(api[m].access, ['office']))).toBe(true);
  // the governor's office does what intake and inspection do, and more
  for (const m of methods) {
    if (mayCall(api[m].access, ['clerk']) || mayCall(api[m].access, ['inspector'])) expect(mayCall(api[m].access, ['office']), m).toBe(true);
  }
});
