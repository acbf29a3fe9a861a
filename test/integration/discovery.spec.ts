import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import { splitFrontMatter } from '../../src/core/assessment';
import type { GenerateQuoteResult, NewAssessmentResult } from '../../src/extension';
import { adr, listFiles, logMatches, readText, sleep, TODAY, waitForLogMatch, withEstimate, workspaceFolder, writeText } from './support';

const FOLDERS = ['adr-tools-default', 'adr-tools-custom-dir', 'log4brains', 'madr', 'monorepo'];

interface KnownAdr {
  path: string;
  /** absent for log4brains' date-named ADRs */
  number?: number;
  title: string;
}

/**
 * Every ADR of each fixture repository (test/fixtures/adr-repos), in the order the "Related ADR"
 * pick must list them, written by hand from the fixture files: ADR folders by path, then ADRs by
 * number, or for log4brains' date-named ADRs by date (the `Date:` line, else the name) and file name.
 * Titles are the files' `#` headings. README.md, index.md, template.md, adr-template.md,
 * templates/ and quotes/ are not ADRs.
 */
const PICK_ORDER: Record<string, KnownAdr[]> = {
  'adr-tools-default': [
    { path: 'doc/adr/0001-record-architecture-decisions.md', number: 1, title: 'Record architecture decisions' },
    { path: 'doc/adr/0002-use-mqtt-for-robot-telemetry.md', number: 2, title: 'Use MQTT for robot telemetry' },
    { path: 'doc/adr/0003-offer-outbound-webhooks-instead-of-per-customer-connectors.md', number: 3, title: 'Offer outbound webhooks instead of per-customer connectors' },
  ],
  'adr-tools-custom-dir': [
    { path: 'doc/architecture/decisions/0001-record-architecture-decisions.md', number: 1, title: 'Record architecture decisions' },
    { path: 'doc/architecture/decisions/0002-store-telemetry-in-timescaledb.md', number: 2, title: 'Store telemetry in TimescaleDB' },
    { path: 'doc/architecture/decisions/0003-publish-robot-events-through-the-open-rest-api.md', number: 3, title: 'Publish robot events through the open REST API' },
    { path: 'doc/architecture/decisions/0004-store-telemetry-in-postgresql-with-partitioning.md', number: 4, title: 'Store telemetry in PostgreSQL with partitioning' },
    { path: 'doc/architecture/decisions/0005-version-the-open-api-with-dated-releases.md', number: 5, title: 'Version the open API with dated releases' },
  ],
  // .log4brains.yml: docs/adr, then the package folder packages/telemetry/adr.
  log4brains: [
    { path: 'docs/adr/20240115-use-log4brains-to-manage-the-adrs.md', title: 'Use Log4brains to manage the ADRs' },
    { path: 'docs/adr/20240115-use-markdown-architectural-decision-records.md', title: 'Use Markdown Architectural Decision Records' },
    { path: 'docs/adr/20240402-expose-fleet-data-through-a-versioned-open-api.md', title: 'Expose fleet data through a versioned open API' },
    // no Date: line; dated by its name
    { path: 'docs/adr/20240918-price-custom-connectors-as-service-packages.md', title: 'Price custom connectors as service packages' },
    { path: 'packages/telemetry/adr/20240301-stream-telemetry-over-websockets.md', title: 'Stream telemetry over WebSockets' },
    { path: 'packages/telemetry/adr/20240610-batch-telemetry-uploads-every-five-minutes.md', title: 'Batch telemetry uploads every five minutes' },
  ],
  madr: [
    { path: 'docs/decisions/0000-use-markdown-any-decision-records.md', number: 0, title: 'Use Markdown Any Decision Records' },
    { path: 'docs/decisions/0001-aggregate-telemetry-in-hourly-rollups.md', number: 1, title: 'Aggregate telemetry in hourly rollups' },
    { path: 'docs/decisions/0002-export-reports-as-csv-only.md', number: 2, title: 'Export reports as CSV only' },
    { path: 'docs/decisions/0003-keep-customer-specific-kpis-out-of-the-core-model.md', number: 3, title: 'Keep customer-specific KPIs out of the core model' },
    { path: 'docs/decisions/0004-offer-a-reporting-api-for-customer-platforms.md', number: 4, title: 'Offer a reporting API for customer platforms' },
  ],
  // packages/api/doc/adr (adr-tools' default), then packages/web/.adr-dir → architecture/decisions.
  monorepo: [
    { path: 'packages/api/doc/adr/0001-record-architecture-decisions.md', number: 1, title: 'Record architecture decisions' },
    { path: 'packages/api/doc/adr/0002-paginate-fleet-queries-with-opaque-cursors.md', number: 2, title: 'Paginate fleet queries with opaque cursors' },
    { path: 'packages/web/architecture/decisions/0001-record-architecture-decisions.md', number: 1, title: 'Record architecture decisions' },
    { path: 'packages/web/architecture/decisions/0002-render-dashboards-on-the-server.md', number: 2, title: 'Render dashboards on the server' },
  ],
};

