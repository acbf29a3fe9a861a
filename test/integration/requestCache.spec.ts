/**
 * The Custom Requests index kept between windows (src/requestCache.ts), in the
 * real extension host on the sample workspace: an index built like the one a
 * window opened again builds (a new RequestIndex on the same cache folder)
 * reads only the assessments whose time or size changed, shows the same
 * requests, and trusts nothing it has a doubt about: another extension
 * version, a damaged cache file, a file changed within two seconds of
 * being read.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import type { NewAssessmentResult } from '../../src/extension';
import { RequestCache } from '../../src/requestCache';
import { RequestIndex, type RequestEntry } from '../../src/requestIndex';
import { TODAY } from './support';

/**
 * An index on `dir` (as a window would build it), loaded; returns how many files it read, which of
 * this spec's own files it read, and what it shows. Disposing writes its cache. Other specs' files are
 * counted only in `reads`: one still open as a document is not read from disk, and VS Code closes such
 * documents when it likes, so only this spec's files (never opened) have a fixed count.
 */
async function openIndex(dir: string, own: readonly vscode.Uri[], version = '1.0.0'): Promise<{ reads: number; ownRead: number; entries: Map<string, RequestEntry> }> {
  const index = new RequestIndex(new RequestCache(dir, version));
  try {
    const entries = new Map((await index.all()).map((entry) => [entry.path, entry]));
    return { reads: index.reads, ownRead: own.filter((uri) => index.readUris.has(uri.toString())).length, entries };
  } finally {
    index.dispose();
  }
}

const anHourAgo = () => new Date(Date.now() - 3_600_000);

describe('Custom Requests index kept between windows', () => {
  let dir: string;
  const made: vscode.Uri[] = [];

  before(async () => {
    dir = mkdtempSync(nodePath.join(tmpdir(), 'crd-cache-'));
    for (const title of ['Cache one', 'Cache two', 'Cache three']) {
      const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
        customer: 'Cache Co', title, broughtBy: 'Lin', dealSize: null, language: 'en', adr: 'none', today: TODAY, open: false,
      });
      assert.ok(result);
      made.push(result.assessment);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Every assessment of the workspace, changed an hour ago: old enough to be trusted. */
  const ageAll = (entries: Map<string, RequestEntry>) => {
    for (const entry of entries.values()) utimesSync(entry.uri.fsPath, anHourAgo(), anHourAgo());
  };

  /** The assessments the cache in `dir` holds, by URI (broken ones are never cached: they are read every time). */
  const cachedUris = () => new Set(readdirSync(dir).flatMap((name) => Object.keys((JSON.parse(readFileSync(nodePath.join(dir, name), 'utf8')) as { entries: object }).entries)));
  const open = (version?: string) => openIndex(dir, made, version);
  /** How many of this spec's own files a window opened again reads. */
  const ownReadIn = async (version?: string) => (await open(version)).ownRead;

  it('reads nothing that has not changed, and shows the same requests', async () => {
    const first = await open();
    assert.equal(first.ownRead, made.length, 'an empty cache: every file is read');
    assert.ok(first.reads >= made.length);
    ageAll(first.entries);
    assert.equal(await ownReadIn(), made.length, 'the files aged since are read again');

    const again = await open();
    const cached = cachedUris();
    for (const uri of made) assert.ok(cached.has(uri.toString()), `${uri.fsPath} is not in the cache`);
    assert.equal(again.ownRead, 0, 'nothing of this spec changed: none of its files is read');
    assert.ok(again.reads < first.reads, `${again.reads} files read with ${cached.size} cached, ${first.reads} at first`);
    assert.deepEqual([...again.entries.keys()].sort(), [...first.entries.keys()].sort());
    for (const [path, entry] of again.entries) assert.deepEqual(entry.frontMatter, first.entries.get(path)?.frontMatter, path);
  });

  it('reads a file again when its time or size changed, and shows what it now says', async () => {
    assert.equal(await ownReadIn(), 0);
    const file = made[0].fsPath;
    const text = readFileSync(file, 'utf8');
    // The same size, another title, an hour-old time that is not the one cached.
    const changed = text.replace('title: Cache one', 'title: Cache won');
    assert.equal(changed.length, text.length);
    writeFileSync(file, changed);
    const when = new Date(Date.now() - 3_500_000);
    utimesSync(file, when, when);
    const reopened = await open();
    assert.equal(reopened.ownRead, 1);
    assert.equal([...reopened.entries.values()].find((e) => e.uri.fsPath === file)?.frontMatter?.title, 'Cache won');
    // Back to the old text and time: the size is the same, the time is not the cached one.
    writeFileSync(file, text);
    utimesSync(file, anHourAgo(), anHourAgo());
    const back = await open();
    assert.equal(back.ownRead, 1);
    assert.equal([...back.entries.values()].find((e) => e.uri.fsPath === file)?.frontMatter?.title, 'Cache one');
    assert.equal(await ownReadIn(), 0);
  });

  it('does not trust a file changed less than two seconds before it was read', async () => {
    assert.equal(await ownReadIn(), 0);
    const file = made[1].fsPath;
    writeFileSync(file, readFileSync(file, 'utf8'));
    assert.equal(await ownReadIn(), 1);
    // Its version was not cached: it is read again even though nothing changed since.
    assert.equal(await ownReadIn(), 1);
    utimesSync(file, anHourAgo(), anHourAgo());
    assert.equal(await ownReadIn(), 1);
    assert.equal(await ownReadIn(), 0);
  });

  it('reads everything when the cache is from another version or damaged, without failing', async () => {
    const { entries } = await open();
    assert.equal(await ownReadIn('1.0.1'), made.length);
    // Written by 1.0.1 now: 1.0.0 does not trust it.
    assert.equal(await ownReadIn('1.0.0'), made.length);
    for (const name of readdirSync(dir)) writeFileSync(nodePath.join(dir, name), '{"format":1,"version":"1.0.0","folder":');
    const damaged = await open();
    assert.equal(damaged.ownRead, made.length);
    assert.equal(damaged.entries.size, entries.size);
  });
});
