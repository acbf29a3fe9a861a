import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import nodePath from 'node:path';
import {
  adrToolsDir,
  affectsAdrToolsNumbering,
  findAdrFolders,
  isAdrFileName,
  isListedAdrFileName,
  isSafeQuotePath,
  listAdrs,
  nextAdrNumber,
  normaliseDate,
  parseAdr,
  quotePlacement,
  resolveConfiguredAdrFolder,
  type AdrFolder,
} from '../../src/core/adr';
import { DeskError } from '../../src/core/errors';
import type { ReadFs } from '../../src/core/fsPort';
import { isInside } from '../../src/core/paths';
import { makeTempDir, nodeFs, writeTree } from './nodeFs';

const FIXTURES = nodePath.resolve(__dirname, '../fixtures/adr-repos');
const fixture = (...parts: string[]): string => nodePath.posix.join(FIXTURES, ...parts);
const FIXTURE_NAMES = ['adr-tools-custom-dir', 'adr-tools-default', 'adr-tools-upward', 'log4brains', 'madr', 'monorepo'];

/** Runs the real adr-tools CLI; undefined when it is not installed (the test then skips). */
function adrCli(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('adr', args, { cwd, encoding: 'utf8', env: { ...process.env, VISUAL: 'true', EDITOR: 'true', ADR_DATE: '2026-01-05' }, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Skips a real-tool test where adr-tools is missing, except in CI (where `npm test` installs it), which must fail instead. */
function requireAdrTools(context: Mocha.Context): void {
  if (adrToolsInstalled()) return;
  if (process.env.CI) throw new Error('adr-tools is not installed; `npm test` installs it when run as root');
  context.skip();
}

function adrToolsInstalled(): boolean {
  try {
    execFileSync('adr', ['help'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // `adr help` exits 0; any other failure than "not found" still means it is there.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

async function read(path: string): Promise<string> {
  return fsp.readFile(path, 'utf8');
}

function summary(folders: AdrFolder[], root: string): Array<Record<string, unknown>> {
  return folders.map((f) => ({
    path: nodePath.posix.relative(root, f.path) || '.',
    kind: f.kind,
    source: f.source,
    readBy: f.readBy,
    exists: f.exists,
    ...(f.packageName ? { packageName: f.packageName } : {}),
  }));
}

describe('adr', () => {
  const temps: string[] = [];
  async function tempRepo(files: Record<string, string>): Promise<string> {
    const root = await makeTempDir('crd-adr-');
    temps.push(root);
    await writeTree(root, files);
    return root;
  }
  after(async () => {
    for (const dir of temps) await nodeFs.remove(dir);
  });

  describe('which file names each tool takes for an ADR', () => {
    it('encodes adr-tools: `adr list` greps ^<dir>/[0-9]+-[^/]*\\.md, unanchored and case-sensitive', () => {
      for (const name of ['0001-record-architecture-decisions.md', '1-x.md', '0001-x.md.orig', '20240115-use-log4brains.md', '0001-a.mdx']) {
        assert.equal(isAdrFileName('adr-tools', name), true, name);
      }
      for (const name of ['quote-Q-2026-001-acme.md', 'README.md', '0001-x.MD', '0001x.md', 'quotes/0001-x.md', 'templates/template.md', 'x-0001-y.md']) {
        assert.equal(isAdrFileName('adr-tools', name), false, name);
      }
    });

    it('encodes log4brains: any .md directly in the folder except template/readme/index/backlog', () => {
      for (const name of ['20240115-use-log4brains.md', 'quote-Q-2026-001-acme.md', 'notes.MD', '..md', './x.md']) {
        assert.equal(isAdrFileName('log4brains', name), true, name);
      }
      for (const name of ['README.md', 'readme.md', 'Index.md', 'template.md', 'BACKLOG.md', '.md', 'x.txt', 'x.md.bak', 'quotes/quote-Q-2026-001.md']) {
        assert.equal(isAdrFileName('log4brains', name), false, name);
      }
    });

    it('knows which entries move `adr new` numbering (any name starting with a digit)', () => {
      assert.equal(affectsAdrToolsNumbering('2026-quote.md'), true);
      assert.equal(affectsAdrToolsNumbering('0003-x.md'), true);
      assert.equal(affectsAdrToolsNumbering('quotes'), false);
      assert.equal(affectsAdrToolsNumbering('quote-Q-2026-001.md'), false);
    });

    it('agrees with the real `adr list` on a folder of tricky names', async function () {
      requireAdrTools(this);
      const names = ['0001-a.md', '12-b.md', '0002-c.md.orig', '0003-d.MD', 'README.md', 'quote-Q-2026-001-acme.md', '20240115-e.md', 'x0004-f.md', '0005_g.md'];
      const root = await tempRepo(Object.fromEntries([...names.map((n) => [`doc/adr/${n}`, '# x\n']), ['doc/adr/quotes/0006-h.md', '# x\n'], ['doc/adr/templates/template.md', '# x\n']]));
      const listed = (adrCli(root, ['list']) ?? '').trim().split('\n').map((line) => line.replace(/^doc\/adr\//, '')).sort();
      const ours = [...names, 'quotes/0006-h.md', 'templates/template.md'].filter((n) => isAdrFileName('adr-tools', n)).sort();
      assert.deepEqual(ours, listed);
    });
  });

  describe('findAdrFolders', () => {
    it('finds the folder named by .adr-dir (adr-tools)', async () => {
      const root = fixture('adr-tools-custom-dir');
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root), root), [
        { path: 'doc/architecture/decisions', kind: 'adr-tools', source: '.adr-dir', readBy: ['adr-tools'], exists: true },
      ]);
    });

    it("finds adr-tools' default doc/adr", async () => {
      const root = fixture('adr-tools-default');
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root), root), [{ path: 'doc/adr', kind: 'adr-tools', source: 'doc/adr', readBy: ['adr-tools'], exists: true }]);
    });

    it('finds the main and package folders of .log4brains.yml, merging docs/adr into one entry', async () => {
      const root = fixture('log4brains');
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root), root), [
        { path: 'docs/adr', kind: 'log4brains', source: '.log4brains.yml', readBy: ['log4brains'], exists: true },
        { path: 'packages/telemetry/adr', kind: 'log4brains', source: '.log4brains.yml', readBy: ['log4brains'], exists: true, packageName: 'telemetry' },
      ]);
    });

    it("finds MADR's docs/decisions", async () => {
      const root = fixture('madr');
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root), root), [{ path: 'docs/decisions', kind: 'madr', source: 'docs/decisions', readBy: [], exists: true }]);
    });

    it('finds every package folder of a monorepo', async () => {
      const root = fixture('monorepo');
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root), root), [
        { path: 'packages/api/doc/adr', kind: 'adr-tools', source: 'packages/api/doc/adr', readBy: ['adr-tools'], exists: true },
        { path: 'packages/web/architecture/decisions', kind: 'adr-tools', source: 'packages/web/.adr-dir', readBy: ['adr-tools'], exists: true },
      ]);
    });

    it('searches .adr-dir upward from a workspace folder that is a subfolder of the repository', async () => {
      const handbook = fixture('adr-tools-upward', 'handbook');
      assert.deepEqual(summary(await findAdrFolders(nodeFs, handbook), handbook), [
        { path: 'architecture/decisions', kind: 'adr-tools', source: '../.adr-dir', readBy: ['adr-tools'], exists: true },
      ]);
      const repo = fixture('adr-tools-upward');
      assert.deepEqual(summary(await findAdrFolders(nodeFs, repo), repo), [
        { path: 'handbook/architecture/decisions', kind: 'adr-tools', source: '.adr-dir', readBy: ['adr-tools'], exists: true },
      ]);
    });

    it('leaves out a folder found upward that lies outside the workspace folder', async () => {
      // `adr list` run in services/billing uses ../../handbook/architecture/decisions; we do not go there.
      assert.deepEqual(await findAdrFolders(nodeFs, fixture('adr-tools-upward', 'services', 'billing')), []);
    });

    it('works per folder of a multi-root workspace', async () => {
      const roots = [fixture('madr'), fixture('monorepo', 'packages', 'web')];
      const results = await Promise.all(roots.map((root) => findAdrFolders(nodeFs, root)));
      assert.deepEqual(
        results.map((folders, i) => summary(folders, roots[i])),
        [
          [{ path: 'docs/decisions', kind: 'madr', source: 'docs/decisions', readBy: [], exists: true }],
          [{ path: 'architecture/decisions', kind: 'adr-tools', source: '.adr-dir', readBy: ['adr-tools'], exists: true }],
        ],
      );
    });

    it('never returns a folder outside the workspace folder, for any fixture or subfolder', async () => {
      const roots = [...FIXTURE_NAMES.map((n) => fixture(n)), fixture('adr-tools-upward', 'handbook'), fixture('adr-tools-upward', 'services'), fixture('monorepo', 'packages'), fixture('log4brains', 'packages', 'telemetry')];
      for (const root of roots) {
        for (const folder of await findAdrFolders(nodeFs, root)) assert.ok(isInside(root, folder.path), `${folder.path} outside ${root}`);
      }
    });

    it('matches the folder the real `adr` command uses, including the upward search', async function () {
      requireAdrTools(this);
      const cwds = [fixture('adr-tools-custom-dir'), fixture('adr-tools-default'), fixture('adr-tools-upward', 'handbook'), fixture('adr-tools-upward', 'services', 'billing'), fixture('monorepo', 'packages', 'api'), fixture('monorepo', 'packages', 'web')];
      for (const cwd of cwds) {
        const first = (adrCli(cwd, ['list']) ?? '').split('\n')[0];
        assert.equal((await adrToolsDir(nodeFs, cwd)).path, nodePath.posix.dirname(nodePath.posix.join(cwd, first)), cwd);
      }
    });

    it('falls back like adr-tools to cwd/doc/adr, with no marker, when nothing is found', async () => {
      const root = await tempRepo({ 'README.md': '# x\n' });
      assert.deepEqual(await adrToolsDir(nodeFs, root), { path: `${root}/doc/adr` });
    });

    it('adds the setting folders first, ignores entries outside the workspace folder, and keeps discovery', async () => {
      const root = fixture('madr');
      const folders = await findAdrFolders(nodeFs, root, { configured: ['architecture/records', '../log4brains/docs/adr', '/etc', '', '  ', 'docs/decisions/'] });
      assert.deepEqual(summary(folders, root), [
        { path: 'architecture/records', kind: 'setting', source: 'customRequest.adrDirectory', readBy: [], exists: false },
        { path: 'docs/decisions', kind: 'madr', source: 'docs/decisions', readBy: [], exists: true },
      ]);
    });

    it('resolves setting entries against the workspace folder', () => {
      assert.equal(resolveConfiguredAdrFolder('/ws', 'docs\\adr'), '/ws/docs/adr');
      assert.equal(resolveConfiguredAdrFolder('/ws', '/ws/decisions'), '/ws/decisions');
      assert.equal(resolveConfiguredAdrFolder('/ws', './a/../b'), '/ws/b');
      assert.equal(resolveConfiguredAdrFolder('/ws', '../other'), undefined);
      assert.equal(resolveConfiguredAdrFolder('/ws', 'C:\\adr'), undefined);
      assert.equal(resolveConfiguredAdrFolder('/ws', ' '), undefined);
    });

    it('does not search node_modules, vendor, build output or dot folders', async () => {
      const root = await tempRepo({
        'node_modules/some-lib/doc/adr/0001-x.md': '# 1. X\n',
        'node_modules/some-lib/.adr-dir': 'decisions\n',
        'packages/app/node_modules/dep/docs/decisions/0001-x.md': '# X\n',
        'vendor/github.com/acme/lib/doc/adr/0001-x.md': '# 1. X\n',
        'dist/docs/adr/0001-x.md': '# 1. X\n',
        '.git/doc/adr/0001-x.md': '# 1. X\n',
        '.github/docs/decisions/0001-x.md': '# X\n',
        'packages/app/doc/adr/0001-x.md': '# 1. X\n',
      });
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root), root), [
        { path: 'packages/app/doc/adr', kind: 'adr-tools', source: 'packages/app/doc/adr', readBy: ['adr-tools'], exists: true },
      ]);
    });

    it('stops at maxDepth and after maxDirectories listings', async () => {
      const root = await tempRepo({
        'a/b/c/d/doc/adr/0001-x.md': '# 1. X\n', // marker folder at depth 4: found by default
        'a/b/c/d/e/doc/adr/0001-x.md': '# 1. X\n', // depth 5: beyond the default
      });
      assert.deepEqual(
        (await findAdrFolders(nodeFs, root)).map((f) => f.source),
        ['a/b/c/d/doc/adr'],
      );
      assert.deepEqual(await findAdrFolders(nodeFs, root, { maxDepth: 3 }), []);

      const many: Record<string, string> = {};
      for (let i = 0; i < 60; i++) many[`p${String(i).padStart(2, '0')}/`] = '';
      many['p59/doc/adr/0001-x.md'] = '# 1. X\n';
      const wide = await tempRepo(many);
      let listings = 0;
      const counting: ReadFs = { ...nodeFs, readDirectory: (path) => (listings++, nodeFs.readDirectory(path)) };
      assert.deepEqual(await findAdrFolders(counting, wide, { maxDirectories: 20 }), []);
      assert.equal(listings, 20);
      assert.equal((await findAdrFolders(nodeFs, wide)).length, 1);
    });

    it('ignores .adr-dir targets outside the workspace, reports missing targets, survives broken config', async () => {
      const root = await tempRepo({
        'services/a/.adr-dir': '../../../elsewhere\n',
        'services/b/.adr-dir': 'decisions\r\n',
        'services/c/.adr-dir': '\n',
        'services/d/.log4brains.yml': 'project: [unclosed\n',
        'services/e/.log4brains.yml': 'project:\n  name: e\n  tz: UTC\n  adrFolder: ../../../outside\n  packages:\n    - name: core\n      path: .\n      adrFolder: ./core-adr\n',
      });
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root), root), [
        { path: 'services/b/decisions', kind: 'adr-tools', source: 'services/b/.adr-dir', readBy: ['adr-tools'], exists: false },
        { path: 'services/e/core-adr', kind: 'log4brains', source: 'services/e/.log4brains.yml', readBy: ['log4brains'], exists: false, packageName: 'core' },
      ]);
    });

    it('records every tool that reads a folder found several ways', async () => {
      const root = await tempRepo({
        '.log4brains.yml': 'project:\n  name: x\n  tz: UTC\n  adrFolder: ./doc/adr\n',
        'doc/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n',
      });
      assert.deepEqual(summary(await findAdrFolders(nodeFs, root, { configured: ['doc/adr'] }), root), [
        { path: 'doc/adr', kind: 'adr-tools', source: 'doc/adr', readBy: ['adr-tools', 'log4brains'], exists: true },
      ]);
    });
  });

  describe('parseAdr', () => {
    it('reads adr-tools/Nygard files as `adr new` writes them', async () => {
      const dir = fixture('adr-tools-custom-dir', 'doc/architecture/decisions');
      const superseded = `${dir}/0002-store-telemetry-in-timescaledb.md`;
      assert.deepEqual(parseAdr(superseded, await read(superseded)), {
        path: superseded,
        fileName: '0002-store-telemetry-in-timescaledb.md',
        number: 2,
        title: 'Store telemetry in TimescaleDB',
        status: 'Superseded by 4. Store telemetry in PostgreSQL with partitioning',
        date: '2024-03-11',
        format: 'nygard',
      });
      const amended = `${dir}/0003-publish-robot-events-through-the-open-rest-api.md`;
      const info = parseAdr(amended, await read(amended));
      assert.equal(info?.status, 'Accepted');
      assert.equal(info?.title, 'Publish robot events through the open REST API');
    });

    it('reads MADR front matter, MADR 2 bullets and ## Status sections', async () => {
      const dir = fixture('madr', 'docs/decisions');
      const parsed = async (name: string) => {
        const info = parseAdr(`${dir}/${name}`, await read(`${dir}/${name}`));
        return info && { number: info.number, title: info.title, status: info.status, date: info.date, format: info.format };
      };
      assert.deepEqual(await parsed('0000-use-markdown-any-decision-records.md'), { number: 0, title: 'Use Markdown Any Decision Records', status: 'accepted', date: '2022-05-09', format: 'madr' });
      assert.deepEqual(await parsed('0001-aggregate-telemetry-in-hourly-rollups.md'), { number: 1, title: 'Aggregate telemetry in hourly rollups', status: 'accepted', date: '2022-06-01', format: 'madr' });
      assert.deepEqual(await parsed('0002-export-reports-as-csv-only.md'), { number: 2, title: 'Export reports as CSV only', status: 'superseded by ADR-0004', date: '2023-02-14', format: 'madr' });
      assert.deepEqual(await parsed('0003-keep-customer-specific-kpis-out-of-the-core-model.md'), { number: 3, title: 'Keep customer-specific KPIs out of the core model', status: 'Proposed', date: '2023-11-27', format: 'madr' });
      // A heading and a Status line inside a code block are not the ADR's.
      assert.deepEqual(await parsed('0004-offer-a-reporting-api-for-customer-platforms.md'), { number: 4, title: 'Offer a reporting API for customer platforms', status: 'accepted', date: '2024-03-18', format: 'madr' });
    });

    it('reads log4brains files: no number, the date from the body or else from the name', async () => {
      const main = fixture('log4brains', 'docs/adr/20240402-expose-fleet-data-through-a-versioned-open-api.md');
      assert.deepEqual(parseAdr(main, await read(main), ['log4brains']), {
        path: main,
        fileName: '20240402-expose-fleet-data-through-a-versioned-open-api.md',
        title: 'Expose fleet data through a versioned open API',
        status: 'accepted',
        date: '2024-04-02',
        format: 'log4brains',
      });
      const undated = fixture('log4brains', 'packages/telemetry/adr/20240610-batch-telemetry-uploads-every-five-minutes.md');
      assert.equal(parseAdr(undated, await read(undated))?.date, '2024-06-10');
      const superseded = fixture('log4brains', 'packages/telemetry/adr/20240301-stream-telemetry-over-websockets.md');
      assert.equal(parseAdr(superseded, await read(superseded))?.status, 'superseded by 20240610-batch-telemetry-uploads-every-five-minutes');
    });

    it('skips README, index, templates and names without a number or date', () => {
      for (const name of ['README.md', 'index.md', 'template.md', 'adr-template.md', 'backlog.md', 'notes.md', 'quote-Q-2026-001-acme.md', '0001-x.txt']) {
        assert.equal(parseAdr(name, '# 1. Title\n'), undefined, name);
        assert.equal(isListedAdrFileName(name), false, name);
      }
      // In a log4brains folder any other .md is an ADR, as log4brains sees it.
      assert.equal(parseAdr('use-postgres.md', '# Use PostgreSQL\n\n- Status: accepted\n', ['log4brains'])?.title, 'Use PostgreSQL');
      assert.equal(parseAdr('README.md', '# Decisions\n', ['log4brains']), undefined);
      // In an adr-tools folder only what `adr list` lists.
      assert.equal(parseAdr('0001-x.MD', '# 1. X\n', ['adr-tools']), undefined);
      assert.equal(parseAdr('0001-x.MD', '# X\n')?.number, 1);
    });

    it('copes with CRLF, a BOM, setext titles, missing titles and unfilled templates', () => {
      const crlf = parseAdr('0007-use-crlf.md', '\uFEFF# 7. Use CRLF\r\n\r\nDate: 2024-01-02\r\n\r\n## Status\r\n\r\nAccepted\r\n');
      assert.deepEqual(crlf && [crlf.number, crlf.title, crlf.status, crlf.date, crlf.format], [7, 'Use CRLF', 'Accepted', '2024-01-02', 'nygard']);
      assert.equal(parseAdr('0008-x.md', 'Use setext\n==========\n\n* Status: proposed\n')?.title, 'Use setext');
      assert.equal(parseAdr('0009-keep-the-api-small.md', 'No heading at all.\n')?.title, 'Keep the api small');
      assert.equal(parseAdr('0009-keep-the-api-small.md', '# \n\ntext\n')?.title, 'Keep the api small');
      const template = parseAdr('0010-x.md', '---\nstatus: "{proposed | rejected | accepted}"\ndate: {YYYY-MM-DD when the decision was last updated}\n---\n# {short title}\n');
      assert.deepEqual(template && [template.status, template.date], [undefined, undefined]);
      const madr2 = parseAdr('0011-x.md', '# X\n\n* Status: [proposed | rejected | accepted] <!-- optional -->\n* Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->\n');
      assert.deepEqual(madr2 && [madr2.status, madr2.date], [undefined, undefined]);
      const broken = parseAdr('0012-x.md', '---\nstatus: [unclosed\n---\n# Broken front matter\n\n**Status:** Accepted\n');
      assert.deepEqual(broken && [broken.title, broken.status], ['Broken front matter', 'Accepted']);
    });

    it('does not take a Status: line in the text for the status', () => {
      const info = parseAdr('0013-x.md', '# X\n\n## Context\n\nStatus: the old system is down.\n');
      assert.equal(info?.status, undefined);
    });

    it('normalises dates and refuses impossible ones', () => {
      assert.equal(normaliseDate('2024-1-5'), '2024-01-05');
      assert.equal(normaliseDate('2024/01/05'), '2024-01-05');
      assert.equal(normaliseDate('20240105'), '2024-01-05');
      assert.equal(normaliseDate('2024-01-05T10:00:00Z'), '2024-01-05');
      assert.equal(normaliseDate(new Date(Date.UTC(2024, 0, 5))), '2024-01-05');
      assert.equal(normaliseDate('2024-02-30'), undefined);
      assert.equal(normaliseDate('05.01.2024'), undefined);
      assert.equal(normaliseDate('{YYYY-MM-DD}'), undefined);
    });
  });

  describe('listAdrs and nextAdrNumber', () => {
    it('lists adr-tools ADRs by number and skips the README', async () => {
      const [folder] = await findAdrFolders(nodeFs, fixture('adr-tools-custom-dir'));
      const adrs = await listAdrs(nodeFs, folder);
      assert.deepEqual(adrs.map((a) => a.number), [1, 2, 3, 4, 5]);
      assert.equal(adrs[0].title, 'Record architecture decisions');
      assert.equal(nextAdrNumber(adrs), 6);
    });

    it('lists exactly what `adr list` lists (quotes and templates are not ADRs)', async function () {
      requireAdrTools(this);
      for (const name of ['adr-tools-default', 'adr-tools-custom-dir']) {
        const root = fixture(name);
        const [folder] = await findAdrFolders(nodeFs, root);
        const ours = (await listAdrs(nodeFs, folder)).map((a) => nodePath.posix.relative(root, a.path));
        assert.deepEqual(ours, (adrCli(root, ['list']) ?? '').trim().split('\n'), name);
      }
    });

    it('lists log4brains ADRs by date, then name, without README/index/template', async () => {
      const folders = await findAdrFolders(nodeFs, fixture('log4brains'));
      const main = await listAdrs(nodeFs, folders[0]);
      assert.deepEqual(
        main.map((a) => a.fileName),
        ['20240115-use-log4brains-to-manage-the-adrs.md', '20240115-use-markdown-architectural-decision-records.md', '20240402-expose-fleet-data-through-a-versioned-open-api.md', '20240918-price-custom-connectors-as-service-packages.md'],
      );
      assert.deepEqual(main.map((a) => a.status), ['accepted', 'accepted', 'accepted', 'draft']);
      assert.ok(main.every((a) => a.number === undefined && a.format === 'log4brains'));
      assert.equal(nextAdrNumber(main), 1);
      const pkg = await listAdrs(nodeFs, folders[1]);
      assert.deepEqual(pkg.map((a) => a.date), ['2024-03-01', '2024-06-10']);
    });

    it('lists MADR ADRs from 0000 and skips adr-template.md', async () => {
      const adrs = await listAdrs(nodeFs, fixture('madr', 'docs/decisions'));
      assert.deepEqual(adrs.map((a) => a.number), [0, 1, 2, 3, 4]);
      assert.equal(nextAdrNumber(adrs), 5);
    });

    it('returns [] for a missing folder and numbers from 1 when there is no ADR', async () => {
      assert.deepEqual(await listAdrs(nodeFs, fixture('madr', 'no-such-folder')), []);
      assert.equal(nextAdrNumber([]), 1);
      assert.equal(nextAdrNumber([{ number: undefined }, { number: 3 }, { number: 12 }]), 13);
    });
  });

  describe('quote placement', () => {
    it('puts the quote in the quotes/ subfolder of the ADR folder, with a link back to the ADR', async () => {
      const [folder] = await findAdrFolders(nodeFs, fixture('adr-tools-default'));
      const adr = `${folder.path}/0003-offer-outbound-webhooks-instead-of-per-customer-connectors.md`;
      assert.deepEqual(quotePlacement(folder, adr), {
        folder: `${folder.path}/quotes`,
        adrLink: '../0003-offer-outbound-webhooks-instead-of-per-customer-connectors.md',
      });
      const [l4b] = await findAdrFolders(nodeFs, fixture('log4brains'));
      assert.equal(quotePlacement(l4b, `${l4b.path}/20240402-expose-fleet-data-through-a-versioned-open-api.md`).folder, `${l4b.path}/quotes`);
    });

    it('refuses an ADR that is not in the folder', () => {
      assert.throws(
        () => quotePlacement('/repo/doc/adr', '/repo/docs/decisions/0001-x.md'),
        (error: unknown) => error instanceof DeskError && error.code === 'adr-not-found',
      );
    });

    it('tells safe quote paths from ones a tool would take for an ADR', () => {
      assert.equal(isSafeQuotePath('/r/doc/adr', '/r/doc/adr/quotes/quote-Q-2026-001-acme.md'), true);
      assert.equal(isSafeQuotePath('/r/doc/adr', '/r/doc/adr/quote-Q-2026-001-acme.md'), false); // log4brains would list it
      assert.equal(isSafeQuotePath('/r/doc/adr', '/r/doc/adr/quotes/2026-001-acme.md'), false); // starts with a digit
      assert.equal(isSafeQuotePath('/r/doc/adr', '/r/doc/adr/0007-quote.md'), false);
      assert.equal(isSafeQuotePath('/r/doc/adr', '/r/docs/quote.md'), false); // not in the folder
    });

    it('leaves `adr list` and `adr new` numbering untouched, as the real tool shows', async function () {
      requireAdrTools(this);
      const root = await tempRepo({});
      adrCli(root, ['init']);
      adrCli(root, ['new', 'Offer', 'webhooks']);
      const before = adrCli(root, ['list']);
      const [folder] = await findAdrFolders(nodeFs, root);
      const placement = quotePlacement(folder, `${folder.path}/0002-offer-webhooks.md`);
      const quote = `${placement.folder}/quote-Q-2026-001-acme.md`;
      assert.ok(isSafeQuotePath(folder.path, quote));
      await nodeFs.writeFile(quote, `# Quote Q-2026-001\n\n[ADR](${placement.adrLink})\n`);
      assert.equal(adrCli(root, ['list']), before);
      assert.match(adrCli(root, ['new', 'Next', 'decision']) ?? '', /0003-next-decision\.md/);
      // Why names must not start with a digit: such a file beside the ADRs moves adr-tools' numbering.
      await nodeFs.writeFile(`${folder.path}/2026-quote.md`, '# not an ADR\n');
      assert.match(adrCli(root, ['new', 'After', 'a', 'bad', 'name']) ?? '', /2027-after-a-bad-name\.md/);
    });
  });
});