/** Where adr-tools' `adr list` is run (relative to the workspace folder) to read each folder's adr-tools ADRs. */
const ADR_TOOLS_CWDS: Record<string, string[]> = {
  'adr-tools-default': ['.'],
  'adr-tools-custom-dir': ['.'],
  monorepo: ['packages/api', 'packages/web'],
};

/** The real `adr list` of one adr-tools folder, as workspace-folder-relative paths. */
function adrList(folder: string, cwd: string): string[] {
  const out = adr(nodePath.join(workspaceFolder(folder).uri.fsPath, cwd), 'list');
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => nodePath.posix.join(cwd, line));
}

/** One request per fixture ADR folder: the ADR picked for it and exactly where its quote must land. */
const CASES = [
  { folder: 'adr-tools-default', adrFolder: 'doc/adr', adr: 'doc/adr/0003-offer-outbound-webhooks-instead-of-per-customer-connectors.md', quote: 'doc/adr/quotes/quote-Q-2026-002-customer-1.md', adrToolsCwd: '.' },
  { folder: 'adr-tools-custom-dir', adrFolder: 'doc/architecture/decisions', adr: 'doc/architecture/decisions/0003-publish-robot-events-through-the-open-rest-api.md', quote: 'doc/architecture/decisions/quotes/quote-Q-2026-003-customer-2.md', adrToolsCwd: '.' },
  { folder: 'log4brains', adrFolder: 'docs/adr', adr: 'docs/adr/20240402-expose-fleet-data-through-a-versioned-open-api.md', quote: 'docs/adr/quotes/quote-Q-2026-004-customer-3.md' },
  { folder: 'log4brains', adrFolder: 'packages/telemetry/adr', adr: 'packages/telemetry/adr/20240610-batch-telemetry-uploads-every-five-minutes.md', quote: 'packages/telemetry/adr/quotes/quote-Q-2026-005-customer-4.md' },
  { folder: 'madr', adrFolder: 'docs/decisions', adr: 'docs/decisions/0004-offer-a-reporting-api-for-customer-platforms.md', quote: 'docs/decisions/quotes/quote-Q-2026-006-customer-5.md' },
  { folder: 'monorepo', adrFolder: 'packages/api/doc/adr', adr: 'packages/api/doc/adr/0002-paginate-fleet-queries-with-opaque-cursors.md', quote: 'packages/api/doc/adr/quotes/quote-Q-2026-007-customer-6.md', adrToolsCwd: 'packages/api' },
  { folder: 'monorepo', adrFolder: 'packages/web/architecture/decisions', adr: 'packages/web/architecture/decisions/0002-render-dashboards-on-the-server.md', quote: 'packages/web/architecture/decisions/quotes/quote-Q-2026-008-customer-7.md', adrToolsCwd: 'packages/web' },
];

/** Milliseconds left for the workbench between driving steps of the pick. */
const SETTLE_MS = 150;

/** The line New Assessment logs once it shows the Related ADR pick. */
const PICK_SHOWN = /Related ADR: (\d+) discovered ADRs in (.+)/;

interface Picked {
  request: NewAssessmentResult;
  /** how many discovered ADRs the pick said it lists, and for which folder */
  count: number;
  folder: string;
  /** the ADR the assessment links, from its front matter */
  adr: { path: string; number?: number; title: string };
  text: string;
}

