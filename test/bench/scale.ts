/**
 * The generated monorepo (scripts/bench/monorepo.ts: 50,000 files, 20 ADR
 * folders, 2,000 assessments), inside the extension host of a fresh window:
 *
 * - the Custom Requests tree's first load (DeskApi.requestTree({ asShown: true })
 *   on a window where nothing has loaded it: what the view asks for when it
 *   first shows, the groups expanded with their requests, tooltips left for
 *   hovering), beside a bare read of every assessment file;
 *   in 'first-load' windows only this and the first ADR discovery run;
 * - ADR discovery: discoverAdrs(), the function New Assessment lists the
 *   Related ADR pick with (bundled here from src/adrs.ts, so its reads are
 *   counted by this bundle's copy of workspaceFs), beside a bare read of every
 *   file in the folders it finds;
 * - the tree reloaded after Refresh, Update Register, and Generate Quote on an
 *   estimated assessment (another each run, so each takes the next quote
 *   number, which looks at every assessment and quote file).
 */
import * as vscode from 'vscode';
import { discoverAdrs } from '../../src/adrs';
import { readSettings } from '../../src/config';
import { joinPath } from '../../src/core/paths';
import type { TreeSnapshot } from '../../src/views/requestTree';
import { readStats, resetReadStats } from '../../src/workspaceFs';
import type { GenerateQuoteResult, UpdateRegisterResult } from '../../src/extension';
import { record } from './commands';
import type { HostConfig, HostFigures, Timed } from './figures';
import { assertFile, bareWriter, deskApi, readCount, sleep, timed, workspaceFolder } from './support';

const SETTLE_MS = 500;
/** Longer than the index's wait before it writes its cache (SAVE_DELAY_MS in src/requestIndex.ts). */
const CACHE_WRITE_MS = 3500;
const fs = vscode.workspace.fs;

/** Reads every file directly in each folder, all at once: the least any listing of them costs. */
async function bareRead(folders: vscode.Uri[], name?: string): Promise<number> {
  const [ms] = await timed(async () => {
    const lists = await Promise.all(folders.map(async (folder) => (await fs.readDirectory(folder)).map(([entry, type]) => ({ folder, entry, type }))));
    const files = lists.flat().flatMap(({ folder, entry, type }) => {
      if (name) return type === vscode.FileType.Directory ? [vscode.Uri.joinPath(folder, entry, name)] : [];
      return type === vscode.FileType.File ? [vscode.Uri.joinPath(folder, entry)] : [];
    });
    await Promise.all(files.map((file) => fs.readFile(file)));
  });
  return ms;
}

/** Requests in the tree: each group's count (its description), folded groups too. */
function countRequests(tree: TreeSnapshot[]): number {
  return tree.filter((group) => group.contextValue?.startsWith('group:')).reduce((sum, group) => sum + Number(group.description ?? 0), 0);
}

/** Requests the view shows on its first load: the children of the groups that start open. */
function countShown(tree: TreeSnapshot[]): number {
  return tree.filter((group) => group.contextValue?.startsWith('group:')).reduce((sum, group) => sum + group.children.length, 0);
}

