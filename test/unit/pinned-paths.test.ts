/**
 * Pins path behaviour found unpinned by hand mutation: the order and merging
 * of ADR folders (setting first, then discovery), the Markdown links written
 * between an assessment, its ADR and its quote when paths hold `%`, blanks,
 * `(`, `)`, `#`, `?`, `<`, `>` or Chinese, file-name slugs (Windows device
 * names, grapheme-safe cuts at 80 code points and 200 UTF-8 bytes) and the
 * POSIX helpers of paths.ts. Every expected value is written by hand.
 */
import assert from 'node:assert/strict';
import nodePath from 'node:path';
import { adrToolsDir, findAdrFolders } from '../../src/core/adrDiscovery';
import { isAdrFileName, isSafeQuotePath, quotePlacement } from '../../src/core/adrFolders';
import { planNewAdr } from '../../src/core/adrPlan';
import { parseAssessment } from '../../src/core/assessment';
import type { DirEntry, ReadFs } from '../../src/core/fsPort';
import { basename, dirname, isInside, joinPath, markdownLinkTarget, relativePath } from '../../src/core/paths';
import { adrFolderProblem, foreignPath, quoteTextProblem, unsafePath } from '../../src/core/requestPaths';
import { isSafeSegment, joinSlugs, slugify, utf8Bytes } from '../../src/core/slug';
import { inlineText, markdownText, tableCell, unescapeMarkdown } from '../../src/core/markdownText';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { common, requestData, withEstimate } from './workflowFixture';

/** An in-memory ReadFs: keys are absolute file paths (a key ending in `/` is an empty folder); folders are implied. */
function memoryFs(tree: Record<string, string>): ReadFs {
  const files = new Map<string, string>();
  const folders = new Set<string>(['/']);
  for (const [key, text] of Object.entries(tree)) {
    const path = key.endsWith('/') ? key.slice(0, -1) : key;
    if (key.endsWith('/')) folders.add(path);
    else files.set(path, text);
    for (let dir = nodePath.posix.dirname(path); dir !== '/'; dir = nodePath.posix.dirname(dir)) folders.add(dir);
  }
  const under = (dir: string, path: string) => nodePath.posix.dirname(path) === dir && path !== dir;
  return {
    readFile: async (path) => (files.has(path) ? new TextEncoder().encode(files.get(path)) : undefined),
    readDirectory: async (dir): Promise<DirEntry[]> => [
      ...[...folders].filter((p) => under(dir, p)).map((p) => ({ name: nodePath.posix.basename(p), type: 'directory' as const })),
      ...[...files.keys()].filter((p) => under(dir, p)).map((p) => ({ name: nodePath.posix.basename(p), type: 'file' as const })),
    ],
    stat: async (path) => (files.has(path) ? 'file' : folders.has(path) ? 'directory' : undefined),
  };
}

const SETTING = 'customRequest.adrDirectory';

