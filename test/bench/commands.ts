/**
 * Command latency in the sample workspace, inside the extension host: New
 * Assessment (an arguments object, no prompts) and Generate Quote, each from
 * executeCommand to the file on disk, beside a bare vscode.workspace.fs.writeFile
 * of the same bytes right after each run. The first run of each is kept apart
 * (cold: the template bundles load then).
 */
import * as vscode from 'vscode';
import type { GenerateQuoteResult, NewAssessmentArgs, NewAssessmentResult } from '../../src/extension';
import { stringify } from 'yaml';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import type { HostConfig, HostFigures, ReadCount, Timed } from './figures';
import { assertFile, bareWriter, deskApi, readCount, sleep, timed, workspaceFolder } from './support';

/** An ADR of the sample workspace, so the quote goes where a real one goes (doc/architecture/decisions/quotes/). */
const ADR = 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md';
/** Lets the tree's watcher read what a command changed before the next count starts. */
const SETTLE_MS = 400;

export async function commandFigures(config: HostConfig): Promise<HostFigures> {
  const api = await deskApi();
  const folder = workspaceFolder();
  const bareFolder = vscode.Uri.joinPath(folder.uri, 'bench-bare');
  await vscode.workspace.fs.createDirectory(bareFolder);
  const bare = bareWriter(bareFolder);
  const args = (run: number): NewAssessmentArgs => ({
    customer: 'Acme Robotics', title: `Push robot data to our platform ${run}`, broughtBy: 'Wang (Sales)', dealSize: 1_200_000, language: 'en', adr: ADR, open: false, today: config.today,
  });

  // The assessments Generate Quote runs on, one per run, so each is a request's first quote as most are (made before
  // anything is measured), their estimate in block YAML as the estimate form saves it.
  const targets: vscode.Uri[] = [];
  for (let run = 0; run <= config.runs; run++) {
    const target = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', { ...args(run), title: `Quote target ${run}` });
    const assessment = await assertFile(target?.assessment, 'New Assessment');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(assessment));
    const end = text.indexOf('\n---\n', 4) + 1;
    const estimated = `${text.slice(0, end)}${stringify({ estimate: WORKED_EXAMPLE }, { lineWidth: 0 })}${text.slice(end)}`;
    await vscode.workspace.fs.writeFile(assessment, new TextEncoder().encode(estimated));
    targets.push(assessment);
  }

  const rows: Record<string, Timed> = {
    newAssessment: { samples: [], baseline: [], baselineLabel: 'bare writeFile of the same bytes', reads: [] },
    generateQuote: { samples: [], baseline: [], baselineLabel: 'bare writeFile of the same bytes', reads: [] },
  };
  for (let run = 0; run <= config.runs; run++) {
    await sleep(SETTLE_MS);
    api.resetReadStats();
    const [ms, made] = await timed(() => vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', args(run + 1)));
    const reads = readCount(api.readStats());
    const file = await assertFile(made?.assessment, 'New Assessment');
    const baseline = await bare(await vscode.workspace.fs.readFile(file));
    record(rows.newAssessment, run, ms, baseline, reads);

    await sleep(SETTLE_MS);
    api.resetReadStats();
    const [quoteMs, quote] = await timed(() => vscode.commands.executeCommand<GenerateQuoteResult | undefined>('customRequest.generateQuote', { assessment: targets[run], today: config.today, open: false }));
    const quoteReads = readCount(api.readStats());
    const quoteFile = await assertFile(quote?.quote, 'Generate Quote');
    record(rows.generateQuote, run, quoteMs, await bare(await vscode.workspace.fs.readFile(quoteFile)), quoteReads);
  }
  // For context: one vscode.workspace.fs round trip (a stat), beside a bare write; each command is a few of these.
  rows.roundTrip = { samples: [], baseline: [], baselineLabel: 'bare writeFile of the assessment bytes', note: 'context' };
  const bytes = await vscode.workspace.fs.readFile(targets[0]);
  for (let run = 0; run <= 20; run++) {
    const [ms] = await timed(() => vscode.workspace.fs.stat(targets[0]));
    record(rows.roundTrip, run, ms, await bare(bytes));
  }
  return { phase: 'commands', rows, info: { workspace: 'the sample workspace (test/fixtures/sample-workspace)' } };
}

/** Run 0 is the cold one: kept as `first`, not in the samples. */
export function record(row: Timed, run: number, ms: number, baseline: number, reads?: ReadCount): void {
  if (run === 0) row.first = ms;
  else {
    row.samples.push(ms);
    row.baseline.push(baseline);
    if (reads) row.reads?.push(reads);
  }
}
