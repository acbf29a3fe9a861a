import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import nodePath from 'node:path';
import { planNewAdr } from '../../src/core/adrPlan';
import { exportPath } from '../../src/core/exportHtml';
import { isSafeSegment, joinSlugs, MAX_SLUG_BYTES, MAX_SLUG_LENGTH, shortId, slugify } from '../../src/core/slug';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { makeTempDir } from './nodeFs';
import { common, requestData, withEstimate } from './workflowFixture';
import { basename, dirname, isInside, joinPath, markdownLinkTarget, relativePath } from '../../src/core/paths';

describe('slugs', () => {
  it('makes readable ASCII slugs', () => {
    assert.equal(slugify('Push robot data to THEIR platform!'), 'push-robot-data-to-their-platform');
    assert.equal(slugify('  Acme  Robotics, Inc.  '), 'acme-robotics-inc');
  });

  it('keeps Chinese readable', () => {
    assert.equal(slugify('数据反向推送到客户平台'), '数据反向推送到客户平台');
    assert.equal(slugify('星河机器人(华东)有限公司'), '星河机器人-华东-有限公司');
  });

  it('never produces an empty, dotted or unsafe name', () => {
    for (const bad of ['', '...', '..', '/', '\\', '../../etc/passwd', '\u0000\u0007', '???', ' . ']) {
      const slug = slugify(bad, 'cr-1a2b3c');
      assert.ok(slug.length > 0, `empty for ${JSON.stringify(bad)}`);
      assert.ok(!slug.includes('/') && !slug.includes('\\') && !slug.includes('.'), slug);
      assert.ok(isSafeSegment(slug), slug);
    }
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugify('', 'cr-1a2b3c'), 'cr-1a2b3c');
    assert.equal(slugify('!!!', '!!!'), 'request');
  });

  it('avoids Windows-reserved names', () => {
    assert.equal(slugify('CON'), 'con-x');
    assert.equal(slugify('nul'), 'nul-x');
    assert.equal(slugify('LPT1'), 'lpt1-x');
    assert.equal(slugify('console'), 'console');
  });

  it('is at most 80 characters and cuts at a dash when it can', () => {
    const long = slugify('word '.repeat(50));
    assert.ok(Array.from(long).length <= MAX_SLUG_LENGTH);
    assert.ok(!long.endsWith('-'));
    const chinese = slugify('很'.repeat(200));
    assert.equal(chinese, '很'.repeat(66), 'Chinese: 3 bytes a character, so 66 fit in 200 bytes');
  });

  it('joins parts within the limit', () => {
    assert.equal(joinSlugs(['2026-11-25', 'acme', 'push-data']), '2026-11-25-acme-push-data');
    assert.ok(Array.from(joinSlugs(['2026-11-25', 'a'.repeat(60), 'b'.repeat(60)])).length <= MAX_SLUG_LENGTH);
  });

  it('makes short ids', () => {
    assert.match(shortId(), /^[0-9a-z]{6}$/);
    assert.equal(shortId(() => 0), '000000');
  });

  it('checks user-given segments', () => {
    assert.ok(isSafeSegment('quote-Q-2026-001.md'));
    for (const bad of ['..', 'a/b', 'a\\b', 'CON', 'con.md', 'trailing.', 'tab\there', '']) assert.ok(!isSafeSegment(bad), bad);
  });
});

describe('paths', () => {
  it('joins and normalises POSIX paths', () => {
    assert.equal(joinPath('/ws', 'docs', '../doc/adr', './x.md'), '/ws/doc/adr/x.md');
    assert.equal(joinPath('/ws', '../../..'), '/');
    assert.equal(dirname('/ws/doc/adr/x.md'), '/ws/doc/adr');
    assert.equal(basename('/ws/doc/adr/x.md'), 'x.md');
  });

  it('tells whether a path is inside a folder', () => {
    assert.ok(isInside('/ws', '/ws/docs/a.md'));
    assert.ok(isInside('/ws', '/ws'));
    assert.ok(!isInside('/ws', '/ws2/a.md'));
    assert.ok(!isInside('/ws', '/ws/../etc/passwd'));
    assert.ok(isInside('/', '/anything'));
  });

  it('makes relative Markdown links', () => {
    assert.equal(relativePath('/ws/docs/custom-requests/x', '/ws/doc/adr/0002-a.md'), '../../../doc/adr/0002-a.md');
    assert.equal(relativePath('/ws/doc/adr', '/ws/doc/adr/q.md'), 'q.md');
    assert.equal(markdownLinkTarget('../数据 推送/a b(1).md'), '../数据%20推送/a%20b%281%29.md');
  });
});

