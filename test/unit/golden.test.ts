/**
 * Every bundled template rendered for the method's worked example, in both
 * languages, compared with checked-in Markdown under test/golden/ that was
 * reviewed by hand line by line. After a deliberate template change, run
 * `UPDATE_GOLDEN=1 npx mocha test/unit/golden.test.ts`, then review the diff
 * line by line before committing it. With UPDATE_GOLDEN=1 a golden file that
 * differs (or is missing) is rewritten and its test is reported as pending,
 * titled "UPDATED …", never as passed; files that already match are compared
 * as usual. UPDATE_GOLDEN accepts only "1" (any other non-empty value fails the
 * suite), and it is refused when CI is set: CI only ever compares.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/core/assessment';
import type { Lang } from '../../src/core/lang';
import { planNewAdr } from '../../src/core/adrPlan';
import { planNewAssessment, planQuote, type AdrRef } from '../../src/core/workflows';
import { REPO_ROOT } from './templateFiles';
import { common, requestData, SUPPLIER, withEstimate } from './workflowFixture';

const ROOT = '/repo';
const GOLDEN = nodePath.join(REPO_ROOT, 'test/golden');
const nothingExists = async () => false;

const RELATED_ADR: AdrRef = {
  path: '/repo/doc/adr/0002-offer-an-open-data-api-to-every-customer.md',
  title: 'Offer an open data API to every customer',
  number: 2,
  status: 'Accepted',
};

async function renderAll(lang: Lang): Promise<Record<string, string>> {
  const adrLink = { path: 'doc/adr/0002-offer-an-open-data-api-to-every-customer.md', number: 2, title: RELATED_ADR.title, status: 'Accepted' };
  const created = await planNewAssessment({ ...common, root: ROOT, data: requestData(lang, adrLink), adr: RELATED_ADR, exists: nothingExists });
  const estimated = withEstimate(created.file.text);
  const quote = await planQuote({
    ...common,
    settings: { ...common.settings, supplier: SUPPLIER[lang] },
    root: ROOT,
    assessmentPath: created.assessmentPath,
    assessmentText: estimated,
    quoteFolder: '/repo/doc/adr/quotes',
    adr: RELATED_ADR,
    workspaceQuoteNumbers: ['Q-2026-002'],
  });
  const withoutAdr = await planNewAssessment({ ...common, root: ROOT, data: requestData(lang), exists: nothingExists });
  const newAdr = async (format: 'madr' | 'nygard') =>
    (
      await planNewAdr({
        ...common,
        root: ROOT,
        assessmentPath: withoutAdr.assessmentPath,
        assessmentText: withEstimate(withoutAdr.file.text),
        adrFolder: format === 'nygard' ? '/repo/doc/adr' : '/repo/docs/decisions',
        format,
        nextNumber: 3,
        title: lang === 'zh-cn' ? '定制需求：数据反向推送' : 'Custom request: push robot data to the customer platform',
        exists: nothingExists,
      })
    ).file.text;
  return {
    'assessment-new.md': created.file.text,
    'assessment-quoted.md': quote.assessmentText,
    'quote.md': quote.file.text,
    'adr-madr.md': await newAdr('madr'),
    'adr-nygard.md': await newAdr('nygard'),
  };
}

/** Whether this run rewrites golden files; throws for a value other than "1" and for CI. */
function updateGolden(): boolean {
  const value = process.env.UPDATE_GOLDEN;
  if (value === undefined || value === '') return false;
  if (value !== '1') throw new Error(`UPDATE_GOLDEN=${JSON.stringify(value)} is not understood: set UPDATE_GOLDEN=1 to rewrite golden files, or leave it unset to compare`);
  if (process.env.CI) throw new Error('UPDATE_GOLDEN=1 is refused when CI is set: golden files are updated by hand and reviewed, CI only compares');
  return true;
}

describe('golden documents for the worked example', () => {
  let update = false;
  before(() => {
    update = updateGolden();
  });

  for (const lang of ['en', 'zh-cn'] as const) {
    describe(lang, () => {
      let rendered: Record<string, string>;
      before(async () => {
        rendered = await renderAll(lang);
      });

      for (const name of ['assessment-new.md', 'assessment-quoted.md', 'quote.md', 'adr-madr.md', 'adr-nygard.md']) {
        it(`${name} matches test/golden/${lang}/${name}`, function () {
          const path = nodePath.join(GOLDEN, lang, name);
          if (update && (!existsSync(path) || readFileSync(path, 'utf8') !== rendered[name])) {
            mkdirSync(nodePath.dirname(path), { recursive: true });
            writeFileSync(path, rendered[name]);
            // Compared with nothing but itself: reported as pending, never as passed.
            this.test!.title = `UPDATED test/golden/${lang}/${name} (review the diff before committing)`;
            this.skip();
          }
          assert.ok(existsSync(path), `missing golden file ${path}`);
          assert.equal(rendered[name], readFileSync(path, 'utf8'));
        });
      }

      it('every output with front matter parses back as YAML', () => {
        for (const name of ['assessment-new.md', 'assessment-quoted.md', 'quote.md', 'adr-madr.md']) {
          const split = splitFrontMatter(rendered[name]);
          assert.ok(split, `${name} has front matter`);
          const data = parse(split.yaml);
          assert.equal(typeof data, 'object', name);
        }
        const quote = parse(splitFrontMatter(rendered['quote.md'])!.yaml);
        assert.equal(quote.number, 'Q-2026-003');
        assert.deepEqual(quote.supplier, { name: SUPPLIER[lang].name, logo: 'media/letterhead-logo.png' });
      });

      it('renders clean Markdown: no runs of blank lines, no trailing spaces, one final newline', () => {
        for (const [name, text] of Object.entries(rendered)) {
          assert.ok(!/\n\n\n/.test(text), `${name} has a run of blank lines`);
          assert.ok(!/[ \t]+\n/.test(text), `${name} has trailing spaces`);
          assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), `${name} ends with one newline`);
          assert.ok(!/undefined|NaN|\[object Object\]/.test(text), `${name} shows a missing value`);
        }
      });
    });
  }
});
