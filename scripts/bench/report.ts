/** The table `npm run bench` prints and writes to BENCHMARKS.md, with the machine, date and commit. */
import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';
import type { ReadCount } from '../../test/bench/figures';
import { line, ratio, type Stats } from './stats';

export interface Row {
  section: string;
  name: string;
  /** a measured figure, or a fixed text (a bundle size) */
  ours: Stats | string;
  baseline?: Stats;
  baselineLabel?: string;
  budget: string;
  /** undefined: no budget (printed for context) */
  met?: boolean;
  /** how far off the budget, when missed */
  missedBy?: string;
  reads?: ReadCount[];
  note?: string;
}

/** `reads / distinct` over the measured runs, marked when a file was read twice. */
export function readsCell(reads: ReadCount[] | undefined): string {
  if (!reads || reads.length === 0) return '';
  const worst = reads.reduce((a, b) => (b.reads - b.distinct > a.reads - a.distinct ? b : a));
  const all = new Set(reads.map((r) => `${r.reads}/${r.distinct}`));
  const range = all.size === 1 ? `${worst.reads} / ${worst.distinct}` : `${Math.min(...reads.map((r) => r.reads))}–${Math.max(...reads.map((r) => r.reads))} / ${Math.min(...reads.map((r) => r.distinct))}–${Math.max(...reads.map((r) => r.distinct))}`;
  return worst.repeated.length > 0 ? `${range} ✘` : `${range} ✔`;
}

const cell = (s: Stats | string | undefined) => (s === undefined ? '' : typeof s === 'string' ? s : line(s));
const mark = (row: Row) => (row.met === undefined ? '–' : row.met ? '✔ met' : `✘ missed${row.missedBy ? ` (${row.missedBy})` : ''}`);
const escape = (text: string) => text.replace(/\|/g, '\\|');

export function machine(): string {
  const cpu = cpus();
  const gb = (totalmem() / 1024 ** 3).toFixed(1);
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${gb} GB memory; ${platform()} ${release()}, Node ${process.version}`;
}

export function commit(root: string): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    const head = git('log', '-1', '--format=%h %s');
    const dirty = git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean).length;
    return `${head.slice(0, 100)}${head.length > 100 ? '…' : ''}${dirty ? ` (and ${dirty} files with uncommitted changes in the working tree)` : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** The table as Markdown, one section heading row per section. */
export function table(rows: Row[]): string {
  const out = ['| Measure | Ours: median [min–max] | Baseline (same run): median [min–max] | Ratio | Budget | Result | Reads / distinct files |', '| --- | --- | --- | --- | --- | --- | --- |'];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      out.push(`| **${section}** | | | | | | |`);
    }
    const base = row.baseline ? `${line(row.baseline)}: ${row.baselineLabel ?? ''}` : (row.baselineLabel ?? '');
    const r = row.baseline && typeof row.ours !== 'string' ? ratio(row.ours, row.baseline) : '';
    out.push(`| ${escape(row.name)} | ${cell(row.ours)} | ${escape(base)} | ${r} | ${escape(row.budget)} | ${mark(row)} | ${readsCell(row.reads)} |`);
  }
  return out.join('\n');
}

/** One line per budget: met or missed, and by how much. */
export function budgetLines(rows: Row[]): string[] {
  const lines = rows.filter((row) => row.met !== undefined).map((row) => `- ${row.met ? '✔' : '✘'} ${row.section} / ${row.name}: ${row.budget}${row.met ? '' : `: missed${row.missedBy ? `, ${row.missedBy}` : ''}`}`);
  for (const row of rows.filter((r) => r.reads && r.reads.length > 0)) {
    const repeated = [...new Set(row.reads!.flatMap((r) => r.repeated))];
    lines.push(`- ${repeated.length === 0 ? '✔' : '✘'} ${row.section} / ${row.name}: no file read twice in one command${repeated.length === 0 ? '' : `: read more than once: ${repeated.slice(0, 3).join(', ')}${repeated.length > 3 ? ` and ${repeated.length - 3} more` : ''}`}`);
  }
  return lines;
}

export interface Report {
  rows: Row[];
  notes: string[];
  /** for each missed budget, why it is missed (said plainly, with what would be needed to meet it) */
  why?: string[];
  date: string;
  machine: string;
  commit: string;
  seconds: number;
}

export function markdown(report: Report): string {
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${report.date}, in ${Math.round(report.seconds)} s.`,
    '',
    `- Machine: ${report.machine}`,
    `- Commit: ${report.commit}`,
    '',
    'Every timing is the median [min–max] of the runs named below, beside a baseline measured in the same run on the same machine (these machines are shared and noisy: compare the ratio, not the milliseconds, between runs). The bench reports; it never fails on a missed budget.',
    '',
    '## Budgets',
    '',
    ...budgetLines(report.rows),
    '',
    ...(report.why && report.why.length > 0 ? ['## Budgets still missed, and why', '', ...report.why.map((line) => `- ${line}`), ''] : []),
    '## Figures',
    '',
    table(report.rows),
    '',
    '## How each figure is measured',
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}
