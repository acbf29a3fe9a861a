/**
 * `npm run bench` (issue 12): the extension's performance budgets, each beside
 * a baseline measured in the same run, printed as one table and written to
 * BENCHMARKS.md with the machine, date and commit. Separate from `npm test`;
 * it brings what it needs the way `npm test` does (Debian packages, code-server).
 *
 * 1. Bundle sizes: the production build (scripts/bench/bundle.ts), also the
 *    build every code-server run below loads;
 * 2. the estimate form: scripts/bench-form.ts's recompute and first paint;
 * 3. activation and palette latency against an empty extension, 5 fresh
 *    code-servers (scripts/bench/activation.ts);
 * 4. command latency in the extension host, sample workspace (test/bench/commands.ts);
 * 5. scale: a generated monorepo of 50,000 files (scripts/bench/monorepo.ts),
 *    5 fresh windows (test/bench/scale.ts).
 *
 * A missed budget is reported, never "fixed" here and never a failure; the
 * exit code is non-zero only when a measurement could not be taken.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import type { HostFigures, Timed } from '../test/bench/figures';
import { firstPaint, recompute } from './bench-form';
import { activationRuns } from './bench/activation';
import { BENCH_OUT, buildProductionExtension, bundleSizes, REPO_ROOT } from './bench/bundle';
import { bundleHostBench, runInExtensionHost } from './bench/host';
import { generateMonorepo } from './bench/monorepo';
import { budgetLines, commit, machine, markdown, table, type Row } from './bench/report';
import { fmt, stats, type Stats } from './bench/stats';
import { whyMissed } from './bench/why';

const UI_RUNS = 5;
const COMMAND_RUNS = 15;
const SCALE_RUNS = 5;
const SCALE_WINDOWS = 5;
const TODAY = '2026-11-25';
const started = Date.now();

function progress(text: string): void {
  console.log(`[bench] ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${text}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A row with a "median under `ms`" budget. */
function underMs(section: string, name: string, ours: Stats, ms: number, extra: Partial<Row> = {}): Row {
  const met = ours.median < ms;
  return { section, name, ours, budget: `under ${ms} ms`, met, ...(met ? {} : { missedBy: `median ${fmt(ours.median - ms)} over` }), ...extra };
}

/** A host row: its samples beside its baseline, with its reads. */
function hostRow(section: string, name: string, timed: Timed, budget: (ours: Stats, baseline: Stats) => Pick<Row, 'budget' | 'met' | 'missedBy'>): Row {
  const ours = stats(timed.samples);
  const baseline = stats(timed.baseline);
  return { section, name, ours, baseline, baselineLabel: timed.baselineLabel, ...budget(ours, baseline), ...(timed.reads ? { reads: timed.reads } : {}) };
}

function timesBare(limit: number) {
  return (ours: Stats, baseline: Stats) => {
    const times = ours.median / baseline.median;
    return { budget: `under ${limit}× the bare write`, met: times < limit, ...(times < limit ? {} : { missedBy: `${times.toFixed(1)}× the bare write` }) };
  };
}

function under500(ours: Stats) {
  const met = ours.median < 500;
  return { budget: 'under 500 ms', met, ...(met ? {} : { missedBy: `median ${fmt(ours.median - 500)} over` }) };
}