export async function scaleFigures(config: HostConfig): Promise<HostFigures> {
  const folder = workspaceFolder();
  const settings = readSettings(folder.uri);
  const requestsFolder = vscode.Uri.joinPath(folder.uri, settings.assessmentFolder);
  const bareAssessments = () => bareRead([requestsFolder], 'assessment.md');
  const assessmentsLabel = 'bare read of every assessment.md (readDirectory + 2,000 readFile at once)';
  const [activateMs, api] = await timed(() => deskApi());

  // The tree's first load: nothing has read the assessments in this window yet.
  api.resetReadStats();
  const [treeMs, tree] = await timed(() => api.requestTree({ asShown: true }));
  const treeReads = readCount(api.readStats());
  const discoveryLabel = 'bare read of every file in the ADR folders found (readDirectory + readFile, all at once)';
  const info: HostFigures['info'] = { activateMs, requests: countRequests(tree), shown: countShown(tree), indexReads: api.requestIndexReads() };
  const rows: Record<string, Timed> = {
    treeFirst: { samples: [treeMs], baseline: [await bareAssessments()], baselineLabel: assessmentsLabel, reads: [treeReads] },
    adrDiscoveryFirst: { samples: [], baseline: [], baselineLabel: discoveryLabel, reads: [] },
    adrDiscovery: { samples: [], baseline: [], baselineLabel: discoveryLabel, reads: [] },
  };

  let adrFolders: vscode.Uri[] = [];
  for (let run = 0; run <= (config.phase === 'scale' ? config.runs : 0); run++) {
    resetReadStats();
    const [ms, adrs] = await timed(() => discoverAdrs(folder, settings));
    const reads = readCount(readStats());
    adrFolders = [...new Set(adrs.map((adr) => adr.path.slice(0, adr.path.lastIndexOf('/'))))].map((path) => folder.uri.with({ path }));
    info.adrs = adrs.length;
    info.adrFolders = adrFolders.length;
    // The first run in the window is a sample of its own row; the later (warm) ones make up the other.
    if (run === 0) record(rows.adrDiscoveryFirst, 1, ms, await bareRead(adrFolders), reads);
    else record(rows.adrDiscovery, run, ms, await bareRead(adrFolders), reads);
  }
  if (config.phase === 'first-load' || config.phase === 'reopen') {
    // The index writes its cache 3 s after it last changed: this window leaves it for the one opened again after it.
    await sleep(CACHE_WRITE_MS);
    return { phase: config.phase, rows, info };
  }

  rows.treeReload = { samples: [], baseline: [], baselineLabel: assessmentsLabel, reads: [], note: 'after Refresh (the index forgets everything), in a warm extension host' };
  const withWrite = (what: string) => `${assessmentsLabel}, then writeFile of the ${what}'s bytes`;
  rows.updateRegister = { samples: [], baseline: [], baselineLabel: withWrite('register'), reads: [], note: 'the first run writes the register; later runs find it up to date' };
  rows.nextQuote = { samples: [], baseline: [], baselineLabel: withWrite('quote'), reads: [] };
  const bare = bareWriter(vscode.Uri.joinPath(folder.uri, 'bench-bare'));
  await fs.createDirectory(vscode.Uri.joinPath(folder.uri, 'bench-bare'));
  for (let run = 0; run <= config.runs; run++) {
    await vscode.commands.executeCommand('customRequest.refreshRequests');
    api.resetReadStats();
    const [reloadMs] = await timed(() => api.requestTree({ asShown: true }));
    record(rows.treeReload, run, reloadMs, await bareAssessments(), readCount(api.readStats()));

    await sleep(SETTLE_MS);
    api.resetReadStats();
    const [registerMs, register] = await timed(() => vscode.commands.executeCommand<UpdateRegisterResult | undefined>('customRequest.updateRegister', { open: false, today: config.today }));
    const registerReads = readCount(api.readStats());
    const registerFile = await assertFile(register?.register, 'Update Register');
    info.registerRequests = register?.requests ?? 0;
    record(rows.updateRegister, run, registerMs, (await bareAssessments()) + (await bare(await fs.readFile(registerFile))), registerReads);

    await sleep(SETTLE_MS);
    api.resetReadStats();
    const assessment = folder.uri.with({ path: joinPath(folder.uri.path, config.quoteTargets?.[run] ?? '') });
    const [quoteMs, quote] = await timed(() => vscode.commands.executeCommand<GenerateQuoteResult | undefined>('customRequest.generateQuote', { assessment, today: config.today, open: false }));
    const quoteReads = readCount(api.readStats());
    const file = await assertFile(quote?.quote, 'Generate Quote');
    info.quoteNumbers = `${info.quoteNumbers ? `${info.quoteNumbers}, ` : ''}${quote?.number ?? ''}`;
    record(rows.nextQuote, run, quoteMs, (await bareAssessments()) + (await bare(await fs.readFile(file))), quoteReads);
  }
  return { phase: config.phase, rows, info };
}
