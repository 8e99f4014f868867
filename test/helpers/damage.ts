// Random damage to a stored document, as a hand edit or a broken program would do it: a field dropped,
// retyped or nulled, a record or a field duplicated. Pure, for the property tests of the stored schemas.
import fc from 'fast-check';

type Path = (string | number)[];
type Json = unknown;

export type Damage =
  | { op: 'drop' | 'null'; at: number }
  | { op: 'retype'; at: number; value: Json }
  | { op: 'duplicate-record'; at: number }
  | { op: 'copy-field'; at: number; from: number }
  | { op: 'add-field'; at: number; value: Json };

/** Values of the wrong type or out of range for almost any field. */
export const WRONG_VALUES: readonly Json[] = [
  'x', '', 0, -1, 1.5, 1e9, 99999999999, true, [], {}, [null], { a: 1 }, 'ی'.repeat(3000), '1405/13/40', '2026-99-99', '__proto__',
  '0599999990', '\u202Eکد\u0007', null,
];

const value = fc.constantFrom(...WRONG_VALUES);
const at = fc.nat();
export const damageArb: fc.Arbitrary<Damage[]> = fc.array(fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'null' as const), at }),
  fc.record({ op: fc.constant('retype' as const), at, value }),
  fc.record({ op: fc.constant('duplicate-record' as const), at }),
  fc.record({ op: fc.constant('copy-field' as const), at, from: fc.nat() }),
  fc.record({ op: fc.constant('add-field' as const), at, value }),
), { minLength: 1, maxLength: 3 });

/** Every path into the document (not the root), in a stable order. */
export function pathsOf(doc: Json, prefix: Path = []): Path[] {
  if (doc === null || typeof doc !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(doc) ? doc.map((_, i) => i) : Object.keys(doc);
  return keys.flatMap((k) => [[...prefix, k], ...pathsOf((doc as Record<string | number, Json>)[k], [...prefix, k])]);
}

const parentOf = (doc: Json, p: Path): Record<string | number, Json> =>
  p.slice(0, -1).reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], doc) as Record<string | number, Json>;
const get = (doc: Json, p: Path): Json => parentOf(doc, p)[p.at(-1)!];

/** A damaged deep copy of `doc` (the original is not touched). */
export function damage(doc: Json, damages: readonly Damage[]): Json {
  const out = structuredClone(doc);
  for (const d of damages) {
    const paths = pathsOf(out);
    if (!paths.length) break;
    const p = paths[d.at % paths.length]!;
    const parent = parentOf(out, p);
    const key = p.at(-1)!;
    switch (d.op) {
      case 'drop':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'null': parent[key] = null; break;
      case 'retype': parent[key] = structuredClone(d.value); break;
      case 'duplicate-record': {
        // the innermost list the path goes through gets a second copy of that element
        const i = p.findLastIndex((k) => typeof k === 'number');
        if (i < 0) break;
        const list = get(out, p.slice(0, i)) as Json[];
        list.push(structuredClone(list[p[i] as number]));
        break;
      }
      case 'copy-field': parent[key] = structuredClone(get(out, paths[d.from % paths.length]!)); break;
      case 'add-field':
        if (parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key])) (parent[key] as Record<string, Json>).extra = structuredClone(d.value);
        break;
    }
  }
  return out;
}
