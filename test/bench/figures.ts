/**
 * What `npm run bench` measures inside the extension host (test/bench/*.ts,
 * run by scripts/bench/host.ts) and hands back as JSON. Not part of `npm test`.
 */

/** A file-read count of one command run (the extension's workspaceFs counter). */
export interface ReadCount {
  reads: number;
  distinct: number;
  /** files read more than once, as URIs */
  repeated: string[];
}

/** One measured operation beside its same-run baseline, in milliseconds. */
export interface Timed {
  samples: number[];
  baseline: number[];
  /** what the baseline did */
  baselineLabel: string;
  /** the first (cold) run, kept out of the samples */
  first?: number;
  /** reads of each measured run */
  reads?: ReadCount[];
  note?: string;
}

/** 'first-load': a fresh window; 'reopen': the same window opened again, with the state the first one left (the requests cache). */
export type HostPhase = 'commands' | 'scale' | 'first-load' | 'reopen';

export interface HostConfig {
  phase: HostPhase;
  /** measured runs after the first */
  runs: number;
  today: string;
  /** scale: the assessments Generate Quote runs on, one per run (each gets a new quote number), workspace-relative */
  quoteTargets?: string[];
}

export interface HostFigures {
  phase: HostPhase;
  rows: Record<string, Timed>;
  info: Record<string, string | number>;
}
