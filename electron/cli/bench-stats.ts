// The benches' figures: percentiles of measured times, rounded to hundredths of a millisecond.

/** The p-th percentile (nearest rank) of the values; 0 for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export const round = (x: number): number => Math.round(x * 100) / 100;
