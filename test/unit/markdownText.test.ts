/**
 * Issue 20, item 1 (a): user text in the Markdown we write shows as typed.
 * The escaped text is rendered by a real CommonMark renderer (markdown-it,
 * with HTML and linkify on, as VS Code renders Markdown) and its visible
 * text compared with the input.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { inlineText, linkLabel, markdownText, tableCell, unescapeMarkdown } from '../../src/core/markdownText';
import { decodeEntities } from '../../src/core/sanitizeHtml';
import { parseAdr } from '../../src/core/adrFiles';
import { planNewAdr } from '../../src/core/adrPlan';
import { planNewAssessment } from '../../src/core/workflows';
import { anyText, nastyText, runs } from './propertyArbitraries';
import { common, requestData } from './workflowFixture';

const md = new MarkdownIt({ html: true, linkify: true });

/** The text a reader sees in rendered HTML: tags out (`<br>` as a space), references decoded, blanks collapsed. */
function visible(html: string): string {
  const text = html.replace(/<br\s*\/?>/g, ' ').replace(/<[^<>]*>/g, '');
  return collapse(decodeEntities(text));
}
/** Blanks as a browser shows them. markdown-it turns NUL into U+FFFD, as CommonMark says. */
const collapse = (text: string) => text.replace(/\0/g, '\ufffd').replace(/[ \t\n]+/g, ' ').trim();
/** What inlineText shows: the lines trimmed and joined by a space. */
const asOneLine = (text: string) =>
  collapse(
    text
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' '),
  );

/** The rendered places user text goes in the templates. */
const PLACES = {
  paragraph: (value: string) => md.render(`Intro.\n\n${inlineText(value)}\n`).replace(/^<p>Intro\.<\/p>\n/, ''),
  heading: (value: string) => md.render(`# ${inlineText(value)}\n`),
  listItem: (value: string) => md.render(`- ${inlineText(value)}\n`),
  strongListItem: (value: string) => md.render(`- **${inlineText(value)}**: 2 customers\n`).replace(/: 2 customers/, ''),
  tableCell: (value: string) => {
    const html = md.render(`| a | b |\n| --- | --- |\n| ${tableCell(value)} | end |\n`);
    // The first body cell, and the second one must still be there: the row was not broken.
    const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
    assert.equal(cells.length, 2, `the row keeps its cells: ${html}`);
    assert.equal(cells[1], 'end');
    return cells[0];
  },
  linkLabel: (value: string) => {
    const html = md.render(`- [${linkLabel(value)}](docs/a.md)\n`);
    assert.match(html, /<a href="docs\/a\.md">/, `the link survives: ${html}`);
    return html;
  },
};

const HOSTILE = [
  'Add a <select> box to the order form',
  'Acme <Europe> GmbH',
  '<script>alert(1)</script>',
  '**bold** and _it_ and `code`',
  '[x](y) and ![img](z.png) and <https://x.example>',
  '# heading',
  '## Status',
  '| a | b |',
  '<!-- x --> and --> and <!--->',
  '> quoted',
  '- item',
  '+ item',
  '1. first',
  '2026) year',
  '---',
  '===',
  '~~~',
  '```js',
  'Issue #',
  'C# and F#',
  '~~struck~~ and $x$ math',
  'R&D &amp; &#60; &lt;',
  'back\\slash \\* \\',
  'snake_case and __init__',
  '星河机器人（深圳）有限公司：数据反向推送',
  '“中文引号”和 <标签>',
  '<div>block</div>',
  '[ref]: https://x.example',
  '[^1]',
  '\\<select>',
];

