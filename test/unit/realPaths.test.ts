/**
 * The real paths behind the check that keeps writes inside the workspace
 * (src/realPaths.ts), on a real disk with real symbolic links: a path that
 * does not exist yet resolves through the links of the part that does, and
 * the message can name the first folder that is a link.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { firstLink, realPathOf } from '../../src/realPaths';

describe('real paths on disk', () => {
  let scratch = '';
  let root = '';
  let outside = '';
  const at = (...parts: string[]) => nodePath.join(root, ...parts);

  beforeEach(() => {
    // The scratch folder's own real path: the machine's temporary folder may itself be a link.
    scratch = realpathSync(mkdtempSync(nodePath.join(tmpdir(), 'crd-real-paths-')));
    root = nodePath.join(scratch, 'workspace');
    outside = nodePath.join(scratch, 'elsewhere');
    mkdirSync(nodePath.join(root, 'docs', 'quotes'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(nodePath.join(root, 'notes.txt'), 'notes\n');
    symlinkSync(outside, nodePath.join(root, 'docs', 'linked'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  describe('realPathOf', () => {
    it('is the path itself where nothing is a link, for a folder and a file', async () => {
      assert.equal(await realPathOf(at('docs', 'quotes')), `${scratch}/workspace/docs/quotes`);
      assert.equal(await realPathOf(at('notes.txt')), `${scratch}/workspace/notes.txt`);
    });

    it('keeps the missing part of a path in its order after the part that exists', async () => {
      assert.equal(await realPathOf(at('docs', 'quotes', 'q.md')), `${scratch}/workspace/docs/quotes/q.md`);
      assert.equal(await realPathOf(at('new', 'deeper', 'q.md')), `${scratch}/workspace/new/deeper/q.md`);
    });

    it('follows a linked folder, also when the rest of the path does not exist yet', async () => {
      assert.equal(await realPathOf(at('docs', 'linked')), `${scratch}/elsewhere`);
      assert.equal(await realPathOf(at('docs', 'linked', 'new', 'q.md')), `${scratch}/elsewhere/new/q.md`);
    });

    it('goes on past a file used as a folder (ENOTDIR)', async () => {
      assert.equal(await realPathOf(at('notes.txt', 'q.md')), `${scratch}/workspace/notes.txt/q.md`);
    });

    it('passes on any other error, such as a link that leads to itself', async () => {
      symlinkSync(at('loop'), at('loop'));
      await assert.rejects(realPathOf(at('loop', 'q.md')), (error: NodeJS.ErrnoException) => {
        assert.equal(error.code, 'ELOOP');
        return true;
      });
    });
  });

  describe('firstLink', () => {
    it('names the first folder that is a link, relative to the root, with forward slashes', async () => {
      assert.equal(await firstLink(root, at('docs', 'linked', 'new', 'q.md')), 'docs/linked');
      symlinkSync(outside, at('top'));
      assert.equal(await firstLink(root, at('top', 'q.md')), 'top');
    });

    it('names the link itself when the path ends at it, and the outer of two links', async () => {
      assert.equal(await firstLink(root, at('docs', 'linked')), 'docs/linked');
      symlinkSync(at('docs'), at('alias'));
      assert.equal(await firstLink(root, at('alias', 'linked', 'q.md')), 'alias');
    });

    it('is undefined when no folder on the way is a link, or the path stops existing before one', async () => {
      assert.equal(await firstLink(root, at('docs', 'quotes', 'q.md')), undefined);
      assert.equal(await firstLink(root, at('missing', 'linked', 'q.md')), undefined);
    });
  });
});
