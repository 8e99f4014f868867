// Accounts and sign-in: the first administrator, signing in and out, one's own password, and the
// administrator's accounts. Wrong passwords are counted per user name and per address on the server; an account disabled or
// reset loses its sessions at once. Passwords are hashed before any unit of work and never logged.
import { randomUUID } from 'node:crypto';
import type { AuthStatus, ParsedArgs } from '../../../shared/api';
import { publicAccount, type Account, type StoredAccount } from '../../../shared/accounts';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { ROLES } from '../../../shared/roles';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords';
import type { BackendContext, ReadContext, TxContext } from '../context';
import { isKnownOffice, officeField, officeLabel, officeOf, PROVINCE, type Office } from '../../../shared/offices';

/** Five wrong passwords within a quarter of an hour close the account until the first of them is that old. */
export const SIGN_IN_ATTEMPTS = { max: 5, windowMs: 15 * 60_000 };
/**
 * Thirty wrong passwords from one address within a quarter of an hour close sign-in from there, whatever the
 * user names: guessing a few passwords for each of many names is stopped too. A busy shared PC stays far below it.
 */
export const SIGN_IN_SOURCE_ATTEMPTS = { max: 30, windowMs: 15 * 60_000 };

export async function authStatus(ctx: BackendContext): Promise<AuthStatus> {
  const needsSetup = (await ctx.store.listAccounts()).length === 0;
  const stored = ctx.caller?.accountId ? await ctx.store.getAccount(ctx.caller.accountId) : undefined;
  return {
    needsSetup,
    account: stored ? publicAccount(stored) : null,
    roles: ctx.caller?.roles ?? [],
    mustChangePassword: stored?.mustChangePassword ?? false,
  };
}

/** The first start: the administrator's account, signed in at once. Refused once any account exists. */
export async function setUp(ctx: BackendContext, a: ParsedArgs<'auth/setup'>): Promise<AuthStatus> {
  const passwordHash = await hashPassword(a.password);
  const account = await ctx.mutate('auth/setup', async (t) => {
    if ((await t.store.listAccounts()).length) throw new DidarError('conflict', msg.setupDone);
    return addAccount(t, { username: a.username, displayName: a.displayName, roles: ['admin'] }, passwordHash, a.username);
  }, { operator: a.username });
  return startSession(ctx, account);
}

export async function signIn(ctx: BackendContext, a: ParsedArgs<'auth/signIn'>): Promise<AuthStatus> {
  ctx.auth.failures.refuseWhileLocked(a.username, msg.accountLocked);
  ctx.auth.sourceFailures.refuseWhileLocked(ctx.auth.source, msg.sourceLocked);
  // counted before the password is compared (and forgiven when right): guesses sent all at once are limited too
  ctx.auth.failures.count(a.username);
  ctx.auth.sourceFailures.count(ctx.auth.source);
  const account = await ctx.store.getAccountByUsername(a.username);
  // an unknown name takes as long as a wrong password, and gets the same answer
  const matches = await verifyPassword(a.password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !matches || account.disabled) {
    await ctx.store.logEvent({ operator: a.username }, 'auth/sign-in-failed', 'account', account?.id ?? '');
    throw new DidarError('unauthorized', msg.signInFailed);
  }
  ctx.auth.failures.clear(a.username);
  ctx.auth.sourceFailures.forgiveLast(ctx.auth.source);
  return startSession(ctx, account);
}


async function startSession(ctx: BackendContext, account: StoredAccount): Promise<AuthStatus> {
  ctx.auth.setSession(await ctx.auth.sessions.create(account.id));
  await ctx.store.logEvent({ operator: account.username }, 'auth/sign-in', 'account', account.id);
  return { needsSetup: false, account: publicAccount(account), roles: account.roles, mustChangePassword: account.mustChangePassword };
}

export async function signOut(ctx: BackendContext): Promise<AuthStatus> {
  if (ctx.caller?.sessionId) await ctx.auth.sessions.end(ctx.caller.sessionId);
  ctx.auth.setSession(null);
  await ctx.store.logEvent(ctx.actor, 'auth/sign-out', 'account', ctx.caller?.accountId ?? '');
  return { needsSetup: false, account: null, roles: [], mustChangePassword: false };
}

/** One's own password: the current one first; the account's other sessions end. */
export async function changePassword(ctx: BackendContext, a: ParsedArgs<'auth/changePassword'>): Promise<AuthStatus> {
  const id = ctx.caller?.accountId;
  if (!id) throw new DidarError('forbidden', msg.forbidden); // the command line has no password of its own
  const key = ctx.actor.operator;
  ctx.auth.failures.refuseWhileLocked(key, msg.accountLocked);
  ctx.auth.failures.count(key); // before comparing, as at sign-in
  const current = await requireAccount(ctx, id);
  if (!(await verifyPassword(a.current, current.passwordHash))) throw new DidarError('bad-args', msg.passwordWrong, { current: msg.passwordWrong });
  ctx.auth.failures.clear(key);
  if (a.current === a.next) throw new DidarError('bad-args', msg.passwordSame, { next: msg.passwordSame });
  const passwordHash = await hashPassword(a.next);
  const account = await ctx.mutate('auth/changePassword', async (t) => {
    const now = await requireAccount(t, id);
    const next: StoredAccount = { ...now, passwordHash, passwordChangedAt: ctx.now().toISOString(), mustChangePassword: false };
    await t.store.putAccount(next);
    return next;
  });
  await ctx.auth.sessions.endAccount(id, ctx.caller?.sessionId);
  return { needsSetup: false, account: publicAccount(account), roles: account.roles, mustChangePassword: false };
}