describe('pinned: the order and merging of ADR folders', () => {
  it('lists the setting folders first, in their order and once each, then the discovered ones by path', async () => {
    const fs = memoryFs({
      '/ws/doc/adr/0001-a.md': '# 1. A\n',
      '/ws/docs/decisions/0001-b.md': '# B\n',
      '/ws/docs/adr/c.md': '# C\n',
      '/ws/B/doc/adr/0001-d.md': '# 1. D\n',
      '/ws/packages/api/doc/adr/0001-e.md': '# 1. E\n',
    });
    const configured = ['packages/api/doc/adr', 'zz/records', 'docs/decisions/', './zz/records', '../outside', 'aa/later'];
    assert.deepEqual(await findAdrFolders(fs, '/ws', { configured }), [
      // Setting folders, merged with what discovery found there (the more specific kind wins).
      { path: '/ws/packages/api/doc/adr', kind: 'adr-tools', source: 'packages/api/doc/adr', readBy: ['adr-tools'], exists: true },
      { path: '/ws/zz/records', kind: 'setting', source: SETTING, readBy: [], exists: false },
      { path: '/ws/docs/decisions', kind: 'madr', source: 'docs/decisions', readBy: [], exists: true },
      { path: '/ws/aa/later', kind: 'setting', source: SETTING, readBy: [], exists: false },
      // Then by path, code unit order: 'B' (0x42) < 'd'; 'doc/' ('/' is 0x2f) < 'docs'; 'docs/adr' < 'docs/decisions'.
      { path: '/ws/B/doc/adr', kind: 'adr-tools', source: 'B/doc/adr', readBy: ['adr-tools'], exists: true },
      { path: '/ws/doc/adr', kind: 'adr-tools', source: 'doc/adr', readBy: ['adr-tools'], exists: true },
      { path: '/ws/docs/adr', kind: 'generic', source: 'docs/adr', readBy: [], exists: true },
    ]);
    // Without the setting, discovery alone, sorted by path.
    assert.deepEqual(
      (await findAdrFolders(fs, '/ws')).map((folder) => folder.path),
      ['/ws/B/doc/adr', '/ws/doc/adr', '/ws/docs/adr', '/ws/docs/decisions', '/ws/packages/api/doc/adr'],
    );
  });

  it('merges a folder found several ways: every tool sorted, the package name kept, the first source of a kind kept', async () => {
    const fs = memoryFs({
      // Found first by log4brains (with its package name), later by adr-tools one level down.
      '/ws/.log4brains.yml': 'project:\n  adrFolder: ./doc/adr\n  packages:\n    - name: api\n      adrFolder: ./packages/api/doc/adr\n',
      '/ws/packages/api/doc/adr/0001-x.md': '# 1. X\n',
      // Found first by adr-tools upward, then named by log4brains as a package: the name is added.
      '/ws/doc/adr/0001-y.md': '# 1. Y\n',
    });
    const withCore = memoryFs({
      '/ws/.log4brains.yml': 'project:\n  packages:\n    - name: core\n      adrFolder: doc/adr\n',
      '/ws/doc/adr/0001-y.md': '# 1. Y\n',
    });
    assert.deepEqual(await findAdrFolders(fs, '/ws'), [
      { path: '/ws/doc/adr', kind: 'adr-tools', source: 'doc/adr', readBy: ['adr-tools', 'log4brains'], exists: true },
      { path: '/ws/packages/api/doc/adr', kind: 'adr-tools', source: 'packages/api/doc/adr', readBy: ['adr-tools', 'log4brains'], exists: true, packageName: 'api' },
    ]);
    assert.deepEqual(await findAdrFolders(withCore, '/ws'), [
      { path: '/ws/doc/adr', kind: 'adr-tools', source: 'doc/adr', readBy: ['adr-tools', 'log4brains'], exists: true, packageName: 'core' },
    ]);
    // The same folder by .adr-dir upward ('../.adr-dir') and by one below ('sub/.adr-dir'): the first source stays.
    const upward = memoryFs({ '/ws/.adr-dir': 'handbook/decisions\n', '/ws/handbook/sub/.adr-dir': '../decisions\n', '/ws/handbook/decisions/': '' });
    assert.deepEqual(await findAdrFolders(upward, '/ws/handbook'), [
      { path: '/ws/handbook/decisions', kind: 'adr-tools', source: '../.adr-dir', readBy: ['adr-tools'], exists: true },
    ]);
  });

  it('skips every dependency and build folder, and the skip option with a trailing slash', async () => {
    const names = ['bower_components', 'jspm_packages', 'build', 'out', 'target', 'coverage', '__pycache__', 'venv', '.cache', 'requests'];
    const tree: Record<string, string> = { '/ws/keep/doc/adr/': '' };
    for (const name of names) tree[`/ws/${name}/doc/adr/0001-x.md`] = '# 1. X\n';
    assert.deepEqual(
      (await findAdrFolders(memoryFs(tree), '/ws', { skip: ['/ws/requests/'] })).map((folder) => folder.path),
      ['/ws/keep/doc/adr'],
    );
  });

  it("reads .adr-dir as adr-tools does: first line, BOM and blanks dropped, backslashes as '/', absolute or relative to its level", async () => {
    const fs = memoryFs({ '/ws/.adr-dir': '\uFEFF docs\\arch \r\nignored\n', '/ws/a/.adr-dir': '  \n', '/abs/.adr-dir': '/abs/records\n' });
    assert.deepEqual(await adrToolsDir(fs, '/ws/x/y'), { path: '/ws/docs/arch', marker: '/ws/.adr-dir' });
    // An empty .adr-dir stops the search: adr-tools' fallback is below the folder it runs in, not below that level.
    assert.deepEqual(await adrToolsDir(fs, '/ws/a/b'), { path: '/ws/a/b/doc/adr' });
    assert.deepEqual(await adrToolsDir(fs, '/abs/z'), { path: '/abs/records', marker: '/abs/.adr-dir' });
    assert.deepEqual(await adrToolsDir(memoryFs({}), '/q/r'), { path: '/q/r/doc/adr' });
    // Only a BOM at the very start is dropped; U+FEFF inside the name is part of it.
    assert.deepEqual(await adrToolsDir(memoryFs({ '/q/.adr-dir': 'a\uFEFFb\n' }), '/q'), { path: '/q/a\uFEFFb', marker: '/q/.adr-dir' });
  });
});

