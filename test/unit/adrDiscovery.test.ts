import assert from 'node:assert/strict';
import { findAdrFolders } from '../../src/core/adrDiscovery';
import type { DirEntry, ReadFs } from '../../src/core/fsPort';
import { makeTempDir, nodeFs, writeTree } from './nodeFs';

describe('ADR folder discovery at scale', () => {
  it('never lists a skipped folder or anything below it, and still finds the rest', async () => {
    const root = await makeTempDir();
    await writeTree(root, {
      'docs/custom-requests/2026-01-01-acme-x/assessment.md': 'x',
      'docs/custom-requests/2026-01-01-acme-x/docs/decisions/0001-not-here.md': '# 1. Not here',
      'docs/custom-requests/2026-01-02-acme-y/assessment.md': 'y',
      'packages/api/doc/adr/0001-record.md': '# 1. Record',
    });
    const listed: string[] = [];
    const counting: ReadFs = {
      ...nodeFs,
      readDirectory: async (path: string): Promise<DirEntry[]> => {
        listed.push(path);
        return nodeFs.readDirectory(path);
      },
    };
    const found = await findAdrFolders(counting, root, { skip: [`${root}/docs/custom-requests`] });
    assert.deepEqual(
      found.map((folder) => folder.path),
      [`${root}/packages/api/doc/adr`],
    );
    assert.deepEqual(listed.filter((path) => path.includes('custom-requests')), []);
    // Without the skip, the request folders are searched (and the stray one found): the option is what keeps them out.
    const all = await findAdrFolders(nodeFs, root);
    assert.ok(all.some((folder) => folder.path.endsWith('2026-01-01-acme-x/docs/decisions')));
  });

  it('lists at most maxDirectories folders, breadth first', async () => {
    const root = await makeTempDir();
    const tree: Record<string, string> = {};
    for (let i = 0; i < 30; i++) tree[`a${String(i).padStart(2, '0')}/b/c.txt`] = '';
    await writeTree(root, tree);
    const listed: string[] = [];
    const counting: ReadFs = { ...nodeFs, readDirectory: async (path) => (listed.push(path), nodeFs.readDirectory(path)) };
    await findAdrFolders(counting, root, { maxDirectories: 20 });
    assert.equal(listed.length, 20);
    assert.ok(listed.every((path) => path === root || /\/a\d\d$/.test(path)), 'the first level before any deeper one');
  });
});
