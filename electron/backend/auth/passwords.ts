// Password hashes: scrypt from node:crypto (memory-hard), a random salt per account, parameters kept in the
// hash so that they can be raised later without locking anyone out. Comparison takes constant time.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, o: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(pw, salt, len, o, (e, key) => (e ? reject(e) : resolve(key))));

/** OWASP's scrypt minimum is N=2^17, r=8, p=1 (128 MiB); 2^16 (64 MiB, ~0.1 s here) suits an office PC serving several desks. */
const COST = { N: 2 ** 16, r: 8, p: 1 };
const KEY_LENGTH = 32;
const maxmem = (o: { N: number; r: number }): number => 256 * o.N * o.r;

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...COST, maxmem: maxmem(COST) });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const o = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { ...o, maxmem: maxmem(o) });
  return timingSafeEqual(key, expected);
}

/** A hash to check unknown user names against, so that they take as long as a wrong password. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  return decoy;
}
