/**
 * What ships in the .vsix (scripts/package.mjs) and the README the package
 * carries (scripts/packaged-readme.mjs). The expected texts are written by
 * hand; the real README.md is checked for what VS Code's extension page could
 * not show or follow once packaged.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import nodePath from 'node:path';

const ROOT = nodePath.resolve(__dirname, '../..');
const packageScript = () => import('../../scripts/package.mjs');
const readmeScript = () => import('../../scripts/packaged-readme.mjs');

/** What vsce put in the package on this repository (vsce ls, names as installed). */
const SHIPPED = [
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'readme.md',
  'changelog.md',
  'LICENSE.txt',
  '.vsixmanifest',
  'media/icon.png',
  'media/form.css',
  'media/activity-bar.svg',
  'l10n/bundle.l10n.zh-cn.json',
  'dist/extension.js',
  'dist/desk.js',
  'dist/webview.js',
  'dist/yaml.js',
];

describe('the package', () => {
  it('accepts what ships, with vsce’s names for README, CHANGELOG and LICENSE', async () => {
    const { shippingProblems } = await packageScript();
    assert.deepEqual(shippingProblems(SHIPPED), []);
  });

  it('refuses sources, tests, fixtures, maps, size reports, editor settings and README screenshots, naming each', async () => {
    const { shippingProblems } = await packageScript();
    const extra = [
      'src/extension.ts',
      'test/e2e/journey.ts',
      'scripts/package.mjs',
      'templates/en/quote.md.hbs',
      'dist/desk.js.map',
      'dist/desk.meta.json',
      'media/readme/tree.png',
      'docs/fixtures/sample.md',
      '.vscode/settings.json',
      '.env',
      'node_modules/yaml/index.js',
      'types/index.d.ts',
      'old.vsix',
    ];
    const problems = shippingProblems([...SHIPPED, ...extra]);
    assert.equal(problems.length, extra.length, problems.join('\n'));
    for (const [i, file] of extra.entries()) assert.ok(problems[i].startsWith(`${file} must not ship (`), problems[i]);
  });

  it('names what is missing: the entry, the form’s script, the README', async () => {
    const { shippingProblems } = await packageScript();
    const problems = shippingProblems(SHIPPED.filter((file) => !['dist/extension.js', 'dist/webview.js', 'readme.md'].includes(file)));
    assert.deepEqual(problems, ['README.md is missing', 'dist/extension.js is missing', 'dist/webview.js is missing']);
  });
});

describe('the packaged README', () => {
  it('leaves out local screenshots and keeps a relative link’s text, and keeps web links and headings', async () => {
    const { packagedReadme } = await readmeScript();
    const readme = [
      '# Title',
      '',
      '<img src="media/readme/quote.png" width="480" alt="A quote">',
      '',
      'Text with [the benchmarks](BENCHMARKS.md), [a site](https://example.org/a) and [a heading](#settings).',
      '',
      '<p>',
      '  <img src="media/readme/form.png" alt="The form">',
      '  <img src="media/readme/figures.png" alt="The figures">',
      '</p>',
      '',
      'Inline ![shot](media/a.png) image and <img src="https://example.org/b.png" alt="web"> stays.',
      '',
    ].join('\n');
    assert.equal(
      packagedReadme(readme),
      [
        '# Title',
        '',
        'Text with the benchmarks, [a site](https://example.org/a) and [a heading](#settings).',
        '',
        'Inline  image and <img src="https://example.org/b.png" alt="web"> stays.',
        '',
      ].join('\n'),
    );
  });

  it('finds what the extension’s page could not show or follow', async () => {
    const { unsafeTargets } = await readmeScript();
    assert.deepEqual(unsafeTargets('a [b](c.md) <img src="d.png"> ![e](f.png) <a href="g.html">g</a> [ok](https://x.org) <img src="https://x.org/y.png"> [top](#top)'), ['d.png', 'f.png', 'c.md', 'g.html']);
  });

  it('made from this repository’s README.md, links nothing the page cannot follow and shows no local image', async () => {
    const { packagedReadme, unsafeTargets } = await readmeScript();
    const source = readFileSync(nodePath.join(ROOT, 'README.md'), 'utf8');
    assert.ok(unsafeTargets(source).length > 0, 'the repository README has local images and links (else this test checks nothing)');
    const packaged = packagedReadme(source);
    assert.deepEqual(unsafeTargets(packaged), []);
    // Nothing but the images and the links' targets went: every heading is still there.
    const headings = (text: string) => text.split('\n').filter((line) => line.startsWith('#'));
    assert.deepEqual(headings(packaged), headings(source));
  });
});