describe('Markdown text: user text shows as typed', () => {
  for (const [place, render] of Object.entries(PLACES)) {
    it(`renders hostile text as the same visible text in a ${place}`, () => {
      for (const value of HOSTILE) {
        const html = render(value);
        assert.equal(visible(html), asOneLine(value), `${JSON.stringify(value)} → ${html}`);
        assert.ok(!/<(?:select|script|div|europe|a href="y")/i.test(html.replace(/<a href="docs\/a\.md">/, '')), `no tag from the text: ${html}`);
      }
    });
  }

  it('escapes only what Markdown would read: CJK, ordinary punctuation and intraword underscores stay readable', () => {
    assert.equal(inlineText('Add a <select> box to the order form'), 'Add a \\<select> box to the order form');
    assert.equal(inlineText('Acme <Europe> GmbH'), 'Acme \\<Europe> GmbH');
    assert.equal(inlineText('星河机器人（深圳）：数据_推送，“测试”。'), '星河机器人（深圳）：数据_推送，“测试”。');
    assert.equal(inlineText('Acme, Inc. (US) — 50% off? Yes!'), 'Acme, Inc. (US) — 50% off? Yes!');
    assert.equal(inlineText('snake_case'), 'snake_case');
    assert.equal(inlineText('# 1. **x**'), '\\# 1. \\*\\*x\\*\\*');
    assert.equal(inlineText('1. first'), '1\\. first');
    assert.equal(inlineText('Issue #'), 'Issue \\#');
    assert.equal(inlineText('a | b'), 'a | b', 'a pipe cannot start a table on its own line');
    assert.equal(tableCell('a | b\nc'), 'a \\| b<br>c');
  });

  it('never writes an HTML comment opener or closer', () => {
    for (const value of ['<!--', '-->', '<!--->', '--->', 'a --\n> b', '<!-- /custom-request:links -->']) {
      for (const out of [inlineText(value), tableCell(value), linkLabel(value)]) assert.ok(!out.includes('<!--') && !out.includes('-->'), `${JSON.stringify(value)} → ${out}`);
    }
  });

  it('reads escaped text back as the text it shows', () => {
    for (const value of HOSTILE) assert.equal(unescapeMarkdown(inlineText(value)), value.trim());
    assert.equal(unescapeMarkdown('Acme &amp; Co \\&amp;'), 'Acme & Co &amp;');
  });

  it('property: any string renders as its own text in every place, and reads back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nastyText(20)), (value) => {
        const expected = asOneLine(value);
        for (const [place, render] of Object.entries(PLACES)) {
          // Emphasis around nothing is no emphasis; a capability tag is never blank.
          if (place === 'strongListItem' && expected === '') continue;
          const html = render(value);
          // A cell keeps the line breaks as <br>, which `visible` shows as blanks: the same text.
          assert.equal(visible(html), place === 'tableCell' || place === 'linkLabel' ? collapse(value.replace(/\r\n|\r/g, '\n')) : expected, `${place}: ${JSON.stringify(value)} → ${html}`);
        }
        const line = value.replace(/\r\n|\r|\n/g, ' ');
        assert.equal(unescapeMarkdown(markdownText(line)), line);
        assert.equal(unescapeMarkdown(markdownText(line, 'cell')), line);
      }),
      runs(2011, 400),
    );
  });

  it('an ADR title with Markdown and HTML in it reads back from the ADR heading as written (MADR and Nygard)', async () => {
    const plan = await planNewAssessment({ ...common, root: '/ws', data: requestData('en'), exists: async () => false });
    for (const title of ['Add a <select> box to the order form', 'Use **Kafka** [v2](x) & `jq` #', 'Plan_B <!-- x --> --> \\* 1. ~x~']) {
      for (const format of ['madr', 'nygard'] as const) {
        const adr = await planNewAdr({
          ...common,
          root: '/ws',
          assessmentPath: plan.assessmentPath,
          assessmentText: plan.file.text,
          adrFolder: '/ws/doc/adr',
          format,
          nextNumber: 7,
          title,
          exists: async () => false,
        });
        assert.equal(parseAdr(adr.file.path, adr.file.text)?.title, title, `${format}: ${adr.file.text.split('\n').find((l) => l.startsWith('# '))}`);
      }
    }
  });
});
