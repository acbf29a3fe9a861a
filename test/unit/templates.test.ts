import assert from 'node:assert/strict';
import { DeskError } from '../../src/core/errors';
import { formatDate, inlineText, overrideCandidates, renderTemplate, tableCell } from '../../src/core/templates';
import { memoryTemplates } from './templateFiles';

describe('templates', () => {
  it('escapes table cells so a pipe or newline cannot break a table', () => {
    assert.equal(tableCell('Acme | Robotics\nGroup'), 'Acme \\| Robotics<br>Group');
    assert.equal(tableCell(undefined), '');
    assert.equal(inlineText('  Acme\r\n  Robotics '), 'Acme Robotics');
  });

  it('formats dates in the document language', () => {
    assert.equal(formatDate('2026-11-25', 'en'), 'November 25, 2026');
    assert.equal(formatDate('2026-11-25', 'zh-cn'), '2026年11月25日');
    assert.equal(formatDate('not a date', 'en'), 'not a date');
  });

  it('renders Markdown without HTML escaping, with our helpers and partials', async () => {
    const source = memoryTemplates({
      'en/assessment.md.hbs': '# {{inline title}} & <co>\n\n| a |\n|---|\n| {{cell name}} |\n\n{{money fee "CNY"}} {{wan fee "CNY"}} {{pct 12.5}} {{num 3.75}}\n{{> comparison}}',
      'en/partials/comparison.hbs': 'partial {{link path}}',
    });
    const out = await renderTemplate(source, 'assessment.md.hbs', 'en', { title: 'A\nB', name: 'x|y', fee: 11_900_000, path: '../a b.md' });
    assert.equal(out, '# A B & <co>\n\n| a |\n|---|\n| x\\|y |\n\nCN¥119,000.00 11.9万元 12.5% 3.8\npartial ../a%20b.md');
  });

  it('reports a syntax error with the template file and line, rendering nothing', async () => {
    const source = memoryTemplates({ 'en/quote.md.hbs': 'line 1\nline 2 {{#if x}}\nline 3\n', 'en/partials/comparison.hbs': '' });
    await assert.rejects(
      renderTemplate(source, 'quote.md.hbs', 'en', {}),
      (e: DeskError) =>
        e.code === 'template-syntax' && e.text.en.startsWith('Template en/quote.md.hbs:') && /on line \d/.test(e.text.en) && e.text['zh-cn'].includes('未写入任何文件'),
    );
    const broken = memoryTemplates({ 'en/quote.md.hbs': 'ok', 'en/partials/comparison.hbs': 'x\n{{/each}}' });
    await assert.rejects(renderTemplate(broken, 'quote.md.hbs', 'en', {}), (e: DeskError) => e.code === 'template-syntax' && e.text.en.includes('en/partials/comparison.hbs:2'));
  });

  it('reports an unknown helper as a template error', async () => {
    const source = memoryTemplates({ 'en/quote.md.hbs': '{{shout name}}', 'en/partials/comparison.hbs': '' });
    await assert.rejects(renderTemplate(source, 'quote.md.hbs', 'en', { name: 'x' }), (e: DeskError) => e.code === 'template-syntax' && e.text.en.includes('shout'));
  });

  it('says when a template is missing', async () => {
    await assert.rejects(renderTemplate(memoryTemplates({}), 'quote.md.hbs', 'zh-cn', {}), (e: DeskError) => e.code === 'template-not-found');
  });
});

describe('template overrides', () => {
  it('looks in <folder>/<lang>/<name>, then <folder>/<name>, in a trusted workspace', () => {
    assert.deepEqual(overrideCandidates('/ws', '.vscode/custom-request/templates', 'zh-cn', 'quote.md.hbs', true), [
      '/ws/.vscode/custom-request/templates/zh-cn/quote.md.hbs',
      '/ws/.vscode/custom-request/templates/quote.md.hbs',
    ]);
    assert.deepEqual(overrideCandidates('/ws', 'tpl', 'en', 'partials/links.hbs', true), ['/ws/tpl/en/partials/links.hbs', '/ws/tpl/partials/links.hbs']);
  });

  it('uses none in an untrusted workspace', () => {
    assert.deepEqual(overrideCandidates('/ws', '.vscode/custom-request/templates', 'en', 'quote.md.hbs', false), []);
  });

  it('never reads outside the workspace folder', () => {
    assert.deepEqual(overrideCandidates('/ws', '../../etc', 'en', 'quote.md.hbs', true), []);
    assert.deepEqual(overrideCandidates('/ws', 'tpl', 'en', '../../../x.hbs', true), []);
  });
});
