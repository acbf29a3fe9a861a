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

/** An index on `dir` (as a window would build it), loaded; returns what it read and shows. Disposing writes its cache. */
async function openIndex(dir: string, version = '1.0.0'): Promise<{ reads: number; entries: Map<string, RequestEntry> }> {
  const index = new RequestIndex(new RequestCache(dir, version));
  try {
    const entries = new Map((await index.all()).map((entry) => [entry.path, entry]));
    return { reads: index.reads, entries };
  } finally {
    index.dispose();
  }
}

const anHourAgo = () => new Date(Date.now() - 3_600_000);

/** How many files an index with an empty cache reads (open documents count with their text, unread). */
async function coldReads(): Promise<number> {
  const empty = mkdtempSync(nodePath.join(tmpdir(), 'crd-cache-empty-'));
  try {
    return (await openIndex(empty)).reads;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

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
  /** What a window opened again reads when nothing changed: the assessments not in the cache (other specs' broken ones). */
  const uncached = async () => (await openIndex(dir)).reads;

  it('reads nothing that has not changed, and shows the same requests', async () => {
    const first = await openIndex(dir);
    const cold = await coldReads();
    assert.equal(first.reads, cold);
    assert.ok(cold >= 3, `only ${cold} assessments read`);
    ageAll(first.entries);
    const aged = await openIndex(dir);
    assert.equal(aged.reads, cold, 'the files aged since are read again');

    const again = await openIndex(dir);
    const cached = cachedUris();
    for (const uri of made) assert.ok(cached.has(uri.toString()), `${uri.fsPath} is not in the cache`);
    assert.equal(again.reads, cold - cached.size, `${again.reads} files read with ${cached.size} of ${cold} cached`);
    assert.deepEqual([...again.entries.keys()].sort(), [...first.entries.keys()].sort());
    for (const [path, entry] of again.entries) assert.deepEqual(entry.frontMatter, first.entries.get(path)?.frontMatter, path);
  });

  it('reads a file again when its time or size changed, and shows what it now says', async () => {
    const base = await uncached();
    const file = made[0].fsPath;
    const text = readFileSync(file, 'utf8');
    // The same size, another title, an hour-old time that is not the one cached.
    const changed = text.replace('title: Cache one', 'title: Cache won');
    assert.equal(changed.length, text.length);
    writeFileSync(file, changed);
    const when = new Date(Date.now() - 3_500_000);
    utimesSync(file, when, when);
    const reopened = await openIndex(dir);
    assert.equal(reopened.reads, base + 1);
    assert.equal([...reopened.entries.values()].find((e) => e.uri.fsPath === file)?.frontMatter?.title, 'Cache won');
    // Back to the old text and time: the size is the same, the time is not the cached one.
    writeFileSync(file, text);
    utimesSync(file, anHourAgo(), anHourAgo());
    const back = await openIndex(dir);
    assert.equal(back.reads, base + 1);
    assert.equal([...back.entries.values()].find((e) => e.uri.fsPath === file)?.frontMatter?.title, 'Cache one');
    assert.equal(await uncached(), base);
  });

  it('does not trust a file changed less than two seconds before it was read', async () => {
    const base = await uncached();
    const file = made[1].fsPath;
    writeFileSync(file, readFileSync(file, 'utf8'));
    assert.equal((await openIndex(dir)).reads, base + 1);
    // Its version was not cached: it is read again even though nothing changed since.
    assert.equal((await openIndex(dir)).reads, base + 1);
    utimesSync(file, anHourAgo(), anHourAgo());
    assert.equal((await openIndex(dir)).reads, base + 1);
    assert.equal(await uncached(), base);
  });

  it('reads everything when the cache is from another version or damaged, without failing', async () => {
    const { entries } = await openIndex(dir);
    const all = await coldReads();
    assert.equal((await openIndex(dir, '1.0.1')).reads, all);
    // Written by 1.0.1 now: 1.0.0 does not trust it.
    assert.equal((await openIndex(dir, '1.0.0')).reads, all);
    for (const name of readdirSync(dir)) writeFileSync(nodePath.join(dir, name), '{"format":1,"version":"1.0.0","folder":');
    const damaged = await openIndex(dir);
    assert.equal(damaged.reads, all);
    assert.equal(damaged.entries.size, entries.size);
  });
});