/** UTF-8 bytes of a name, counted independently of slug.ts. */
const bytesOf = (name: string) => new TextEncoder().encode(name).byteLength;
const graphemes = (text: string) => Array.from(new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
/** The slug with no length limits: what a cut name must be a prefix of, in whole graphemes. */
const fullSlug = (text: string) => slugify(text, 'request', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

/** An `exists` that answers yes for the first `n` paths asked, so a planner's name gets the suffix `-${n + 1}`. */
const takenFirst = (n: number) => {
  let asked = 0;
  return async () => asked++ < n;
};
/** The longest prefix of whole graphemes within both limits (for text with no dashes). */
const expectedCut = (text: string, maxChars: number, maxBytes: number) => {
  let out = '';
  for (const g of graphemes(text)) {
    if (Array.from(out + g).length > maxChars || bytesOf(out + g) > maxBytes) break;
    out += g;
  }
  return out;
};

const EXT_B = '𠀀'.repeat(300); // CJK Extension B: 4 bytes each in UTF-8, a surrogate pair each in UTF-16
const ZALGO = `z${'\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a'.repeat(3)}`.repeat(40); // base + 30 combining marks
const LONG_NAMES: Record<string, string> = {
  'CJK Extension B': EXT_B,
  'zalgo (base + 30 combining marks)': ZALGO,
  'long Chinese': '星河机器人华东智能制造有限公司数据反向推送到客户自有平台'.repeat(12),
  'mixed scripts': `Acme 𠀁𠀂 星河 e\u0301\u0323 ${'👩‍👩‍👧‍👦'.repeat(20)} наука ${'𠀃'.repeat(50)} عربي`.repeat(3),
  'Hangul with marks': '한국어'.repeat(40) + 'a\u0308'.repeat(100),
};

describe('slugs: bytes', () => {
  it('cuts names by UTF-8 bytes: at most MAX_SLUG_BYTES, whole graphemes of the full slug', () => {
    assert.ok(MAX_SLUG_BYTES <= 255 - 'quote-Q-2026-001-R99-'.length - '.html'.length);
    for (const [what, text] of Object.entries(LONG_NAMES)) {
      const full = fullSlug(text);
      for (const [name, whole] of [
        [slugify(text), full],
        [slugify(text, 'request', 60), full],
        [joinSlugs(['2026-12-07', slugify(text), slugify(text)]), `2026-12-07-${full}-${full}`],
      ]) {
        assert.ok(bytesOf(name) <= MAX_SLUG_BYTES, `${what}: ${bytesOf(name)} bytes`);
        assert.ok(name.length > 0 && isSafeSegment(name), what);
        const own = graphemes(name);
        assert.deepEqual(own, graphemes(whole).slice(0, own.length), `${what}: whole graphemes, a prefix of the full slug`);
      }
    }
    // A grapheme is never split: 50 Extension B characters fit, half of one never does.
    assert.equal(slugify(EXT_B), '𠀀'.repeat(MAX_SLUG_BYTES / 4));
    assert.equal(slugify(ZALGO), expectedCut(ZALGO.normalize('NFKC'), MAX_SLUG_LENGTH, MAX_SLUG_BYTES));
    assert.equal(graphemes(slugify(ZALGO)).length, 2); // 30 code points each: a third would pass 80
    // One cluster longer than the limit is never split: the fallback is used instead.
    assert.equal(slugify(`a${'\u0301'.repeat(200)}`, 'cr-1a2b3c'), 'cr-1a2b3c');
  });

  it('stays cheap and safe for a huge name', () => {
    const name = slugify('𠀀'.repeat(2_000_000));
    assert.ok(bytesOf(name) <= MAX_SLUG_BYTES && name.length > 0);
  });

  it('counts bytes, not characters, in isSafeSegment', () => {
    assert.ok(isSafeSegment('𠀀'.repeat(63))); // 252 bytes
    assert.ok(!isSafeSegment('𠀀'.repeat(64))); // 256 bytes, 64 characters
    assert.ok(!isSafeSegment('é'.repeat(128))); // 256 bytes
  });

  it('gives assessment folders, quotes, exports and ADRs names the file system accepts', async () => {
    const dir = await makeTempDir('crd-slug-');
    try {
      for (const [what, text] of Object.entries(LONG_NAMES)) {
        const data = { ...requestData('zh-cn'), customer: text.slice(0, 200), title: text.slice(0, 300) };
        const created = await planNewAssessment({ ...common, root: '/repo', data, exists: takenFirst(98) });
        const folderName = basename(dirname(created.assessmentPath));
        assert.ok(folderName.endsWith('-99'), folderName);
        const quote = await planQuote({
          ...common,
          root: '/repo',
          assessmentPath: created.assessmentPath,
          assessmentText: withEstimate(created.file.text),
          quoteFolder: '/repo/quotes',
          workspaceQuoteNumbers: ['Q-2026-998'],
        });
        const adrs = await Promise.all(
          (['madr', 'log4brains'] as const).map(async (format) => {
            const plan = await planNewAdr({
              ...common,
              root: '/repo',
              assessmentPath: created.assessmentPath,
              assessmentText: created.file.text,
              adrFolder: '/repo/doc/adr',
              format,
              nextNumber: 12345,
              title: data.title,
              exists: takenFirst(98),
            });
            assert.match(plan.file.path, /-99\.md$/);
            return basename(plan.file.path);
          }),
        );
        const names = [folderName, basename(quote.file.path), basename(exportPath(quote.file.path)), ...adrs];
        for (const name of names) {
          // The real file system first: a folder and a file by that name, written and read back.
          const folder = nodePath.join(dir, name);
          await fsp.mkdir(folder);
          await fsp.writeFile(nodePath.join(folder, name), what, 'utf8');
          assert.equal(await fsp.readFile(nodePath.join(dir, name, name), 'utf8'), what);
          assert.ok((await fsp.readdir(dir)).includes(name), `${what}: ${name} listed`);
          await fsp.rm(folder, { recursive: true });
          assert.ok(bytesOf(name) <= 255, `${what}: ${name} is ${bytesOf(name)} bytes`);
          assert.ok(isSafeSegment(name), `${what}: ${name}`);
        }
      }
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
