/**
 * Where the front matter ends: frontMatterHead on text, and
 * frontMatterHeadLength on UTF-8 bytes, which must give the same answer for
 * every prefix a reader may have read so far.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import nodePath from 'node:path';
import { frontMatterHead, frontMatterHeadLength } from '../../src/core/frontMatterFence';

const ROOT = nodePath.resolve(__dirname, '../..');

describe('frontMatterHead', () => {
  it('is the text through the closing line and its line break, LF or CRLF', () => {
    assert.equal(frontMatterHead('---\nid: a1\n---\n# Body\n'), '---\nid: a1\n---\n');
    assert.equal(frontMatterHead('---\r\nid: a1\r\ntitle: x\r\n---\r\n# Body\r\n'), '---\r\nid: a1\r\ntitle: x\r\n---\r\n');
    assert.equal(frontMatterHead('---\n---\nbody'), '---\n---\n', 'an empty front matter');
  });

  it('takes trailing spaces and tabs on the fences', () => {
    assert.equal(frontMatterHead('--- \t\nid: a1\n---  \t \nbody\n'), '--- \t\nid: a1\n---  \t \n');
    assert.equal(frontMatterHead('---\t\r\nid: a1\r\n--- \r\nbody'), '---\t\r\nid: a1\r\n--- \r\n');
  });

  it('does not close at a line that only starts or ends with dashes', () => {
    const text = '---\nid: a1\n# ---- terms ----\n----\n--- x\n ---\nstatus: draft\n---\n# Body\n---\nmore\n';
    assert.equal(frontMatterHead(text), '---\nid: a1\n# ---- terms ----\n----\n--- x\n ---\nstatus: draft\n---\n');
  });

  it('keeps a byte order mark in the head', () => {
    assert.equal(frontMatterHead('\uFEFF---\nid: a1\n---\nbody\n'), '\uFEFF---\nid: a1\n---\n');
    assert.equal(frontMatterHead('\uFEFF---\r\n客户: 星河\r\n---\r\n正文'), '\uFEFF---\r\n客户: 星河\r\n---\r\n');
  });

  it('is undefined without front matter', () => {
    assert.equal(frontMatterHead('# Title\n---\nid: a1\n---\n'), undefined, 'the first line is not a fence');
    assert.equal(frontMatterHead('---\nid: a1\nno closing line\n'), undefined);
    assert.equal(frontMatterHead('----\nid: a1\n---\n'), undefined, 'four dashes do not open it');
    assert.equal(frontMatterHead('---'), undefined, 'one line only');
    assert.equal(frontMatterHead(''), undefined);
    assert.equal(frontMatterHead(' ---\nid: a1\n---\n'), undefined, 'a space before the opening fence');
  });

  it('with the closing fence as the last line and no line break: the whole text when complete, undefined when not', () => {
    assert.equal(frontMatterHead('---\nid: a1\n---', true), '---\nid: a1\n---');
    assert.equal(frontMatterHead('---\nid: a1\n---  ', true), '---\nid: a1\n---  ');
    assert.equal(frontMatterHead('\uFEFF---\r\nid: a1\r\n---\r', true), '\uFEFF---\r\nid: a1\r\n---\r');
    assert.equal(frontMatterHead('---\nid: a1\n---'), '---\nid: a1\n---', 'complete is the default');
    assert.equal(frontMatterHead('---\nid: a1\n---', false), undefined);
    assert.equal(frontMatterHead('---\nid: a1\n---\r', false), undefined);
  });

  it('of a file\'s first bytes: undefined when the last, cut line reads `---`, the head when the fence has its line break', () => {
    // Cut from '---\nid: a1\n---x\nbody': the last line may go on.
    assert.equal(frontMatterHead('---\nid: a1\n---', false), undefined);
    assert.equal(frontMatterHead('---\nid: a1\n--', false), undefined);
    assert.equal(frontMatterHead('---', false), undefined);
    assert.equal(frontMatterHead('---\nid: a1\n---\n', false), '---\nid: a1\n---\n');
    assert.equal(frontMatterHead('---\nid: a1\n---\nbo', false), '---\nid: a1\n---\n');
    assert.equal(frontMatterHead('---\nid: a1\nstatus: dra', false), undefined);
  });
});

/** UTF-8 bytes decoded as a reader would see them, the byte order mark kept. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** At most `max` bytes of `text`, cut between characters. */
function capped(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    out += char;
  }
  return out;
}

