/**
 * The register (src/core/register.ts): golden files in both languages, written
 * by hand from the fixture in registerFixture.ts (figures worked out there),
 * every link followed, tag grouping, cell escaping and the file's markers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import nodePath from 'node:path';
import { parseAssessment } from '../../src/core/assessment';
import { groupByTag, parseTagList, productisationCandidates, uniqueTags } from '../../src/core/capabilities';
import type { DeskError } from '../../src/core/errors';
import type { Lang } from '../../src/core/lang';
import { joinPath } from '../../src/core/paths';
import { registerFileText, registerHref, registerView, renderRegister } from '../../src/core/register';
import { planNewAssessment } from '../../src/core/workflows';
import { ASSESSMENT_TEXTS, FILES, REGISTER_PATH, registerEntries, registerInput } from './registerFixture';
import { fileTemplates, REPO_ROOT } from './templateFiles';
import { common, requestData } from './workflowFixture';

async function registerFile(lang: Lang, entries = registerEntries()): Promise<string> {
  return registerFileText(undefined, (await renderRegister(fileTemplates(), registerInput(lang, entries))).content);
}

/** Every Markdown link target in a text (after a `]` that is not escaped), percent-decoded. */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((match) => decodeURIComponent(match[1]));
}

describe('register', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    describe(lang, () => {
      let text: string;
      before(async () => {
        text = await registerFile(lang);
      });

      it(`matches test/golden/${lang}/register.md, written by hand`, () => {
        assert.equal(text, readFileSync(nodePath.join(REPO_ROOT, 'test/golden', lang, 'register.md'), 'utf8'));
      });

      it('links only to files that exist, each followed from the register folder', () => {
        const targets = linkTargets(text);
        // 4 requests in the table, 4 in the candidates, 2 ADRs, 2 quotes, 1 left out
        assert.equal(targets.length, 13);
        const files = new Set(FILES);
        for (const target of targets) {
          assert.ok(!target.startsWith('/') && !/^[a-z]+:/i.test(target), `${target} is relative`);
          const path = joinPath(nodePath.posix.dirname(REGISTER_PATH), target);
          assert.ok(files.has(path), `${target} resolves to ${path}, which is not in the folder`);
        }
      });

      it('renders clean Markdown: no runs of blank lines, no trailing spaces, one final newline', () => {
        assert.ok(!/\n\n\n/.test(text));
        assert.ok(!/[ \t]+\n/.test(text));
        assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
        assert.ok(!/undefined|NaN|\[object Object\]/.test(text));
      });
    });
  }

  it('writes Chinese with full-width punctuation next to Chinese characters', async () => {
    // link targets and code are not prose
    const prose = (await registerFile('zh-cn')).replace(/\]\([^)]*\)/g, ']').replace(/`[^`]*`/g, '');
    const cjk = '[\\u3400-\\u9fff]';
    const ascii = /[,:;()]/.source;
    const offenders = prose.match(new RegExp(`${cjk}${ascii}|${ascii}${cjk}`, 'g')) ?? [];
    assert.deepEqual(offenders, []);
  });

  it('sorts rows by created date, then customer; totals never add different currencies', () => {
    const view = registerView(registerInput('en'));
    assert.deepEqual(
      view.rows.map((row) => `${row.created} ${row.customer}`),
      ['2026-03-02 Acme Robotics', '2026-03-10 Globex', '2026-04-01 ACME  robotics', '2026-04-12 星河机器人'],
    );
    assert.deepEqual(
      view.overall.map((total) => [total.currency, total.requests, total.nreMinor]),
      [
        ['CNY', 2, 15_900_000],
        ['USD', 1, 1_000_000],
        [undefined, 1, 0],
      ],
    );
    assert.deepEqual(view.leftOut.map((entry) => entry.path), ['docs/custom-requests/2026-04-20-initech-dashboard/assessment.md']);
  });

  it('names the broken file and its problem in the note, in the register language', () => {
    const view = registerView(registerInput('zh-cn'));
    assert.equal(view.leftOut.length, 1);
    assert.match(view.leftOut[0].problem, /^docs\/custom-requests\/2026-04-20-initech-dashboard\/assessment\.md:4 的 front matter 不是有效的 YAML：/);
  });

  it('renders an empty folder as "no requests yet"', async () => {
    const text = await registerFile('en', []);
    assert.match(text, /^No requests yet\. Create one with \*\*Custom Request: New Assessment\*\*\.$/m);
    assert.ok(!text.includes('## Totals by status'));
    assert.match(text, /^None yet: no capability tag is shared/m);
    assert.ok(!text.includes('## Left out'));
  });

  it('never links outside the workspace folder, whatever the front matter says', () => {
    const [path, text] = Object.entries(ASSESSMENT_TEXTS)[0];
    const hostile = text.replace('path: doc/adr/0002-offer-an-open-data-api.md', 'path: ../../outside.md');
    const input = { ...registerInput('en', registerEntries({ [path]: hostile })), exists: () => true };
    const row = registerView(input).rows[0];
    assert.equal(row.adr?.href, undefined);
    assert.equal(row.adr?.path, '../../outside.md');
  });
});

describe('register links', () => {
  it('are relative to the register folder, with spaces, parentheses, # and ? encoded', () => {
    assert.equal(registerHref('docs/custom-requests/README.md', 'docs/custom-requests/a/assessment.md'), 'a/assessment.md');
    assert.equal(registerHref('docs/custom-requests/README.md', 'doc/adr/quotes/q 1 (draft)#2?.md'), '../../doc/adr/quotes/q%201%20%28draft%29%232%3F.md');
    assert.equal(registerHref('README.md', 'doc/星河/a.md'), 'doc/星河/a.md');
  });
});

describe('register table cells', () => {
  const [path, text] = Object.entries(ASSESSMENT_TEXTS)[2];
  const hostile = text
    .replace('customer: ACME  robotics', 'customer: "Pipe | Co\\nsecond line"')
    .replace('title: Single sign-on with their [Azure] directory', 'title: "a ] b [x](http://evil) \\\\| c\\n<!-- /custom-request:register -->"');

  it('keep user text in its cell: pipes, brackets and line breaks escaped, markers harmless', async () => {
    const entries = registerEntries({ [path]: hostile });
    assert.ok(entries[0].frontMatter, 'the hostile text is a valid assessment');
    const content = (await renderRegister(fileTemplates(), registerInput('en', entries))).content;
    const row = content.split('\n').find((line) => line.startsWith('| 2026-04-01'));
    assert.ok(row);
    assert.equal(
      row,
      '| 2026-04-01 | Pipe \\| Co<br>second line | [a \\] b \\[x\\](http://evil) \\\\\\| c<br>&lt;!-- /custom-request:register --&gt;](2026-04-01-acme-robotics-single-sign-on/assessment.md) | Draft | no estimate | — | — | — | — |',
    );
    // the block is whole, and a refresh of the refreshed file changes nothing
    const file = registerFileText(undefined, content);
    assert.deepEqual(
      file.split('\n').filter((line) => line.startsWith('<!--')),
      ['<!-- custom-request:register -->', '<!-- /custom-request:register -->'],
    );
    assert.equal(registerFileText(file, content), file);
  });
});

describe('register file', () => {
  const content = '# Register\n\nrows';

  it('is the block alone when new', () => {
    assert.equal(registerFileText(undefined, content), '<!-- custom-request:register -->\n\n# Register\n\nrows\n\n<!-- /custom-request:register -->\n');
  });

  it('keeps the text outside the markers, replacing only the block', () => {
    const before = '# Our requests\n\nNotes above.\n\n<!-- custom-request:register -->\nold\n<!-- /custom-request:register -->\n\nNotes below.\n';
    assert.equal(
      registerFileText(before, content),
      '# Our requests\n\nNotes above.\n\n<!-- custom-request:register -->\n\n# Register\n\nrows\n\n<!-- /custom-request:register -->\n\nNotes below.\n',
    );
  });

  it('appends the block to a README without markers, keeping all of it', () => {
    const readme = '# Custom requests\n\nHow we handle them.\n';
    const next = registerFileText(readme, content);
    assert.ok(next.startsWith(readme));
    assert.equal(next.slice(readme.length), '\n<!-- custom-request:register -->\n\n# Register\n\nrows\n\n<!-- /custom-request:register -->\n');
    assert.equal(registerFileText(next, content), next, 'a second refresh changes nothing');
  });

  it("keeps the file's CRLF line endings and byte order mark", () => {
    const before = '\uFEFF# Notes\r\n\r\n<!-- custom-request:register -->\r\nold\r\n<!-- /custom-request:register -->\r\n';
    assert.equal(registerFileText(before, content), '\uFEFF# Notes\r\n\r\n<!-- custom-request:register -->\r\n\r\n# Register\r\n\r\nrows\r\n\r\n<!-- /custom-request:register -->\r\n');
  });
});

describe('capability tags', () => {
  it('parse a typed list: commas in both scripts, full-width letters folded, repeats dropped, first spelling kept', () => {
    assert.deepEqual(parseTagList(' data push , SSO，ｓｓｏ、Data-Push; 数据推送 ,, '), ['data push', 'SSO', '数据推送']);
    assert.deepEqual(uniqueTags(['a', 'B', 'b', '  ']), ['a', 'B']);
    assert.equal(uniqueTags(Array.from({ length: 40 }, (_, i) => `t${i}`)).length, 30);
  });

  it('group requests by tag, most customers first, then by tag', () => {
    const requests = [
      { customer: 'Acme', capabilities: ['webhooks', 'data-push'] },
      { customer: 'acme ', capabilities: ['Webhooks'] },
      { customer: 'Globex', capabilities: ['Data Push', 'sso'] },
      { customer: '星河机器人', capabilities: ['DATA_PUSH', 'ＳＳＯ'] },
    ];
    assert.deepEqual(
      groupByTag(requests).map((use) => [use.tag, use.customers, use.requests.length]),
      [
        ['data-push', ['Acme', 'Globex', '星河机器人'], 3],
        ['sso', ['Globex', '星河机器人'], 2],
        ['webhooks', ['Acme'], 2],
      ],
    );
  });

  it('make a productisation candidate only of a tag shared by different customers', () => {
    const sameCustomer = [
      { customer: 'Acme', capabilities: ['webhooks'] },
      { customer: 'ACME', capabilities: ['webhooks'] },
    ];
    assert.deepEqual(productisationCandidates(sameCustomer), []);
    const twoCustomers = [...sameCustomer, { customer: 'Globex', capabilities: ['Webhooks'] }];
    assert.deepEqual(
      productisationCandidates(twoCustomers).map((use) => [use.tag, use.customers]),
      [['webhooks', ['Acme', 'Globex']]],
    );
  });

  it('are written into a new assessment when given, leaving no line when there are none', async () => {
    const plan = (capabilities?: string[]) =>
      planNewAssessment({ ...common, root: '/repo', data: { ...requestData('en'), ...(capabilities ? { capabilities } : {}) }, exists: async () => false });
    const tagged = (await plan(['data-push', 'SSO'])).file.text;
    assert.match(tagged, /^capabilities:\n {2}- data-push\n {2}- SSO\n/m);
    assert.deepEqual(parseAssessment(tagged, 'a.md').frontMatter.capabilities, ['data-push', 'SSO']);
    const untagged = (await plan()).file.text;
    assert.doesNotMatch(untagged, /^capabilities:/m);
    assert.deepEqual(parseAssessment(untagged, 'a.md').frontMatter.capabilities, []);
  });

  it('in front matter are short single lines, a wrong one named by its field', () => {
    const [path, text] = Object.entries(ASSESSMENT_TEXTS)[2];
    const withTags = (yaml: string) => text.replace(/^capabilities:\n(?: {2}- .*\n)+/m, `capabilities: ${yaml}\n`);
    assert.deepEqual(parseAssessment(withTags('[" spaced "]'), path).frontMatter.capabilities, ['spaced']);
    assert.throws(() => parseAssessment(withTags('["two\\nlines"]'), path), (error: DeskError) => /capabilities\[0\]/.test(error.text.en) && /one line/.test(error.text.en) && /能力标签/.test(error.text['zh-cn']));
    assert.throws(() => parseAssessment(withTags(`["${'x'.repeat(61)}"]`), path), (error: DeskError) => /capabilities\[0\]/.test(error.text.en));
  });

  it('a tag written twice in one request counts that request once', () => {
    assert.equal(groupByTag([{ customer: 'Acme', capabilities: ['sso', 'SSO'] }])[0].requests.length, 1);
  });
});
