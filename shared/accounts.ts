// Accounts of the office's staff: who signs in, in which roles. Passwords leave the browser only to be
// checked or hashed on the server; an account as the UI sees it never holds its hash.
import { z } from 'zod';
import { lineField } from './domain';
import { msg } from './messages';
import { normalizeLetters, toAsciiDigits } from './persian-text';
import type { DeepReadonly } from './readonly';
import { OfficeInput } from './offices';
import { ROLES } from './roles';
import { StoredAccountSchema } from './stored-schemas';

/** ASVS 2.1.1/2.1.2: at least 12 characters, up to 128, no rules on their kind (a Persian phrase is a good password). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const UsernameInput = z.string({ error: msg.usernameInvalid }).max(64, { error: msg.usernameInvalid })
  .transform((s) => normalizeLetters(toAsciiDigits(s.trim())).toLowerCase())
  .pipe(z.string().min(3, { error: msg.usernameInvalid }).max(40, { error: msg.usernameInvalid })
    .regex(/^[\p{L}\p{N}._-]+$/u, { error: msg.usernameInvalid }));

/** A new password: only its length is checked (and that it is not made of one repeated character). */
export const NewPasswordInput = z.string({ error: msg.passwordTooShort(PASSWORD_MIN) })
  .max(PASSWORD_MAX, { error: msg.passwordTooLong(PASSWORD_MAX) })
  .refine((s) => [...s].length >= PASSWORD_MIN, { error: msg.passwordTooShort(PASSWORD_MIN) })
  .refine((s) => new Set(s).size > 2, { error: msg.passwordTooSimple });

/** A password typed to sign in or to confirm: never trimmed or normalised, only bounded. */
export const PasswordInput = z.string({ error: msg.required }).min(1, { error: msg.required }).max(PASSWORD_MAX * 4, { error: msg.required });

export const RolesInput = z.array(z.enum(ROLES)).min(1, { error: msg.rolesRequired }).max(ROLES.length)
  .transform((rs) => [...new Set(rs)]);

export const AccountDraftSchema = z.object({
  username: UsernameInput,
  displayName: lineField(80),
  roles: RolesInput,
  /** The office the account works for: 'province' or a county (absent: the administrator's own office). */
  office: OfficeInput.optional(),
  password: NewPasswordInput,
});

/** As stored: with the password's hash (scrypt, a salt of its own). */
export type StoredAccount = DeepReadonly<z.output<typeof StoredAccountSchema>>;

/** An account as everyone but the password check sees it. */
export type Account = Omit<StoredAccount, 'passwordHash'>;

/** The account without its hash, for every answer that leaves the server. */
export function publicAccount(a: StoredAccount): Account {
  const { passwordHash: _hash, ...rest } = a;
  return rest;
}