async function main(): Promise<void> {
  const { ensureSystemPackages, ensureCodeServer } = await import('./ensure-code-server.mjs');
  ensureSystemPackages();
  await ensureCodeServer();
  const rows: Row[] = [];
  const notes: string[] = [];

  progress('building the production extension (node esbuild.mjs --production) into test-output/bench/extension');
  const extension = buildProductionExtension();
  for (const size of bundleSizes()) {
    const met = size.budgetBytes === undefined ? undefined : size.bytes <= size.budgetBytes;
    rows.push({
      section: 'Bundle sizes (production build)',
      name: `dist/${size.name}.js`,
      ours: kb(size.bytes),
      baselineLabel: `no baseline; largest inputs: ${size.largest.map((l) => `${l.input} ${kb(l.bytes)}`).join(', ')}`,
      budget: size.budgetBytes === undefined ? `none (loaded on demand)` : `under ${kb(size.budgetBytes)}${size.name === 'extension' ? ' (what activation loads)' : ''}`,
      met,
      ...(met === false ? { missedBy: `${kb(size.bytes - size.budgetBytes!)} over` } : {}),
    });
  }
  notes.push('Bundle sizes: the output sizes in the metafiles `node esbuild.mjs --production` writes (dist/<name>.meta.json); "largest" are the inputs with the most bytes in the output. The 250 KB budget is about what activation loads: dist/extension.js, the thin entry that registers the commands and views. dist/desk.js (every command, the tree, the estimate form (extension side), yaml, zod) loads on first use or in idle time 100 ms after activation, and the template bundles when a document is rendered; they have no budget of their own.');

  progress('the estimate form: recompute for 200 work items');
  const form = recompute();
  rows.push(underMs('Estimate form', 'Recompute, 200 work items, both charts', form.form, 16, { baseline: form.baseline, baselineLabel: 'structuredClone of the draft' }));
  progress('the estimate form: first paint in the workbench (one code-server, 6 runs)');
  const paint = await firstPaint();
  rows.push(underMs('Estimate form', 'First paint: script start to figures', paint.paint, 300, { baseline: paint.load, baselineLabel: "the webview's own load to DOMContentLoaded" }));
  notes.push(`Estimate form (scripts/bench-form.ts, as \`npm run bench:form\`): the recompute is what the form does per keystroke (validate, compute, render figures and charts) in Node, 30 runs after 5 warm-up runs; the first paint runs in the real workbench with the development build, 5 runs after one warm-up, from the marks src/webview/main.ts sets. For context, click on the Custom Requests icon to figures: ${fmt(paint.click.median)}; the built-in Explorer's click to tree: ${fmt(paint.explorer.median)}.`);

  progress(`activation and palette latency: ${UI_RUNS} fresh code-servers with the empty extension beside ours`);
  const ui = await activationRuns(extension, UI_RUNS, (text) => progress(`  ${text}`));
  const activation = { ours: stats(ui.map((r) => r.activation.ours)), empty: stats(ui.map((r) => r.activation.empty)) };
  const overEmpty = activation.ours.median - activation.empty.median;
  rows.push({
    section: 'Startup (code-server + Chromium, fresh window each run)',
    name: 'Activation (Running Extensions view)',
    ours: activation.ours,
    baseline: activation.empty,
    baselineLabel: 'the empty extension',
    budget: 'within +10 ms of the empty extension',
    met: overEmpty <= 10,
    ...(overEmpty <= 10 ? {} : { missedBy: `+${fmt(overEmpty)}, ${fmt(overEmpty - 10)} over` }),
  });
  const palette = { ours: stats(ui.map((r) => r.palette.ours)), empty: stats(ui.map((r) => r.palette.empty)) };
  const paletteTimes = palette.ours.median / palette.empty.median;
  rows.push({
    section: 'Startup (code-server + Chromium, fresh window each run)',
    name: 'Palette Enter → first response',
    ours: palette.ours,
    baseline: palette.empty,
    baselineLabel: "the empty extension's notification",
    budget: 'at most 1.3× the empty extension',
    met: paletteTimes <= 1.3,
    ...(paletteTimes <= 1.3 ? {} : { missedBy: `${paletteTimes.toFixed(2)}×` }),
  });
  notes.push(`Startup: ${UI_RUNS} runs, each a fresh code-server (VS Code 1.100.3) on a fresh copy of the sample workspace with the production build and test/fixtures/empty-extension installed, driven by Debian's Chromium through playwright-core. After both commands are listed and 2 s for startup activations to settle, each extension's command is run from the palette (the order alternates between runs); the time runs from the Enter keydown to the first animation frame after the response is in the DOM (ours: the New Assessment quick input titled "New Custom Request Assessment (1/7)"; the empty one: its notification), measured in the page. Both activate on that command, so activation is part of it. Activation is VS Code's own figure in "Developer: Show Running Extensions" (code loading plus the activate() call).`);

  progress('bundling the extension-host benchmarks (test/bench)');
  await bundleHostBench();
  const { prepareSampleWorkspace } = await import('./sample-workspace.mjs');
  progress(`command latency in the extension host: sample workspace, 1 cold + ${COMMAND_RUNS} runs`);
  const commands = await runInExtensionHost(prepareSampleWorkspace(), extension, { phase: 'commands', runs: COMMAND_RUNS, today: TODAY });
  const commandSection = 'Commands in the extension host (sample workspace)';
  rows.push(hostRow(commandSection, 'New Assessment (arguments, no prompts) → file on disk', commands.rows.newAssessment, timesBare(3)));
  rows.push(hostRow(commandSection, 'Generate Quote → file on disk', commands.rows.generateQuote, timesBare(3)));
  rows.push(hostRow(commandSection, 'For context: one vscode.workspace.fs.stat', commands.rows.roundTrip, () => ({ budget: 'none (context)' })));
  notes.push(`Commands: run through vscode.commands.executeCommand inside code-server's extension host (a bench runner extension loaded beside ours, as the integration suite runs its specs), ${COMMAND_RUNS} runs after one cold run kept apart (New Assessment ${fmt(commands.rows.newAssessment.first ?? 0)}, Generate Quote ${fmt(commands.rows.generateQuote.first ?? 0)} cold), each followed by a bare vscode.workspace.fs.writeFile of the bytes the command wrote. New Assessment names the customer, title, language, deal size and an ADR (no prompt, editor not opened); Generate Quote runs on another assessment each run (made before anything is measured, with the worked-example estimate in block YAML as the estimate form saves it and linked to an ADR), so each run writes a request's first quote, as most are. Reads are counted by src/workspaceFs.ts (DeskApi.readStats()); reads of templates overridden in the workspace and of the form's document are not counted there. The stat row (20 sequential calls) shows what one round trip through vscode.workspace.fs costs in this extension host: every awaited file call of a command costs about that much.`);

  const monorepoRoot = nodePath.join(BENCH_OUT, 'monorepo');
  progress('generating the monorepo (50,000 files) in test-output/bench/monorepo');
  const repo = generateMonorepo(monorepoRoot);
  progress(`  ${repo.files} files, ${repo.adrFolders.length} ADR folders with ${repo.adrs} ADRs, ${repo.assessments} assessments, ${repo.quotes} quotes, in ${(repo.ms / 1000).toFixed(1)} s`);
  const windows: HostFigures[] = [];
  const reopened: HostFigures[] = [];
  for (let window = 1; window < SCALE_WINDOWS; window++) {
    progress(`scale: fresh window ${window}/${SCALE_WINDOWS} (first tree load, first ADR discovery), then the same window opened again`);
    const fresh = await runInExtensionHost(monorepoRoot, extension, { phase: 'first-load', runs: 0, today: TODAY });
    windows.push(fresh);
    reopened.push(await runInExtensionHost(monorepoRoot, extension, { phase: 'reopen', runs: 0, today: TODAY }, { userDataDir: fresh.userDataDir, port: fresh.port }));
  }
  progress(`scale: fresh window ${SCALE_WINDOWS}/${SCALE_WINDOWS} (first tree load, then 1 cold + ${SCALE_RUNS} runs of each)`);
  const scale = await runInExtensionHost(monorepoRoot, extension, { phase: 'scale', runs: SCALE_RUNS, today: TODAY, quoteTargets: repo.quoteTargets });
  windows.push(scale);
  const scaleSection = `Scale (${repo.files.toLocaleString('en')} files, ${repo.adrFolders.length} ADR folders, ${repo.assessments.toLocaleString('en')} assessments)`;
  // The first-run rows hold one sample per window.
  const merged = (key: string): Timed => ({ ...scale.rows[key], samples: windows.flatMap((w) => w.rows[key].samples), baseline: windows.flatMap((w) => w.rows[key].baseline), reads: windows.flatMap((w) => w.rows[key].reads ?? []) });
  rows.push(hostRow(scaleSection, `ADR discovery, first run in a fresh window (${scale.info.adrs} ADRs in ${scale.info.adrFolders} folders)`, merged('adrDiscoveryFirst'), under500));
  rows.push(hostRow(scaleSection, 'ADR discovery, warm', scale.rows.adrDiscovery, under500));
  rows.push(hostRow(scaleSection, `Custom Requests tree, first load in a fresh window (${scale.info.requests} requests)`, merged('treeFirst'), under500));
  const reopenTree: Timed = { ...merged('treeFirst'), samples: reopened.flatMap((w) => w.rows.treeFirst.samples), baseline: reopened.flatMap((w) => w.rows.treeFirst.baseline), reads: reopened.flatMap((w) => w.rows.treeFirst.reads ?? []) };
  rows.push(hostRow(scaleSection, `Custom Requests tree, first load in a window opened again (${scale.info.requests} requests; index reads: ${reopened.map((w) => w.info.indexReads).join(', ')})`, reopenTree, under500));
  rows.push(hostRow(scaleSection, 'Custom Requests tree, reload after Refresh', scale.rows.treeReload, () => ({ budget: 'none (context)' })));
  rows.push(hostRow(scaleSection, 'Update Register', scale.rows.updateRegister, under500));
  rows.push(hostRow(scaleSection, 'Next quote number: Generate Quote → file', scale.rows.nextQuote, under500));
  notes.push(`Scale: scripts/bench/monorepo.ts writes ${repo.files.toLocaleString('en')} files to test-output/bench/monorepo (40 packages of source files, 20 ADR folders: 5 each of adr-tools doc/adr, adr-tools .adr-dir, MADR docs/decisions and log4brains docs/adr with .log4brains.yml; ${repo.assessments} assessments in every status with capability tags, ADR links, estimates and ${repo.quotes} quote files), then ${SCALE_WINDOWS} fresh code-servers open it. In each window the first thing measured is DeskApi.requestTree({ asShown: true }) (what the view asks for when it first shows: the index lists docs/custom-requests and reads every assessment, the groups of requests still in play open with their requests (${scale.info.shown} of ${scale.info.requests}; settled groups start folded), estimates are checked right after, tooltips wait for a hover; index reads: ${scale.info.indexReads}) and then discoverAdrs() (src/adrs.ts, what New Assessment's Related ADR pick lists); the first-run rows take one sample per window. After each of the first ${SCALE_WINDOWS - 1} windows, the same window is opened again (code-server on the same user data folder and port, so the extension's workspace storage with the requests cache the first window left, src/requestCache.ts) and its tree's first load is measured the same way: what a user meets every day after the first time. In the last window each command then runs once cold and ${SCALE_RUNS} times: Update Register (its first, cold run writes the register, ${fmt(scale.rows.updateRegister.first ?? 0)}; later ones find it up to date) and Generate Quote on an estimated assessment linked to an ADR, another one each run so each takes a new number (cold ${fmt(scale.rows.nextQuote.first ?? 0)}; numbers ${scale.info.quoteNumbers}). The baselines read the same files with bare vscode.workspace.fs calls, all at once. Activating the extension there took ${fmt(Number(scale.info.activateMs))} (getExtension().activate(), in the extension host).`);

  const seconds = (Date.now() - started) / 1000;
  const report = { rows, notes, why: whyMissed(rows), date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), machine: machine(), commit: commit(REPO_ROOT), seconds };
  writeFileSync(nodePath.join(REPO_ROOT, 'BENCHMARKS.md'), markdown(report) + keptByHand(nodePath.join(REPO_ROOT, 'BENCHMARKS.md')));
  console.log(`\n${table(rows)}\n\n${budgetLines(rows).join('\n')}\n`);
  progress(`written to BENCHMARKS.md (${report.machine}; commit ${report.commit})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * The sections of BENCHMARKS.md measured outside the bench (npm test's running
 * time, from a stopwatch on a fresh clone): from the heading KEPT_HEADING to the
 * end, kept as they are when the bench writes the file again.
 */
const KEPT_HEADING = '## Measured outside the bench';
function keptByHand(file: string): string {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(`\n${KEPT_HEADING}\n`);
  return at < 0 ? '' : text.slice(at);
}
