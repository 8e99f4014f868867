// Values handed out by the store are read-only all the way down: a change is a new value given to a unit of
// work, never an edit of what the store holds.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- functions are left as they are
export type DeepReadonly<T> = T extends Function
  ? T
  : T extends readonly (infer R)[]
    ? readonly DeepReadonly<R>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** Freezes a value and everything it holds (plain objects and arrays), in place; returns it. */
export function deepFreeze<T>(v: T): DeepReadonly<T> {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v as DeepReadonly<T>;
}