/**
 * Runs New Assessment with every argument but `adr`, so that it discovers the folder's ADRs and
 * shows the Related ADR pick, then picks the discovered ADR at `position` (0-based) the way the
 * keyboard does. The pick lists "Create a new ADR", "No related ADR", a separator (never
 * selected), then the discovered ADRs; the first item starts active.
 */
async function newAssessmentPicking(folder: string, position: number, customer: string, title: string): Promise<Picked> {
  const seen = logMatches(PICK_SHOWN).length;
  const running = vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    workspaceFolder: folder, customer, title, broughtBy: '', dealSize: null, language: 'en', today: TODAY, open: false,
  });
  const shown = await waitForLogMatch(PICK_SHOWN, seen);
  // The line is logged as the pick is asked for; give the workbench a moment to show it and focus its first item.
  await sleep(SETTLE_MS);
  for (let i = 0; i < position + 2; i++) await vscode.commands.executeCommand('quickInput.next');
  // The pick's active item follows the list's focus; let it settle before accepting.
  await sleep(SETTLE_MS);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  const request = await running;
  assert.ok(request, 'New Assessment returned its files');
  const text = await readText(request.assessment);
  const fm = parse(splitFrontMatter(text)!.yaml) as { adr: { path: string; number?: number | null; title: string } | null };
  assert.ok(fm.adr, 'an ADR is linked');
  return {
    request,
    count: Number(shown[1]),
    folder: shown[2].trim(),
    adr: { path: fm.adr.path, ...(typeof fm.adr.number === 'number' ? { number: fm.adr.number } : {}), title: fm.adr.title },
    text,
  };
}

/** The `.md` entries directly in a folder: all log4brains reads there (plain, non-recursive readdir). */
function mdEntries(folder: string, relative: string): string[] {
  return readdirSync(nodePath.join(workspaceFolder(folder).uri.fsPath, relative))
    .filter((name) => name.toLowerCase().endsWith('.md'))
    .sort();
}

