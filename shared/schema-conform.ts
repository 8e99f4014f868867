// A fast, non-copying reading of a zod schema, for loading 100,000 stored cases: `safeParse` builds a copy of
// every object (about 0.9 s at 100,000 cases); this walks the value once, fills missing defaults in place and
// answers yes or no. It is generated from the same schema (as zod's own fast path is, with `new Function`),
// so the two cannot drift apart, and a property test checks that both give the same verdict. On "no" the
// caller asks zod for the precise issue.
import type { z } from 'zod';

/** True when `value` matches; defaults missing from objects are filled in place, as zod's output would have them. */
export type Conform = (value: unknown) => boolean;

type Def = {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
};
type CheckDef = {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (v: unknown) => unknown;
};

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const isPrimitive = (x: unknown): x is string | number | boolean | null =>
  x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));

/** Whether an object may leave this field out (zod marks optional fields, unions of them included). */
const mayBeMissing = (s: z.ZodType): boolean => (s as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** Generated source: statements that `return false` when the variable does not match. */
class Generator {
  readonly helpers: unknown[] = [];
  private n = 0;

  ref(x: unknown): string {
    this.helpers.push(x);
    return `h[${this.helpers.length - 1}]`;
  }

  fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  /** A schema checked by a function of its own (union options: one failing must not end the caller). */
  fn(s: z.ZodType): string {
    return this.ref(this.compile(s));
  }

  compile(s: z.ZodType): Conform {
    const v = this.fresh('u');
    const src = `return function conform(${v}) {\n${this.body(s, v, true)}\nreturn true;\n}`;
    return new Function('h', src)(this.helpers) as Conform;
  }

  checks(def: Def, v: string): string {
    return (def.checks ?? []).map(({ _zod: { def: c } }) => {
      switch (c.check) {
        case 'min_length': return `if (${v}.length < ${c.minimum}) return false;`;
        case 'max_length': return `if (${v}.length > ${c.maximum}) return false;`;
        case 'length_equals': return `if (${v}.length !== ${c.value}) return false;`;
        case 'greater_than': return `if (!(${v} ${c.inclusive ? '>=' : '>'} ${c.value})) return false;`;
        case 'less_than': return `if (!(${v} ${c.inclusive ? '<=' : '<'} ${c.value})) return false;`;
        case 'number_format':
          if (c.format === 'safeint') return `if (!Number.isSafeInteger(${v})) return false;`;
          break;
        case 'string_format':
          if (c.format === 'regex' && c.pattern) {
            const re = this.ref(c.pattern);
            return c.pattern.global || c.pattern.sticky ? `${re}.lastIndex = 0; if (!${re}.test(${v})) return false;` : `if (!${re}.test(${v})) return false;`;
          }
          break;
        case 'custom': return `if (${this.ref(c.fn)}(${v}) !== true) return false;`;
      }
      throw new Error(`schema-conform: unsupported check ${c.check}${c.format ? ` (${c.format})` : ''}`);
    }).join('\n');
  }

  /** Statements checking the value held by variable `v`. */
  body(s: z.ZodType, v: string, root = false): string {
    const def = defOf(s);
    // every object gets a function of its own: V8 optimises small functions, not one the size of a day file
    if (def.type === 'object' && !root) return `if (!${this.fn(s)}(${v})) return false;`;
    const checks = this.checks(def, v);
    const base = ((): string => {
      switch (def.type) {
        case 'string': return `if (typeof ${v} !== 'string') return false;`;
        case 'number': return `if (typeof ${v} !== 'number' || !Number.isFinite(${v})) return false;`;
        case 'boolean': return `if (typeof ${v} !== 'boolean') return false;`;
        case 'unknown':
        case 'any': return '';
        case 'literal':
        case 'enum': {
          const values = def.type === 'literal' ? def.values! : Object.values(def.entries!);
          if (values.length <= 8 && values.every(isPrimitive)) return `if (${values.map((x) => `${v} !== ${JSON.stringify(x)}`).join(' && ')}) return false;`;
          return `if (!${this.ref(new Set(values))}.has(${v})) return false;`;
        }
        case 'optional':
        case 'default':
          return `if (${v} !== undefined) {\n${this.body(def.innerType!, v)}\n}`;
        case 'array': {
          const i = this.fresh('i');
          const x = this.fresh('x');
          return `if (!Array.isArray(${v})) return false;\nfor (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${x} = ${v}[${i}];\n${this.body(def.element!, x)}\n}`;
        }
        case 'object': {
          const fields = Object.entries(def.shape!).map(([key, fs]) => {
            const d = defOf(fs);
            const x = this.fresh('x');
            const k = JSON.stringify(key);
            let missing = mayBeMissing(fs) ? '' : 'return false;';
            let inner = fs;
            if (d.type === 'default') {
              // a missing field with a default is filled by its object, the only one that can set it
              const empty = Array.isArray(d.defaultValue) && d.defaultValue.length === 0;
              missing = `${v}[${k}] = ${empty ? '[]' : `structuredClone(${this.ref(d.defaultValue)})`};`;
              inner = d.innerType!;
            }
            return `const ${x} = ${v}[${k}];\nif (${x} === undefined) { ${missing} } else {\n${this.body(inner, x)}\n}`;
          });
          return `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return false;\n${fields.join('\n')}`;
        }
        case 'record': {
          const k = this.fresh('k');
          const x = this.fresh('x');
          // zod leaves a `__proto__` key out of its output; so does this, in place
          return `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return false;
if (Object.hasOwn(${v}, '__proto__')) delete ${v}.__proto__;
for (const ${k} of Object.keys(${v})) {
${this.body(def.keyType!, k)}
const ${x} = ${v}[${k}];
${this.body(def.valueType!, x)}
}`;
        }
        case 'union': return `if (!(${def.options!.map((o) => `${this.fn(o)}(${v})`).join(' || ')})) return false;`;
      }
      throw new Error(`schema-conform: unsupported schema type ${def.type}`);
    })();
    return checks ? `${base}\n${checks}` : base;
  }
}

/** Compiles a schema made of objects, arrays, records, unions, enums, literals, strings, numbers and booleans. */
export function compileConform(schema: z.ZodType): Conform {
  return new Generator().compile(schema);
}
