import assert from 'node:assert/strict';
import nodePath from 'node:path';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import { isAdrFileName } from '../../src/core/adr';
import { splitFrontMatter } from '../../src/core/assessment';
import type { GenerateQuoteResult, NewAssessmentResult } from '../../src/extension';
import { adr, listFiles, readText, TODAY, withEstimate, workspaceFolder, writeText } from './support';

/** One request per fixture repository: the ADR it relates to and where its quote must land. */
const CASES = [
  { folder: 'adr-tools-default', adr: 'doc/adr/0003-offer-outbound-webhooks-instead-of-per-customer-connectors.md', title: 'Offer outbound webhooks instead of per-customer connectors', quotes: 'doc/adr/quotes' },
  { folder: 'adr-tools-custom-dir', adr: 'doc/architecture/decisions/0003-publish-robot-events-through-the-open-rest-api.md', title: 'Publish robot events through the open REST API', quotes: 'doc/architecture/decisions/quotes' },
  { folder: 'log4brains', adr: 'docs/adr/20240402-expose-fleet-data-through-a-versioned-open-api.md', title: 'Expose fleet data through a versioned open API', quotes: 'docs/adr/quotes' },
  { folder: 'log4brains', adr: 'packages/telemetry/adr/20240610-batch-telemetry-uploads-every-five-minutes.md', title: 'Batch telemetry uploads every five minutes', quotes: 'packages/telemetry/adr/quotes' },
  { folder: 'madr', adr: 'docs/decisions/0004-offer-a-reporting-api-for-customer-platforms.md', title: 'Offer a reporting API for customer platforms', quotes: 'docs/decisions/quotes' },
  { folder: 'monorepo', adr: 'packages/api/doc/adr/0002-paginate-fleet-queries-with-opaque-cursors.md', title: 'Paginate fleet queries with opaque cursors', quotes: 'packages/api/doc/adr/quotes' },
  { folder: 'monorepo', adr: 'packages/web/architecture/decisions/0002-render-dashboards-on-the-server.md', title: 'Render dashboards on the server', quotes: 'packages/web/architecture/decisions/quotes' },
];

describe('ADR discovery and quote placement in a multi-root workspace of fixture repos', () => {
  it('opens every fixture repository as a workspace folder', () => {
    assert.deepEqual(
      (vscode.workspace.workspaceFolders ?? []).map((f) => f.name),
      ['adr-tools-default', 'adr-tools-custom-dir', 'log4brains', 'madr', 'monorepo'],
    );
  });

  const adrListBefore = new Map<string, string>();
  before(() => {
    for (const name of ['adr-tools-default', 'adr-tools-custom-dir']) adrListBefore.set(name, adr(workspaceFolder(name).uri.fsPath, 'list'));
  });

  CASES.forEach((c, i) => {
    it(`${c.folder}: finds ${c.adr} and puts the quote in ${c.quotes}/`, async () => {
      const folder = workspaceFolder(c.folder);
      const request = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
        workspaceFolder: c.folder, customer: `Customer ${i + 1}`, title: 'Custom connector', broughtBy: '', dealSize: null, language: 'en', adr: c.adr, today: TODAY, open: false,
      });
      assert.ok(request, 'the ADR was discovered');
      assert.ok(request.assessment.fsPath.startsWith(folder.uri.fsPath + nodePath.sep), 'written in its own workspace folder');
      const text = await readText(request.assessment);
      const fm = parse(splitFrontMatter(text)!.yaml);
      assert.equal(fm.adr.title, c.title);
      await writeText(request.assessment, withEstimate(text));
      const quote = await vscode.commands.executeCommand<GenerateQuoteResult | undefined>('customRequest.generateQuote', { assessment: request.assessment, today: TODAY, open: false });
      assert.ok(quote);
      const relative = nodePath.relative(folder.uri.fsPath, quote.quote.fsPath).split(nodePath.sep).join('/');
      assert.equal(nodePath.posix.dirname(relative), c.quotes);
      // Neither tool reads it as an ADR where it lies.
      const adrFolder = nodePath.posix.dirname(c.quotes);
      const inFolder = nodePath.posix.relative(adrFolder, relative);
      assert.equal(isAdrFileName('adr-tools', inFolder), false);
      assert.equal(isAdrFileName('log4brains', inFolder), false);
    });
  });

  it('numbers quotes uniquely across all folders, after the one already in a fixture', () => {
    const numbers: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const file of listFiles(folder.uri.fsPath)) {
        const match = /quote-(Q-\d{4}-\d{3}(?:-R\d+)?)-/.exec(nodePath.basename(file));
        if (match) numbers.push(match[1]);
      }
    }
    numbers.sort();
    assert.deepEqual(numbers, ['Q-2026-001', 'Q-2026-002', 'Q-2026-003', 'Q-2026-004', 'Q-2026-005', 'Q-2026-006', 'Q-2026-007', 'Q-2026-008']);
  });

  it('leaves `adr list` unchanged in the adr-tools repositories', () => {
    for (const [name, before] of adrListBefore) assert.equal(adr(workspaceFolder(name).uri.fsPath, 'list'), before, name);
  });
});