describe('ADR discovery and quote placement in a multi-root workspace of fixture repos', () => {
  it('opens every fixture repository as a workspace folder', () => {
    assert.deepEqual(
      (vscode.workspace.workspaceFolders ?? []).map((f) => f.name),
      FOLDERS,
    );
  });

  const adrListBefore = new Map<string, string>();
  const mdBefore = new Map<string, string[]>();
  before(() => {
    for (const [name, cwds] of Object.entries(ADR_TOOLS_CWDS)) {
      for (const cwd of cwds) adrListBefore.set(`${name}:${cwd}`, adr(nodePath.join(workspaceFolder(name).uri.fsPath, cwd), 'list'));
    }
    for (const c of CASES) mdBefore.set(`${c.folder}:${c.adrFolder}`, mdEntries(c.folder, c.adrFolder));
  });

  for (const name of FOLDERS) {
    it(`${name}: the Related ADR pick lists every ADR of the repository, in order`, async () => {
      const expected = PICK_ORDER[name];
      const picked: KnownAdr[] = [];
      for (let position = 0; position < expected.length; position++) {
        const result = await newAssessmentPicking(name, position, 'Lister', `Pick ${position + 1}`);
        assert.equal(result.folder, name);
        assert.equal(result.count, expected.length, `the pick lists ${expected.length} ADRs`);
        picked.push(result.adr);
      }
      assert.deepEqual(picked, expected, JSON.stringify(picked.map((a) => a.path), null, 1));
      // For adr-tools folders, the same list (and order) as the real `adr list`.
      const cwds = ADR_TOOLS_CWDS[name];
      if (cwds) assert.deepEqual(picked.map((a) => a.path), cwds.flatMap((cwd) => adrList(name, cwd)));
    });
  }

  CASES.forEach((c, i) => {
    it(`${c.folder}: picks ${c.adr} and puts the quote at ${c.quote}`, async () => {
      const folder = workspaceFolder(c.folder);
      const position = PICK_ORDER[c.folder].findIndex((a) => a.path === c.adr);
      const { request, adr: linked, text } = await newAssessmentPicking(c.folder, position, `Customer ${i + 1}`, 'Custom connector');
      assert.ok(request.assessment.fsPath.startsWith(folder.uri.fsPath + nodePath.sep), 'written in its own workspace folder');
      assert.equal(linked.path, c.adr);
      await writeText(request.assessment, withEstimate(text));
      const quote = await vscode.commands.executeCommand<GenerateQuoteResult | undefined>('customRequest.generateQuote', { assessment: request.assessment, today: TODAY, open: false });
      assert.ok(quote);
      const relative = nodePath.relative(folder.uri.fsPath, quote.quote.fsPath).split(nodePath.sep).join('/');
      assert.equal(relative, c.quote);
      // What each tool reads there is unchanged: adr-tools' real `adr list`, and the .md files
      // directly in the ADR folder, which is all log4brains reads (it never reads subfolders).
      if (c.adrToolsCwd) {
        const list = adr(nodePath.join(folder.uri.fsPath, c.adrToolsCwd), 'list');
        assert.equal(list, adrListBefore.get(`${c.folder}:${c.adrToolsCwd}`));
        assert.ok(!list.includes('quote'), 'adr list shows no quote');
      }
      assert.deepEqual(mdEntries(c.folder, c.adrFolder), mdBefore.get(`${c.folder}:${c.adrFolder}`));
    });
  });

  it('numbers quotes uniquely across all folders, after the one already in a fixture', () => {
    const quotes: string[] = [];
    for (const name of FOLDERS) {
      for (const file of listFiles(workspaceFolder(name).uri.fsPath)) if (nodePath.basename(file).startsWith('quote-')) quotes.push(`${name}/${file.split(nodePath.sep).join('/')}`);
    }
    assert.deepEqual(quotes.sort(), [
      'adr-tools-custom-dir/doc/architecture/decisions/quotes/quote-Q-2026-003-customer-2.md',
      'adr-tools-default/doc/adr/quotes/quote-Q-2026-001-acme-logistics.md',
      'adr-tools-default/doc/adr/quotes/quote-Q-2026-002-customer-1.md',
      'log4brains/docs/adr/quotes/quote-Q-2026-004-customer-3.md',
      'log4brains/packages/telemetry/adr/quotes/quote-Q-2026-005-customer-4.md',
      'madr/docs/decisions/quotes/quote-Q-2026-006-customer-5.md',
      'monorepo/packages/api/doc/adr/quotes/quote-Q-2026-007-customer-6.md',
      'monorepo/packages/web/architecture/decisions/quotes/quote-Q-2026-008-customer-7.md',
    ]);
  });

  it('leaves `adr list` unchanged in the adr-tools repositories', () => {
    for (const [key, before] of adrListBefore) {
      const [name, cwd] = key.split(':');
      assert.equal(adr(nodePath.join(workspaceFolder(name).uri.fsPath, cwd), 'list'), before, key);
    }
  });
});

describe('a folder of 6,000 ADRs', () => {
  it('Create ADR reads the whole folder through the workspace file system and numbers the new ADR 6001', async () => {
    const folder = workspaceFolder('madr');
    // Not a folder discovery looks for, so the other tests' picks are unchanged; named through `adrFolder`.
    const dir = nodePath.join(folder.uri.fsPath, 'records/many');
    mkdirSync(dir, { recursive: true });
    try {
      for (let n = 1; n <= 6000; n++) writeFileSync(nodePath.join(dir, `${String(n).padStart(4, '0')}-decision-${n}.md`), `# Decision ${n}\n`);
      const request = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
        workspaceFolder: 'madr', customer: 'Bulk', title: 'Many decisions', broughtBy: '', dealSize: null, language: 'en', adr: 'none', today: TODAY, open: false,
      });
      assert.ok(request);
      const created = await vscode.commands.executeCommand<{ adr: vscode.Uri } | undefined>('customRequest.createAdr', {
        assessment: request.assessment, title: 'Decision 6001', adrFolder: 'records/many', today: TODAY, open: false,
      });
      assert.ok(created);
      assert.equal(vscode.workspace.asRelativePath(created.adr, false), 'records/many/6001-decision-6001.md');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