describe('pinned: Markdown links between an assessment, its ADR and its quote', () => {
  it('percent-encodes only what would end or break a link target', () => {
    assert.equal(markdownLinkTarget('../需求 评估/50% (草稿) #1 <a>?.md'), '../需求%20评估/50%25%20%28草稿%29%20%231%20%3Ca%3E%3F.md');
    // An escape already in the name is kept literal: `%20` is a percent sign, a 2 and a 0.
    assert.equal(markdownLinkTarget('a%20b.md'), 'a%2520b.md');
    assert.equal(markdownLinkTarget('a\\b\tc\u3000d.md'), 'a%5Cb%09c%E3%80%80d.md');
    // Readable as they are: CJK (Extension B too), brackets, ampersands and other punctuation.
    assert.equal(markdownLinkTarget("𠀀-数据/[x]_a&b;c!d'e*f.md"), "𠀀-数据/[x]_a&b;c!d'e*f.md");
    assert.equal(markdownLinkTarget(''), '');
  });

  it('links the ADR to the assessment and the assessment to the ADR and the quotes, through folders with % # ? ( ) and blanks', async () => {
    const root = '/ws';
    const settings = { ...common.settings, assessmentFolder: 'docs/需求 评估 (2026)' };
    const created = await planNewAssessment({ ...common, settings, root, data: requestData('en'), exists: async () => false });
    const request = '2026-11-25-acme-robotics-push-robot-data-to-their-own-platform';
    const assessmentPath = `/ws/docs/需求 评估 (2026)/${request}/assessment.md`;
    assert.equal(created.assessmentPath, assessmentPath);
    const inputs = { ...common, settings, root, assessmentPath, workspaceQuoteNumbers: [] };
    // A first quote beside the assessment, then the ADR, then a revision beside the ADR.
    const first = await planQuote({ ...inputs, assessmentText: withEstimate(created.file.text), quoteFolder: dirname(assessmentPath) });
    const adrFolder = '/ws/doc/决策 50% #1?';
    const plan = await planNewAdr({ ...inputs, assessmentText: first.assessmentText, adrFolder, format: 'madr', nextNumber: 1, title: 'Push data', exists: async () => false });
    assert.equal(plan.file.path, '/ws/doc/决策 50% #1?/0001-push-data.md');
    const linkLines = (text: string) => text.split('\n').filter((line) => line.includes(']('));
    const toAssessment = `../../docs/需求%20评估%20%282026%29/${request}/assessment.md`;
    assert.deepEqual(linkLines(plan.file.text), [
      `The request, the likely motives, the cost and the role-by-role answers are worked out in the [assessment](${toAssessment}).`,
      `* Assessment: [Push robot data to their own platform](${toAssessment})`,
    ]);
    const toAdrFolder = '../../../doc/决策%2050%25%20%231%3F';
    const adrLine = `- Decision record: [Push data](${toAdrFolder}/0001-push-data.md) (proposed)`;
    const firstLine = '- Quote [Q-2026-001](quote-Q-2026-001-acme-robotics.md), revision 1, issued November 25, 2026, valid until December 25, 2026';
    assert.deepEqual(linkLines(plan.assessmentText), [adrLine, firstLine]);

    // Commit Request reads the quote back as the number the front matter records, blanks around it ignored.
    assert.equal(quoteTextProblem(first.file.text, ' Q-2026-001 '), undefined);
    const second = await planQuote({ ...inputs, assessmentText: plan.assessmentText, quoteFolder: `${adrFolder}/quotes`, adr: plan.adr });
    assert.equal(second.file.path, '/ws/doc/决策 50% #1?/quotes/quote-Q-2026-001-R2-acme-robotics.md');
    assert.deepEqual(linkLines(second.assessmentText), [
      adrLine,
      firstLine,
      `- Quote [Q-2026-001-R2](${toAdrFolder}/quotes/quote-Q-2026-001-R2-acme-robotics.md), revision 2, issued November 25, 2026, valid until December 25, 2026`,
    ]);
  });

  it('escapes user text in the link lines: math, character references at their length limits, blocks after a tab, closing # runs', () => {
    const a32 = 'a'.repeat(32); // `&` + a letter + 31 more + `;` is the longest name read as a reference
    const cases: Array<[string, string]> = [
      ['a $x$ b', 'a \\$x\\$ b'], ['&#X3C;', '\\&#X3C;'], ['&#1234567;', '\\&#1234567;'], ['&#12345678;', '&#12345678;'],
      ['&#x10FFFF;', '\\&#x10FFFF;'], ['&#x1234567;', '&#x1234567;'], [`&${a32};`, `\\&${a32};`], [`&${a32}a;`, `&${a32}a;`],
      ['e\u0301_x', 'e\u0301_x'], ['-\tx', '\\-\tx'], ['+\tx', '\\+\tx'], ['=a', '=a'], ['===', '\\==='],
      ['123456789. x', '123456789\\. x'], ['1234567890. x', '1234567890. x'], ['1.\tx', '1\\.\tx'], ['1)', '1\\)'],
      ['a\t#', 'a\t\\#'], ['a #\t', 'a \\#\t'], ['C#', 'C#'], ['#', '\\#'], ['>', '\\>'], ['', ''],
    ];
    for (const [text, escaped] of cases) assert.equal(markdownText(text), escaped, JSON.stringify(text));
    assert.deepEqual([inlineText('a\rb'), inlineText(null), tableCell(null)], ['a b', '', '']);
  });

  it('reads text that already holds the private-use stand-ins (U+E000–U+E07F) without hiding its escapes', () => {
    assert.equal(unescapeMarkdown('\ue02a \\*'), '\ue02a *');
    assert.equal(unescapeMarkdown('\ue07f \\*'), '\ue07f *');
    assert.equal(unescapeMarkdown('\ue000\\*', (raw) => raw.replace('\\*', 'X')), '\ue000X'); // the transform sees the escape itself
    assert.equal(unescapeMarkdown('a', () => '\ue000\ue080'), '\ue000\ue080'); // just outside the stand-ins U+E001–U+E07F
  });

  it('names a new ADR after its title, cut to 60 characters, or after the request id when the title has no letters', async () => {
    const created = await planNewAssessment({ ...common, root: '/ws', data: requestData('zh-cn'), exists: async () => false });
    const adr = (title: string, format: 'madr' | 'nygard' | 'log4brains', nextNumber = 7) =>
      planNewAdr({ ...common, root: '/ws', assessmentPath: created.assessmentPath, assessmentText: created.file.text, adrFolder: '/ws/doc/adr', format, nextNumber, title, exists: async () => false });
    assert.equal((await adr('a'.repeat(70), 'madr')).file.path, `/ws/doc/adr/0007-${'a'.repeat(60)}.md`);
    // 'word-' twelve times is 60 characters ending in a dash: cut at that dash and never end in one.
    assert.equal((await adr('word '.repeat(20), 'nygard')).file.path, `/ws/doc/adr/0007-${'word-'.repeat(11)}word.md`);
    assert.equal((await adr('!!!', 'nygard', 12345)).file.path, '/ws/doc/adr/12345-cr-k3x9qa.md');
    const log4brains = await adr('Push data', 'log4brains');
    assert.equal(log4brains.file.path, '/ws/doc/adr/20261125-push-data.md');
    assert.deepEqual(log4brains.adr, { path: '/ws/doc/adr/20261125-push-data.md', title: 'Push data', number: undefined, status: 'proposed' });
    assert.deepEqual(parseAssessment(log4brains.assessmentText, 'a.md').frontMatter.adr, { path: 'doc/adr/20261125-push-data.md', title: 'Push data', status: 'proposed' });
    const nygard = await adr('推送', 'nygard');
    assert.deepEqual(nygard.adr, { path: '/ws/doc/adr/0007-推送.md', title: '推送', number: 7, status: '提议中' });
    // A second ADR for the request is refused; so is an ADR folder outside the workspace folder.
    const file = nodePath.posix.relative('/ws', created.assessmentPath);
    const again = { ...common, root: '/ws', assessmentPath: created.assessmentPath, adrFolder: '/ws/doc/adr', format: 'madr' as const, nextNumber: 8, title: 'Again', exists: async () => false };
    await assert.rejects(planNewAdr({ ...again, assessmentText: nygard.assessmentText }), {
      code: 'invalid-input',
      text: { en: `${file} already has a related ADR (doc/adr/0007-推送.md).`, 'zh-cn': `${file} 已有关联 ADR（doc/adr/0007-推送.md）。` },
    });
    await assert.rejects(planNewAdr({ ...again, assessmentText: created.file.text, adrFolder: '/elsewhere/adr' }), {
      code: 'outside-workspace',
      text: {
        en: 'Refusing to write /elsewhere/adr/0008-again.md: it is outside the workspace folder /ws. Check the "customRequest.*" folder settings.',
        'zh-cn': '拒绝写入 /elsewhere/adr/0008-again.md：它不在工作区文件夹 /ws 之内。请检查 "customRequest.*" 的文件夹设置。',
      },
    });
  });
});

