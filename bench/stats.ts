/** Median, min and max of repeated measurements, in milliseconds. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function stat(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median: round(median), min: round(sorted[0] ?? 0), max: round(sorted.at(-1) ?? 0), runs: sorted.length };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Runs `work` `runs` times (after one warm-up) and returns the timing statistics. */
export function measure(runs: number, work: () => unknown): Stat {
  work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return stat(samples);
}

/** Frame intervals summed up: median, 95th percentile and the longest, in milliseconds. */
export interface FrameSummary {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  frames: number;
}

export function frameSummary(samples: number[]): FrameSummary | null {
  if (samples.length === 0) return null;
  return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: round(Math.max(...samples)), frames: samples.length };
}