const HAND_MADE: Record<string, string> = {
  'Chinese front matter': '---\ncustomer: 星河机器人\ntitle: 把机器人数据反向推送到客户自有平台\n# 估算：去掉下面各行开头的 "# "\n---\n\n# 评估\n正文……\n',
  'Chinese CRLF with a BOM': '\uFEFF---\r\ncustomer: 星河机器人\r\nbroughtBy: 王总（销售总监）\r\n---\r\n正文\r\n',
  'Chinese right before the fence': '---\nt: 中\n---\n中\n',
  'fence without a line break at the end': '---\nid: a1\ntitle: 中文\n---',
  'CRLF fence with trailing spaces at the end': '---\r\nid: a1\r\n---  \r',
  'lines that are not fences': '---\nid: a1\n# ---- terms ----\n----\n--- x\n-- -\n---\t \nbody ---\n',
  'emoji and a fence in the body': '---\nname: 🚀 launch\n---\n---\n🚀\n',
  'no front matter': '# 标题\n---\nid: a1\n---\n正文\n',
  'never closed': '---\nid: a1\n客户: 星河\n# ----\n',
  'BOM only': '\uFEFF',
  'empty front matter': '---\n---\n',
  'a CR alone is not a line break': '---\rid: a1\r---\r\n---\n',
};

function texts(): [string, string][] {
  const files = [
    'test/golden/en/assessment-new.md',
    'test/golden/en/assessment-quoted.md',
    'test/golden/zh-cn/assessment-new.md',
    'test/golden/zh-cn/assessment-quoted.md',
    'test/golden/en/quote.md',
    'test/golden/zh-cn/quote.md',
    'test/golden/zh-cn/adr-madr.md',
    'test/fixtures/adr-repos/madr/docs/decisions/0002-export-reports-as-csv-only.md',
  ];
  const fromFiles = files.map((file): [string, string] => [file, capped(readFileSync(nodePath.join(ROOT, file), 'utf8'), 3000)]);
  const zh = fromFiles[2][1];
  return [
    ...fromFiles,
    ['zh-cn/assessment-new.md with CRLF and a BOM', capped(`\uFEFF${zh.replace(/\n/g, '\r\n')}`, 3000)],
    ...Object.entries(HAND_MADE),
  ];
}

describe('frontMatterHeadLength', () => {
  it('gives the hand-counted byte length of a head', () => {
    assert.equal(frontMatterHeadLength(Buffer.from('---\nid: a1\n---\nbody\n')), 15);
    assert.equal(frontMatterHeadLength(Buffer.from('\uFEFF---\r\nt: 中\r\n---\r\n正文')), 3 + 5 + 8 + 5);
    assert.equal(frontMatterHeadLength(Buffer.from('---\nid: a1\n---'), true), 14);
    assert.equal(frontMatterHeadLength(Buffer.from('---\nid: a1\n---'), false), undefined);
    assert.equal(frontMatterHeadLength(Buffer.from('# x\n---\n---\n')), undefined);
    assert.equal(frontMatterHeadLength(new Uint8Array(0)), undefined);
  });

  it('agrees with frontMatterHead on every prefix of the golden assessments and hand-made texts', () => {
    let heads = 0;
    let none = 0;
    for (const [name, text] of texts()) {
      const bytes = Buffer.from(text, 'utf8');
      const whole = frontMatterHead(text);
      for (let n = 0; n <= bytes.length; n++) {
        const complete = n === bytes.length;
        const prefix = bytes.subarray(0, n);
        const head = frontMatterHead(decoder.decode(prefix), complete);
        const length = frontMatterHeadLength(prefix, complete);
        const where = `${name}, first ${n} of ${bytes.length} bytes${complete ? ' (complete)' : ''}`;
        if (head === undefined) {
          assert.equal(length, undefined, where);
          none++;
          continue;
        }
        assert.equal(length, Buffer.byteLength(head, 'utf8'), where);
        // A head always ends before the cut, so it is a prefix of the whole file's head.
        assert.ok(whole !== undefined && whole.startsWith(head), where);
        heads++;
      }
    }
    // The golden assessments have front matter that closes within 3,000 bytes.
    assert.ok(heads > 10_000, `only ${heads} prefixes had a head`);
    assert.ok(none > 1_000, `only ${none} prefixes had none`);
  });

  it('ends the head of a golden assessment at the closing line written in the file', () => {
    const cases: [string, number, string][] = [
      // The file's line 74 and line 44 are its closing `---`.
      ['test/golden/en/assessment-quoted.md', 74, '\n# Custom request: Push robot data to their own platform\n'],
      ['test/golden/zh-cn/assessment-new.md', 44, '\n# 定制需求评估：把机器人数据反向推送到客户自有平台\n'],
    ];
    for (const [file, lines, bodyStart] of cases) {
      const bytes = readFileSync(nodePath.join(ROOT, file));
      const length = frontMatterHeadLength(bytes);
      assert.ok(length !== undefined, file);
      const head = bytes.subarray(0, length).toString('utf8');
      assert.ok(head.startsWith('---\nkind: custom-request-assessment\n'), file);
      assert.ok(head.endsWith('\n---\n'), file);
      assert.equal(head.split('\n').length - 1, lines, file);
      assert.ok(bytes.subarray(length).toString('utf8').startsWith(bodyStart), file);
    }
  });
});
