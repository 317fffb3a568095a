/**
 * Values kept beside an object while it lives, a few per object by a key: what is made from an
 * envelope or a first view once, for every visitor (first-view.ts, app.ts's `/shop`). The keys
 * come from visitors' requests, so at most `maxPerOwner` are kept per object: past that, the
 * object's values start again.
 */
export function keptBeside<O extends object, T>(maxPerOwner: number) {
  const kept = new WeakMap<O, Map<string, T>>();
  const set = (owner: O, key: string, value: T): T => {
    let values = kept.get(owner);
    if (!values || values.size >= maxPerOwner) kept.set(owner, (values = new Map()));
    values.set(key, value);
    return value;
  };
  return {
    has: (owner: O, key: string): boolean => kept.get(owner)?.has(key) ?? false,
    get: (owner: O, key: string): T | undefined => kept.get(owner)?.get(key),
    set,
    /** The kept value, or `make`'s, kept. */
    made(owner: O, key: string, make: () => T): T {
      const values = kept.get(owner);
      return values?.has(key) ? (values.get(key) as T) : set(owner, key, make());
    },
  };
}
