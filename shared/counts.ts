// Counting by a key, most frequent first and then by name: «ساری (۴)، آمل (۲)» in circulars, summaries and boards.
export function countsBy<T, K extends string>(items: readonly T[], key: (x: T) => K): [K, number][] {
  const m = new Map<K, number>();
  for (const x of items) {
    const k = key(x);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
