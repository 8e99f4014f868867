// One canonical JSON of a value (keys sorted at every level, undefined left out) and its SHA-256: the same
// record hashes alike in a data folder and in PostgreSQL, whose jsonb keeps keys in an order of its own.
import { createHash } from 'node:crypto';

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export const checksum = (v: unknown): string => createHash('sha256').update(canonicalJson(v)).digest('hex');
