/** Figures of repeated runs, shared by `npm run bench` and `npm run bench:form`. */

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function stats(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1)!, runs: sorted.length };
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

/** `12.3 ms [10.1–15.0 ms]`: median and range. */
export const line = (s: Stats) => `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]`;

/** The median of `a` over the median of `b`, e.g. `2.4×`. */
export const ratio = (a: Stats, b: Stats) => (b.median > 0 ? `${(a.median / b.median).toFixed(a.median / b.median < 10 ? 2 : 1)}×` : '–');
