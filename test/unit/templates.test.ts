import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import nodePath from 'node:path';
import { DeskError } from '../../src/core/errors';
import type { Lang } from '../../src/core/lang';
import type { TemplateSource } from '../../src/core/templates';
import { COMPILE_OPTIONS, PARTIAL_NAMES, TEMPLATE_NAMES, formatDate, inlineText, overrideCandidates, renderTemplate, tableCell } from '../../src/core/templates';
import { planNewAssessment, planQuote, type AdrRef } from '../../src/core/workflows';
import { REPO_ROOT, fileTemplates, memoryTemplates, precompileScript, precompiledTemplates, textTemplates } from './templateFiles';
import { common, requestData, SUPPLIER, withEstimate } from './workflowFixture';

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

/** Counts which Handlebars a source hands out, to see when the compiler is needed. */
function counting(source: TemplateSource) {
  const calls = { runtime: 0, compiler: 0 };
  const counted: TemplateSource = {
    load: (name, lang) => source.load(name, lang),
    runtime: () => (calls.runtime++, source.runtime()),
    compiler: () => (calls.compiler++, source.compiler()),
  };
  return { source: counted, calls };
}

/** The worked example's new assessment and its quote (as in golden.test.ts), rendered from the given templates. */
async function assessmentAndQuote(templates: TemplateSource, lang: Lang): Promise<{ assessment: string; quote: string }> {
  const adr: AdrRef = { path: '/repo/doc/adr/0002-offer-an-open-data-api-to-every-customer.md', title: 'Offer an open data API to every customer', number: 2, status: 'Accepted' };
  const adrLink = { path: 'doc/adr/0002-offer-an-open-data-api-to-every-customer.md', number: 2, title: adr.title, status: 'Accepted' };
  const created = await planNewAssessment({ ...common, templates, root: '/repo', data: requestData(lang, adrLink), adr, exists: async () => false });
  const quote = await planQuote({
    ...common,
    settings: { ...common.settings, supplier: SUPPLIER[lang] },
    templates,
    root: '/repo',
    assessmentPath: created.assessmentPath,
    assessmentText: withEstimate(created.file.text),
    quoteFolder: '/repo/doc/adr/quotes',
    adr,
    workspaceQuoteNumbers: ['Q-2026-002'],
  });
  return { assessment: created.file.text, quote: quote.file.text };
}

describe('precompiled bundled templates', () => {
  it('are compiled with the same options as workspace overrides', async () => {
    const { PRECOMPILE_OPTIONS } = await precompileScript();
    assert.deepEqual({ ...PRECOMPILE_OPTIONS }, { ...COMPILE_OPTIONS });
  });

  it('cover every template and partial in both languages, and nothing else', async () => {
    const expected = [...TEMPLATE_NAMES, ...PARTIAL_NAMES.map((partial) => `partials/${partial}`)].sort();
    const files = (await precompileScript()).bundledTemplateFiles(REPO_ROOT);
    const specs = await precompiledTemplates();
    assert.deepEqual(Object.keys(files).sort(), ['en', 'zh-cn']);
    for (const lang of ['en', 'zh-cn'] as const) {
      assert.deepEqual(Object.keys(files[lang]).sort(), expected, `templates/${lang}`);
      assert.deepEqual(Object.keys(specs[lang]).sort(), expected, `precompiled ${lang}`);
    }
  });

  it('render with the runtime alone, never asking for the compiler', async () => {
    const { source, calls } = counting(fileTemplates());
    const { assessment } = await assessmentAndQuote(source, 'en');
    assert.equal(assessment, readFileSync(nodePath.join(REPO_ROOT, 'test/golden/en/assessment-new.md'), 'utf8'));
    assert.equal(calls.compiler, 0);
    assert.ok(calls.runtime > 0);
  });

  for (const lang of ['en', 'zh-cn'] as const) {
    it(`render the same bytes as the .hbs text compiled at run time (${lang})`, async () => {
      const precompiled = await assessmentAndQuote(fileTemplates(), lang);
      const compiled = await assessmentAndQuote(textTemplates(), lang);
      assert.equal(precompiled.assessment, compiled.assessment);
      assert.equal(precompiled.quote, compiled.quote);
      assert.equal(compiled.quote, readFileSync(nodePath.join(REPO_ROOT, `test/golden/${lang}/quote.md`), 'utf8'));
    });
  }

  it('mix with an override: a text template uses the bundled precompiled partials through the compiler', async () => {
    const bundled = fileTemplates();
    const { source, calls } = counting({
      ...bundled,
      load: async (name, lang) => (name === 'quote.md.hbs' ? { text: 'Ours & <b>{{inline title}}</b>\n{{> links}}', file: 'tpl/quote.md.hbs', override: true } : bundled.load(name, lang)),
    });
    const out = await renderTemplate(source, 'quote.md.hbs', 'en', { title: 'A\nB', adr: null, quotes: [] });
    assert.equal(out, 'Ours & <b>A B</b>\n- Decision record: none linked yet.\n- Quote: none yet. Run **Custom Request: Generate Quote** once the estimate is complete.\n');
    assert.deepEqual(calls, { runtime: 0, compiler: 1 });
  });

  it('an override with a syntax error beside precompiled partials names its file and line', async () => {
    const bundled = fileTemplates();
    const source: TemplateSource = {
      ...bundled,
      load: async (name, lang) => (name === 'quote.md.hbs' ? { text: '# Quote\n\n{{#if quote}}\nunclosed\n', file: 'tpl/en/quote.md.hbs', override: true } : bundled.load(name, lang)),
    };
    await assert.rejects(renderTemplate(source, 'quote.md.hbs', 'en', {}), (e: DeskError) => e.code === 'template-syntax' && e.text.en.startsWith('Template tpl/en/quote.md.hbs:5 has an error on line 5'));
  });
});
