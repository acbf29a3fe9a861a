/**
 * readHeadSync: a local file's text through its front matter, read with
 * blocking calls (the first 8 KB, and the whole file only when needed).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { HEAD_BYTES, readHeadSync } from '../../src/localHead';

describe('readHeadSync', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(nodePath.join(os.tmpdir(), 'crd-localhead-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes `content` (UTF-8) to a new file in the temp dir and returns its path. */
  let count = 0;
  function file(content: string | Buffer): string {
    const path = nodePath.join(dir, `file-${++count}.md`);
    writeFileSync(path, content);
    return path;
  }

  it('gives a small file with front matter up to and with its closing line', () => {
    const path = file('---\nid: a1\ntitle: 推送数据\n---\n# Body\n\nText.\n');
    assert.equal(readHeadSync(path), '---\nid: a1\ntitle: 推送数据\n---\n');
    const crlf = file('---\r\nid: a1\r\n---  \r\n# Body\r\n');
    assert.equal(readHeadSync(crlf), '---\r\nid: a1\r\n---  \r\n');
  });

  it('leaves out the byte order mark', () => {
    const path = file('\uFEFF---\r\ncustomer: 星河机器人\r\n---\r\n正文\r\n');
    assert.equal(readHeadSync(path), '---\r\ncustomer: 星河机器人\r\n---\r\n');
  });

  it('gives the whole text when the front matter is longer than the first 8 KB', () => {
    const text = `---\nid: a1\nnote: ${'长'.repeat(4000)}\nstatus: draft\n---\n# Body\n${'text\n'.repeat(100)}`;
    assert.ok(Buffer.byteLength(text) > 12_000);
    assert.equal(readHeadSync(file(text)), text);
  });

  it('gives the whole text of a file of exactly 8 KB whose closing line is its last, without a line break', () => {
    assert.equal(HEAD_BYTES, 8192);
    // 4 + 3 + 8181 + 1 + 3 = 8192 bytes.
    const text = `---\na: ${'y'.repeat(8181)}\n---`;
    assert.equal(Buffer.byteLength(text), 8192);
    assert.equal(readHeadSync(file(text)), text);
    // The same with a byte order mark: 3 + 4 + 3 + 8178 + 1 + 3 = 8192 bytes, and the mark left out.
    const withBom = `\uFEFF---\na: ${'y'.repeat(8178)}\n---`;
    assert.equal(Buffer.byteLength(withBom), 8192);
    assert.equal(readHeadSync(file(withBom)), `---\na: ${'y'.repeat(8178)}\n---`);
  });

  it('does not end the front matter at a `----` line cut after three dashes by the first 8 KB', () => {
    // `---\n` and `a: ` are 7 bytes; after 8182 x's the line break is byte 8189 (0-based), and `----` starts at 8190.
    const text = `---\na: ${'x'.repeat(8182)}\n----\nb: 2\n---\nbody\n`;
    assert.equal(Buffer.from(text).subarray(8189, 8192).toString(), '\n--');
    // One x fewer: the first 8 KB end in `\n---`.
    const cut = `---\na: ${'x'.repeat(8181)}\n----\nb: 2\n---\nbody\n`;
    assert.equal(Buffer.from(cut).subarray(8188, 8192).toString(), '\n---');
    for (const t of [text, cut]) {
      const read = readHeadSync(file(t));
      assert.equal(read, t, 'the whole file, which holds the real closing line');
    }
  });

  it('gives the head when a Chinese character after the closing line straddles byte 8192', () => {
    const head = '---\nid: a1\ncustomer: 星河\n---\n';
    assert.equal(Buffer.byteLength(head), 32);
    // 中 is three bytes, 0-based 8190 to 8192: two in the first 8 KB, one after.
    const text = `${head}${'b'.repeat(8190 - 32)}中\nend\n`;
    assert.deepEqual([...Buffer.from(text).subarray(8190, 8193)], [0xe4, 0xb8, 0xad]);
    assert.equal(readHeadSync(file(text)), '---\nid: a1\ncustomer: 星河\n---\n');
  });

  it('decodes a Chinese character straddling byte 8192 inside long front matter', () => {
    // `---\nt: ` is 7 bytes; 8183 a's take it to 8190; 中 sits on bytes 8190 to 8192.
    const text = `---\nt: ${'a'.repeat(8183)}中\n---\nbody\n`;
    assert.deepEqual([...Buffer.from(text).subarray(8190, 8193)], [0xe4, 0xb8, 0xad]);
    assert.equal(readHeadSync(file(text)), text);
  });

  it('gives the whole text of a file without front matter, small or large, and of an empty file', () => {
    assert.equal(readHeadSync(file('# Notes\n---\nid: a1\n---\n')), '# Notes\n---\nid: a1\n---\n');
    const large = `# 说明\n${'一行文字。\n'.repeat(1000)}`;
    assert.ok(Buffer.byteLength(large) > 16_000);
    assert.equal(readHeadSync(file(large)), large);
    assert.equal(readHeadSync(file('')), '');
  });

  it('reads each file on its own: a large read leaves nothing behind for the next, smaller file', () => {
    const big = `---\nnote: ${'z'.repeat(9000)}\n---\n`;
    assert.equal(readHeadSync(file(big)), big);
    assert.equal(readHeadSync(file('short\n')), 'short\n');
    assert.equal(readHeadSync(file('---\nid: b2\n')), '---\nid: b2\n');
  });

  it('is undefined for a missing file and for a path under a regular file', () => {
    assert.equal(readHeadSync(nodePath.join(dir, 'missing', 'assessment.md')), undefined);
    assert.equal(readHeadSync(nodePath.join(dir, 'missing.md')), undefined);
    const regular = file('---\nid: a1\n---\n');
    assert.equal(readHeadSync(nodePath.join(regular, 'assessment.md')), undefined);
  });

  it('throws for a directory, and closes what it opened', () => {
    const folder = nodePath.join(dir, 'assessment.md');
    mkdirSync(folder);
    const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const before = openFiles();
    assert.throws(() => readHeadSync(folder), (error: NodeJS.ErrnoException) => error.code === 'EISDIR');
    assert.equal(openFiles(), before);
  });
});
