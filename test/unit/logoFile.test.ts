import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import nodePath from 'node:path';
import { LOGO_MAX_BYTES } from '../../src/core/exportHtml';
import { readLogoFile, type SizedReadFs } from '../../src/core/logoFile';
import { makeTempDir, nodeFs } from './nodeFs';

const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The port over Node's real fs, recording every path whose bytes are read. */
function recordingFs(): SizedReadFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async fileSize(path) {
      const stats = await fsp.stat(path).catch(() => undefined);
      return stats?.isFile() ? stats.size : undefined;
    },
    async readFile(path) {
      reads.push(path);
      return nodeFs.readFile(path);
    },
  };
}

describe('supplier logo: size before reading', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir('crd-logo-');
  });
  after(async () => {
    await nodeFs.remove(dir);
  });

  it('refuses a 2 GB sparse logo from its size alone, naming the file and the limit, without reading it', async () => {
    const path = nodePath.join(dir, 'huge.png');
    await fsp.writeFile(path, '');
    await fsp.truncate(path, 2 * 1024 ** 3); // sparse: no disk used, but reading it whole would fail or take 2 GB
    const fs = recordingFs();
    const read = await readLogoFile(fs, path, 'media/huge.png');
    assert.deepEqual(fs.reads, [], 'the file is never read');
    assert.ok('skipped' in read);
    assert.equal(
      read.skipped.en,
      'The logo media/huge.png (customRequest.supplier.logo) is 2097152 KB, more than the 512 KB an export inlines, so it was not read and the export has no logo. Use a smaller image.',
    );
    assert.equal(read.skipped['zh-cn'], '徽标 media/huge.png（customRequest.supplier.logo）大小为 2097152 KB，超过导出可内嵌的上限 512 KB，因此未读取，导出的页面不含徽标。请换用更小的图片。');
  });

  it('reads a logo at the limit and refuses one byte more unread', async () => {
    const at = nodePath.join(dir, 'at.svg');
    const over = nodePath.join(dir, 'over.svg');
    await fsp.writeFile(at, Buffer.alloc(LOGO_MAX_BYTES, 0x20));
    await fsp.writeFile(over, Buffer.alloc(LOGO_MAX_BYTES + 1, 0x20));
    const fs = recordingFs();
    const kept = await readLogoFile(fs, at, 'at.svg');
    assert.ok('bytes' in kept && kept.bytes.byteLength === LOGO_MAX_BYTES && kept.mimeType === 'image/svg+xml');
    const refused = await readLogoFile(fs, over, 'over.svg');
    assert.ok('skipped' in refused && refused.skipped.en.includes('over.svg') && refused.skipped.en.includes('513 KB, more than the 512 KB'));
    assert.deepEqual(fs.reads, [at], 'only the logo within the limit is read');
  });

  it('inlines a small PNG and leaves out a missing file, a folder and a type the page does not inline', async () => {
    const png = nodePath.join(dir, 'logo.png');
    await fsp.writeFile(png, Buffer.from(PIXEL_PNG, 'base64'));
    await fsp.mkdir(nodePath.join(dir, 'folder.png'));
    await fsp.writeFile(nodePath.join(dir, 'logo.bmp'), 'BM');
    const fs = recordingFs();
    const read = await readLogoFile(fs, png, 'logo.png');
    assert.ok('bytes' in read);
    assert.equal(Buffer.from(read.bytes).toString('base64'), PIXEL_PNG);
    assert.equal(read.mimeType, 'image/png');
    for (const [name, says] of [
      ['missing.png', 'There is no logo file missing.png'],
      ['folder.png', 'There is no logo file folder.png'],
      ['logo.bmp', 'is not a PNG, JPEG, GIF, WebP or SVG image'],
    ]) {
      const skipped = await readLogoFile(fs, nodePath.join(dir, name), name);
      assert.ok('skipped' in skipped && skipped.skipped.en.includes(says) && skipped.skipped['zh-cn'].includes(name), name);
    }
    assert.deepEqual(fs.reads, [png]);
  });
});