describe('pinned: ADR file names, quote placement and the request paths Commit Request accepts', () => {
  it("takes './' prefixes off a name, and never lets an adr-tools name's `[^/]*` cross a folder", () => {
    assert.equal(isAdrFileName('adr-tools', './././0001-x.md'), true);
    assert.equal(isAdrFileName('log4brains', './././a.md'), true);
    assert.equal(isAdrFileName('adr-tools', '0001-x/y.md'), false);
    assert.equal(isAdrFileName('adr-tools', '0001-x.md/notes.txt'), true);
    assert.equal(isSafeQuotePath('/ws/doc/adr', '/ws/doc/adr/2026/quote-x.md'), false); // a folder starting with a digit moves `adr new`
    assert.equal(isSafeQuotePath('/ws/doc/adr', '/ws/doc/adr/'), false);
    assert.deepEqual(quotePlacement('/ws/doc/adr/', '/ws/doc/adr/0001-x.md'), { folder: '/ws/doc/adr/quotes', adrLink: '../0001-x.md' });
    for (const [folder, adr] of [['/ws/doc/adr/', '/ws/other/0001-x.md'], ['/ws/doc/adr', '/ws/doc/adr/']]) {
      const text = { en: `The ADR ${adr} is not in the ADR folder /ws/doc/adr. Pick the ADR again.`, 'zh-cn': `ADR ${adr} 不在 ADR 文件夹 /ws/doc/adr 中。请重新选择 ADR。` };
      assert.throws(() => quotePlacement(folder, adr), { code: 'adr-not-found', text });
    }
  });

  it('says why a front-matter path is not one the extension writes, the first reason found, in both languages', () => {
    const why = (en: string, zh: string) => ({ en, 'zh-cn': zh });
    const ABSOLUTE = why('it is an absolute path', '它是绝对路径');
    const CLIMBS = why('it climbs out of its folder with ".."', '它用「..」跳出了所在的文件夹');
    const GIT = why("it points into Git's own .git folder", '它指向 Git 自己的 .git 文件夹');
    const BACKSLASH = why('it contains a backslash (paths in the front matter use "/")', '它含有反斜杠（front matter 中的路径使用「/」）');
    const CONTROL = why('it contains a control character', '它含有控制字符');
    const SEGMENT = why('it has an empty or "." segment', '它含有空的或为「.」的路径段');
    const cases: Array<[string, object | undefined]> = [
      ['/etc/x', ABSOLUTE], ['C:x', ABSOLUTE], ['c:/x', ABSOLUTE], ['/a/../.git', ABSOLUTE], ['..', CLIMBS], ['a/../.git/x', CLIMBS],
      ['.git/config', GIT], ['a/.GIT/x', GIT], ['a/.git. . /x', GIT], ['GIT~1/x', GIT], ['a/git~12', GIT],
      ['a\\b\u0001', BACKSLASH], ['a\u0000', CONTROL], ['a\u001fb', CONTROL], ['a\u007f/../b', CONTROL],
      ['a//b', SEGMENT], ['./a', SEGMENT], ['a/', SEGMENT], ['a/./b', SEGMENT],
      ['.gitignore', undefined], ['x.git/a', undefined], ['.github/a', undefined], ['git~/a', undefined], ['ab:c', undefined], ['doc/adr/0001-x.md', undefined],
    ];
    for (const [path, reason] of cases) assert.deepEqual(unsafePath(path), reason, JSON.stringify(path));
  });

  it("says where a request's quotes and ADR may be, and finds an ADR folder given with a trailing slash", () => {
    const owner = { assessmentPath: 'docs/r/assessment.md', adrPath: 'doc/adr/0004-x.md', number: 'Q-2026-003' };
    assert.equal(foreignPath('doc/adr/quotes/quote-Q-2026-003-acme.md', 'quote', owner), undefined);
    assert.equal(foreignPath('docs/r/quote-Q-2026-003-R2-acme.md', 'quote', { ...owner, number: 'Q-2026-003-R2' }), undefined);
    assert.deepEqual(foreignPath('src/quote-Q-2026-003-acme.md', 'quote', owner), { en: 'a quote of this request is in docs/r/ or doc/adr/quotes/', 'zh-cn': '此需求的报价单位于 docs/r/ 或 doc/adr/quotes/' });
    assert.deepEqual(foreignPath('docs/r/notes.md', 'quote', { assessmentPath: owner.assessmentPath }), { en: "the quote's file is named quote-….md, after its number", 'zh-cn': '报价单文件按编号命名为 quote-….md' });
    assert.deepEqual(foreignPath('doc/adr/README.md', 'adr', owner), {
      en: 'an ADR is a Markdown (.md) file other than README.md, index.md, template.md or backlog.md',
      'zh-cn': 'ADR 应为 Markdown（.md）文件，且不是 README.md、index.md、template.md 或 backlog.md',
    });
    assert.equal(adrFolderProblem('/ws/doc/adr/0004-x.md', [{ path: '/ws/doc/adr/', readBy: ['adr-tools'] }], '/ws'), undefined);
  });
});