// ---- the administrator's accounts ----

/** A county's administrator manages the accounts of their own county only; the province's, every office's. */
const mayManage = (ctx: ReadContext, a: Pick<StoredAccount, 'office'>): boolean => ctx.office === PROVINCE || officeOf(a) === ctx.office;

/** The office an account is given: one the settings know, and for a county's administrator their own. */
async function officeToGive(ctx: ReadContext, office: Office | undefined): Promise<Office> {
  const o = office ?? ctx.office;
  if (!isKnownOffice(o, (await ctx.store.getSettings()).counties)) throw new DidarError('bad-args', msg.officeUnknown, { office: msg.officeUnknown });
  if (!mayManage(ctx, officeField(o))) throw new DidarError('forbidden', msg.accountOfOtherOffice(officeLabel(ctx.office)));
  return o;
}

export async function listAccounts(ctx: BackendContext): Promise<(Account & { sessions: number })[]> {
  return (await ctx.store.listAccounts()).filter((a) => mayManage(ctx, a)).map((a) => ({ ...publicAccount(a), sessions: ctx.auth.sessions.count(a.id) }));
}

export async function createAccount(ctx: BackendContext, a: ParsedArgs<'accounts/create'>): Promise<Account> {
  const office = await officeToGive(ctx, a.office);
  const passwordHash = await hashPassword(a.password);
  const account = await ctx.mutate('accounts/create', (t) => addAccount(t, { ...a, ...officeField(office) }, passwordHash, ctx.actor.operator));
  return publicAccount(account);
}

export async function updateAccount(ctx: BackendContext, a: ParsedArgs<'accounts/update'>): Promise<Account> {
  const office = a.office === undefined ? undefined : await officeToGive(ctx, a.office);
  const account = await ctx.mutate('accounts/update', async (t) => {
    const before = await requireManaged(t, a.id);
    const { office: _was, ...rest } = before;
    const next: StoredAccount = {
      ...(office === undefined ? before : { ...rest, ...officeField(office) }),
      ...(a.displayName !== undefined ? { displayName: a.displayName } : {}),
      ...(a.roles !== undefined ? { roles: a.roles } : {}),
      ...(a.disabled !== undefined ? { disabled: a.disabled } : {}),
    };
    const hadAdmin = await hasActiveAdministrator(t);
    await t.store.putAccount(next);
    if (hadAdmin && !(await hasActiveAdministrator(t))) throw new DidarError('conflict', msg.lastAdmin);
    return next;
  });
  // a disabled account is out at once; a changed role applies from the next call (roles are read per call)
  if (account.disabled) await ctx.auth.sessions.endAccount(account.id);
  return publicAccount(account);
}

/** A new password set by the administrator: the account's sessions end, and its next sign-in asks for its own. */
export async function resetPassword(ctx: BackendContext, a: ParsedArgs<'accounts/resetPassword'>): Promise<Account> {
  const passwordHash = await hashPassword(a.password);
  const account = await ctx.mutate('accounts/resetPassword', async (t) => {
    const next: StoredAccount = { ...(await requireManaged(t, a.id)), passwordHash, passwordChangedAt: ctx.now().toISOString(), mustChangePassword: true };
    await t.store.putAccount(next);
    return next;
  });
  await ctx.auth.sessions.endAccount(account.id);
  ctx.auth.failures.clear(account.username);
  return publicAccount(account);
}

async function addAccount(t: TxContext, a: Pick<Account, 'username' | 'displayName' | 'roles' | 'office'>, passwordHash: string, by: string): Promise<StoredAccount> {
  if (await t.store.getAccountByUsername(a.username)) throw new DidarError('conflict', msg.usernameTaken, { username: msg.usernameTaken });
  const at = t.now().toISOString();
  const account: StoredAccount = {
    id: randomUUID(), username: a.username, displayName: a.displayName, roles: a.roles.filter((r) => ROLES.includes(r)),
    ...(a.office === undefined ? {} : officeField(a.office)), disabled: false, mustChangePassword: false, createdAt: at, createdBy: by, passwordChangedAt: at, passwordHash,
  };
  await t.store.putAccount(account);
  return account;
}

async function requireAccount(ctx: { store: { getAccount(id: string): Promise<StoredAccount | undefined> } }, id: string): Promise<StoredAccount> {
  const a = await ctx.store.getAccount(id);
  if (!a) throw new DidarError('not-found', msg.accountNotFound);
  return a;
}

/** An account the caller may manage (another county's is refused as not theirs). */
async function requireManaged(t: TxContext, id: string): Promise<StoredAccount> {
  const a = await requireAccount(t, id);
  if (!mayManage(t, a)) throw new DidarError('forbidden', msg.accountOfOtherOffice(officeLabel(t.office)));
  return a;
}

/** The office must never lock itself out of its own settings and accounts: a change may not take away the last administrator. */
async function hasActiveAdministrator(t: TxContext): Promise<boolean> {
  return (await t.store.listAccounts()).some((a) => !a.disabled && a.roles.includes('admin'));
}