describe('pinned: file-name slugs', () => {
  it('never gives a Windows device name, however it is written', () => {
    const cases: Array<[string, string]> = [
      ['COM1', 'com1-x'], ['com1', 'com1-x'], ['COM0', 'com0-x'], ['LPT9', 'lpt9-x'], ['AUX', 'aux-x'], ['PRN', 'prn-x'],
      ['COM¹', 'com1-x'], ['lpt³', 'lpt3-x'], ['Ｃｏｍ２', 'com2-x'], // NFKC reads ¹ ³ and full-width letters as ASCII
      [' nul! ', 'nul-x'], ['CON.txt', 'con-txt'], ['com10', 'com10'], ['lpt1a', 'lpt1a'], ['xcon', 'xcon'], ['auxiliary', 'auxiliary'],
    ];
    for (const [text, slug] of cases) assert.equal(slugify(text), slug, text);
  });

  it('keeps letters, marks and digits of every script; all else, emoji among it, becomes one dash', () => {
    assert.equal(slugify('हिन्दी ﬁle Ⅻ ٣'), 'हिन्दी-file-xii-٣');
    assert.equal(slugify('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} family ✓ 1\uFE0F\u20E3'), 'family-1\uFE0F\u20E3'); // a keycap is a digit with marks; ZWJ and emoji are not letters
  });

  it('reads at most 4096 characters of a title', () => {
    assert.equal(slugify('!'.repeat(4093) + 'abc'), 'abc');
    assert.equal(slugify('!'.repeat(4095) + 'abc'), 'a');
    assert.equal(slugify('!'.repeat(4096) + 'abc', 'cr-1'), 'cr-1');
  });

  it('cuts at 80 code points between grapheme clusters, at a dash only in the second half', () => {
    assert.equal(slugify('a'.repeat(79) + '𠀀'), 'a'.repeat(79) + '𠀀'); // 81 UTF-16 units, 80 code points: fits
    assert.equal(slugify('a'.repeat(79) + 'q\u0301'), 'a'.repeat(79)); // q + combining acute is one cluster of 2
    assert.equal(slugify('a'.repeat(78) + 'q\u0301'), 'a'.repeat(78) + 'q\u0301');
    assert.equal(slugify('a'.repeat(50) + ' ' + 'b'.repeat(40)), 'a'.repeat(50));
    assert.equal(slugify('a'.repeat(40) + ' ' + 'b'.repeat(50)), 'a'.repeat(40)); // the dash is cluster 40 of 80 kept: half
    assert.equal(slugify('a'.repeat(39) + ' ' + 'b'.repeat(50)), 'a'.repeat(39) + '-' + 'b'.repeat(40));
    // 50 code points, 197 bytes: nothing is cut, so the dash in the second half does not shorten it.
    assert.equal(slugify('𠀀'.repeat(30) + ' ' + '𠀀'.repeat(19)), '𠀀'.repeat(30) + '-' + '𠀀'.repeat(19));
  });

  it('cuts at 200 UTF-8 bytes between grapheme clusters', () => {
    assert.equal(slugify('𠀀'.repeat(49) + 'abcde'), '𠀀'.repeat(49) + 'abcd'); // 196 + 4 = 200 bytes
    assert.equal(slugify('𠀀'.repeat(49) + 'a很'), '𠀀'.repeat(49) + 'a很'); // 196 + 1 + 3 = 200
    assert.equal(slugify('𠀀'.repeat(49) + 'ab很'), '𠀀'.repeat(49) + 'ab'); // 202 with 很
    assert.equal(slugify('abc', 'def', 0), 'request'); // nothing fits, not even the fallback: still a name
  });

  it('joins parts, dropping empty ones, cutting between clusters and never ending in a dash', () => {
    assert.equal(joinSlugs(['2026-11-25', '', 'x']), '2026-11-25-x');
    assert.equal(joinSlugs([]), 'request');
    assert.equal(joinSlugs(['abc', 'def'], 5), 'abc');
    assert.equal(joinSlugs(['很很', '很'], 80, 7), '很很'); // 3 + 3 + 1 = 7 bytes up to the dash
    assert.equal(joinSlugs(['a'.repeat(60) + '-', 'b'.repeat(30)]), 'a'.repeat(60));
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 7 code points, 25 bytes, one cluster
    // 10 + 1 + 60 + 7 = 78 code points; a second family would make 85.
    assert.equal(joinSlugs(['a'.repeat(10), 'b'.repeat(60) + family + family]), `${'a'.repeat(10)}-${'b'.repeat(60)}${family}`);
  });

  it('counts UTF-8 bytes at every length boundary, a lone surrogate as U+FFFD', () => {
    const cases: Array<[string, number]> = [['\u007f', 1], ['\u0080', 2], ['\u07ff', 2], ['\u0800', 3], ['\uffff', 3], ['\u{10000}', 4], ['\ud800', 3], ['a\udc00b', 5], ['', 0]];
    for (const [text, bytes] of cases) assert.equal(utf8Bytes(text), bytes, JSON.stringify(text));
  });

  it('checks user-given names: device names with any extension, forbidden characters, a trailing dot or space', () => {
    for (const name of ['COM¹', 'com²', 'COM³', 'LPT¹', 'lpt²', 'LPT³', 'COM0', 'lpt9', 'NUL.txt', 'nul.tar.gz', 'Aux.', '.', '..', '...', 'a.', 'a ', '']) assert.ok(!isSafeSegment(name), name);
    for (const c of ['\\', '/', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001f', '\u007f', '\u0085']) assert.ok(!isSafeSegment(`a${c}b`), JSON.stringify(c));
    for (const name of ['a b.md', 'a.b.md', '.gitignore', 'com10.md', 'console.log', 'nul-x', 'x'.repeat(255), '数据 推送 (1).md']) assert.ok(isSafeSegment(name), name);
    assert.ok(!isSafeSegment('x'.repeat(256)));
  });
});

describe('pinned: POSIX path helpers', () => {
  it('joins and normalises: empty parts, dots, climbs, a later absolute segment', () => {
    const cases: Array<[string[], string]> = [
      [[], '.'], [[''], '.'], [['./'], '.'], [['/'], '/'], [['/..'], '/'], [['/a/../../b'], '/b'], [['/a/b/'], '/a/b'],
      [['a//b/'], 'a/b'], [['.', 'a'], 'a'], [['a', '/b'], 'a/b'], [['/ws', '/etc'], '/ws/etc'],
      [['a', '..', '..'], '..'], [['..', '..', 'x'], '../../x'], [['a/../..'], '..'], [['../a'], '../a'],
    ];
    for (const [segments, joined] of cases) assert.equal(joinPath(...segments), joined, JSON.stringify(segments));
  });

  it('takes the folder and the name of a path: root, trailing slashes, climbs', () => {
    const cases: Array<[string, string, string]> = [
      ['/a', '/', 'a'], ['/', '/', ''], ['a', '.', 'a'], ['a/b/', 'a', 'b'], ['/a/b/../c', '/a', 'c'], ['../a', '..', 'a'], ['/a/b/..', '/', 'a'],
    ];
    for (const [path, folder, name] of cases) assert.deepEqual([dirname(path), basename(path)], [folder, name], path);
  });

  it('tells inside from a similar prefix, after normalising both paths', () => {
    const cases: Array<[string, string, boolean]> = [
      ['/a/b', '/a/bc', false], ['/a/b', '/a/b/c', true], ['/a/b/', '/a/b', true], ['/a/b', '/a/b/../bc', false], ['/a/b', '/a/b/c/../../b/d', true],
      ['/', '/', true], ['/', '/x/y', true], ['/a', '/', false], ['/a/b', '/a', false], ['a', 'a/b', true], ['a', 'ab', false], ['/a/./b', '/a/b/c/', true],
    ];
    for (const [parent, child, inside] of cases) assert.equal(isInside(parent, child), inside, `${child} in ${parent}`);
  });

  it('makes relative paths segment by segment', () => {
    const cases: Array<[string, string, string]> = [
      ['/a/b', '/a/b', '.'], ['/a/b', '/a', '..'], ['/a/b', '/a/bc/d', '../bc/d'], ['/', '/a/b', 'a/b'], ['/a/b/', '/a/b/c/', 'c'],
      ['/x/y', '/a', '../../a'], ['/a/b/c', '/a/b', '..'], ['/a', '/a/b/c', 'b/c'], ['/a/./b/../c', '/a/c/d', 'd'], ['/a', '/a/x/../y', 'y'],
    ];
    for (const [from, to, relative] of cases) assert.equal(relativePath(from, to), relative, `${from} -> ${to}`);
  });
});
