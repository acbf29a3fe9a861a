import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import nodePath from 'node:path';
import { parse } from 'yaml';
import { findAdrFolders, listAdrs, nextAdrNumber, parseAdr, quotePlacement } from '../../src/core/adr';
import { parseAssessment, splitFrontMatter } from '../../src/core/assessment';
import type { DeskError } from '../../src/core/errors';
import { readText } from '../../src/core/fsPort';
import { joinPath } from '../../src/core/paths';
import { settingsSchema } from '../../src/core/schema';
import { planNewAdr } from '../../src/core/adrPlan';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { makeTempDir, nodeFs } from './nodeFs';
import { adr, common, exists, relative, requestData, TODAY, withEstimate } from './workflowFixture';
import { inMutationRun } from '../support/mutationRun';

/** Every file and folder below `root`, as sorted relative paths (folders end with "/"). */
async function listTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.map((e) => relative(root, nodePath.posix.join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : '')).sort();
}

async function write(file: { path: string; text: string }) {
  assert.equal(await exists(file.path), false, `${file.path} must not exist yet`);
  await nodeFs.writeFile(file.path, file.text);
}

describe('workflows', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeTempDir();
  });
  afterEach(async () => {
    await nodeFs.remove(root);
  });

  it('plans a new assessment under the assessment folder, never reusing a folder', async () => {
    const first = await planNewAssessment({ ...common, root, data: requestData('en'), exists });
    assert.equal(relative(root, first.assessmentPath), 'docs/custom-requests/2026-11-25-acme-robotics-push-robot-data-to-their-own-platform/assessment.md');
    await write(first.file);
    const second = await planNewAssessment({ ...common, root, data: requestData('en'), exists });
    assert.equal(relative(root, second.assessmentPath), 'docs/custom-requests/2026-11-25-acme-robotics-push-robot-data-to-their-own-platform-2/assessment.md');
    const { frontMatter } = parseAssessment(first.file.text, 'a.md');
    assert.equal(frontMatter.customer, 'Acme | Robotics');
    assert.equal(frontMatter.status, 'draft');
  });

  it('refuses an assessment folder outside the workspace folder', async () => {
    const settings = settingsSchema.parse({ assessmentFolder: '../elsewhere' });
    await assert.rejects(planNewAssessment({ ...common, settings, root, data: requestData('en'), exists }), (e: DeskError) => e.code === 'outside-workspace');
  });

  it('says what is missing when the assessment has no estimate', async () => {
    const plan = await planNewAssessment({ ...common, root, data: requestData('en'), exists });
    await assert.rejects(
      planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: plan.file.text, quoteFolder: root, workspaceQuoteNumbers: [] }),
      (e: DeskError) => e.code === 'missing-estimate' && e.text.en.includes('assessment.md has no estimate yet') && e.text.en.includes('"estimate:"'),
    );
  });

  it('names the field when the hand-edited estimate is wrong, and writes nothing', async () => {
    const plan = await planNewAssessment({ ...common, root, data: requestData('zh-cn'), exists });
    const text = withEstimate(plan.file.text, { currency: 'CNY', workItems: [{ name: 'x', role: 'engineer', optimistic: 9, mostLikely: 5, pessimistic: 12 }], dayRates: { engineer: 3000 } });
    await nodeFs.writeFile(plan.assessmentPath, text);
    const before = await listTree(root);
    assert.ok(before.includes(relative(root, plan.assessmentPath)), 'the listing sees the assessment');
    await assert.rejects(
      planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: text, quoteFolder: joinPath(root, 'doc/adr/quotes'), workspaceQuoteNumbers: [] }),
      (e: DeskError) => e.code === 'invalid-front-matter' && e.text['zh-cn'].includes('“estimate.workItems[0].mostLikely”（最可能人天）应满足：乐观 ≤ 最可能 ≤ 悲观'),
    );
    assert.deepEqual(await listTree(root), before, 'no file or folder was added or removed');
    assert.equal(await readText(nodeFs, plan.assessmentPath), text, 'the assessment is unchanged');
  });

  it('writes quotes as new numbers and revisions, linked both ways, never showing the cost basis', async () => {
    const plan = await planNewAssessment({ ...common, root, data: requestData('en'), exists });
    const text = withEstimate(plan.file.text);
    const quoteFolder = joinPath(root, 'doc/adr/quotes');
    const first = await planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: text, quoteFolder, workspaceQuoteNumbers: ['Q-2026-004'] });
    assert.equal(first.number, 'Q-2026-005');
    assert.equal(relative(root, first.file.path), 'doc/adr/quotes/quote-Q-2026-005-acme-robotics.md');
    const quoteFm = parse(splitFrontMatter(first.file.text)!.yaml);
    assert.equal(quoteFm.nreFeeMinor, 11_900_000);
    assert.equal(quoteFm.yearlyFeeMinor, 7_200_000);
    assert.equal(quoteFm.termTotalMinor, 26_300_000);
    assert.equal(quoteFm.termTotalInclTaxMinor, 27_878_000);
    assert.equal(quoteFm.validUntil, '2026-12-25');
    assert.equal(quoteFm.assessment, relative(root, plan.assessmentPath));
    // The body shows the prices...
    assert.ok(first.file.text.includes('CN¥119,000.00'), 'NRE fee');
    assert.ok(first.file.text.includes('CN¥72,000.00'), 'yearly fee');
    // ...and none of the internal cost basis: day rate, effort cost, contingency, margin.
    for (const internal of ['CN¥3,000.00', 'CN¥90,000.00', 'CN¥9,000.00', 'CN¥19,800.00', 'CN¥118,800.00', 'ontingency', 'argin', 'σ', 'P80']) {
      assert.ok(!first.file.text.includes(internal), `quote must not show ${internal}`);
    }
    // Internal material stays in the front matter: the body the customer reads has no link to the assessment, nor any person-days.
    const quoteBody = splitFrontMatter(first.file.text)!.body;
    assert.ok(!quoteBody.includes('assessment.md') && !quoteBody.includes(']('), 'the quote body links nothing internal');
    assert.ok(!/person-day|人天/.test(quoteBody), 'the quote body shows no person-days');

    const updated = parseAssessment(first.assessmentText, 'a.md').frontMatter;
    assert.equal(updated.status, 'quoted');
    assert.deepEqual(updated.quotes, [{ number: 'Q-2026-005', revision: 1, path: 'doc/adr/quotes/quote-Q-2026-005-acme-robotics.md', date: TODAY, nreMinor: 11_900_000, currency: 'CNY' }]);
    assert.ok(first.assessmentText.includes('(../../../doc/adr/quotes/quote-Q-2026-005-acme-robotics.md)'), 'assessment links the quote');

    const second = await planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: first.assessmentText, quoteFolder, workspaceQuoteNumbers: ['Q-2026-004', 'Q-2026-005'] });
    assert.equal(second.number, 'Q-2026-005-R2');
    assert.equal(relative(root, second.file.path), 'doc/adr/quotes/quote-Q-2026-005-R2-acme-robotics.md');
    assert.equal(parseAssessment(second.assessmentText, 'a.md').frontMatter.quotes.length, 2);
  });

  it('prices in yen (no minor unit), with a standard fee and no tax, rendering clean documents', async () => {
    const plan = await planNewAssessment({ ...common, root, data: { ...requestData('en'), dealSize: { amount: 50_000_000, currency: 'JPY' } }, exists });
    const estimate = {
      currency: 'JPY',
      workItems: [{ name: 'Adapter', role: 'engineer', optimistic: 8, mostLikely: 10, pessimistic: 18 }],
      dayRates: { engineer: 80_000 },
      standard: { days: 2, fee: 150_000 },
    };
    const quote = await planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: withEstimate(plan.file.text, estimate), quoteFolder: root, workspaceQuoteNumbers: [] });
    // PERT 8/10/18 is β(1.8, 4.2) on [8, 18]; its P80 is 12.5026 (Simpson integration of the density, 4·10⁶ panels;
    // a Monte Carlo gives 12.5023) → 13 pd × ¥80,000 = ¥1,040,000; contingency 10% → ¥1,144,000; margin 20% → ¥1,372,800.
    const fm = parse(splitFrontMatter(quote.file.text)!.yaml);
    assert.equal(fm.nreFeeMinor, 1_372_800);
    assert.ok(quote.file.text.includes('¥1,372,800'), 'yen without decimals');
    assert.ok(!quote.file.text.includes('¥1,372,800.00'));
    assert.ok(quote.file.text.includes('¥150,000'), 'the standard fee');
    assert.ok(!/undefined|NaN|\n\n\n/.test(quote.file.text + quote.assessmentText));
    assert.equal(fm.taxRatePercent, undefined);
  });

  it('regenerating the generated blocks with the same data changes nothing else', async () => {
    const plan = await planNewAssessment({ ...common, root, data: requestData('zh-cn'), exists });
    const text = withEstimate(plan.file.text);
    const first = await planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: text, quoteFolder: root, workspaceQuoteNumbers: [] });
    const second = await planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: first.assessmentText, quoteFolder: root, workspaceQuoteNumbers: [first.number] });
    const body = (t: string) => splitFrontMatter(t)!.body;
    // Only the links block (one more quote) differs between the two bodies.
    const withoutLinks = (t: string) => body(t).replace(/<!-- custom-request:links -->[\s\S]*<!-- \/custom-request:links -->/, '');
    assert.equal(withoutLinks(second.assessmentText), withoutLinks(first.assessmentText));
    assert.notEqual(body(second.assessmentText), body(first.assessmentText));
    assert.equal(second.number, 'Q-2026-001-R2');
  });

  it('refuses to put a quote where an ADR tool would list it', async () => {
    const plan = await planNewAssessment({ ...common, root, data: requestData('en'), exists });
    const adr = { path: joinPath(root, 'docs/adr/20240402-open-api.md'), title: 'Open API' };
    await assert.rejects(
      planQuote({ ...common, root, assessmentPath: plan.assessmentPath, assessmentText: withEstimate(plan.file.text), quoteFolder: joinPath(root, 'docs/adr'), adr, workspaceQuoteNumbers: [] }),
      (e: DeskError) => e.code === 'outside-workspace' && e.text.en.includes('would take it for an ADR'),
    );
  });

  // A second each, over two thousand changed builds: left out of the mutation run (test/support/mutationRun.ts).
  (inMutationRun ? describe.skip : describe)('with the real adr-tools', () => {
    before(function () {
      try {
        adr('/', 'help');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
        if (process.env.CI) throw new Error('adr-tools is not installed; `npm test` installs it when run as root');
        this.skip();
      }
    });

    it('a quote next to the ADR leaves `adr list` and `adr new` numbering unchanged', async () => {
      adr(root, 'init');
      adr(root, 'new', 'Offer an open data API to every customer');
      const listBefore = adr(root, 'list');
      assert.deepEqual(listBefore.trim().split('\n'), ['doc/adr/0001-record-architecture-decisions.md', 'doc/adr/0002-offer-an-open-data-api-to-every-customer.md']);

      const [folder] = await findAdrFolders(nodeFs, root);
      assert.equal(relative(root, folder.path), 'doc/adr');
      const adrs = await listAdrs(nodeFs, folder);
      const related = adrs.find((a) => a.number === 2)!;
      assert.equal(related.title, 'Offer an open data API to every customer');
      const created = await planNewAssessment({
        ...common,
        root,
        data: requestData('en', { path: relative(root, related.path), number: 2, title: related.title, status: related.status }),
        adr: related,
        exists,
      });
      await write(created.file);
      const assessmentText = withEstimate(created.file.text);
      const placement = quotePlacement(folder, related.path);
      const quote = await planQuote({ ...common, root, assessmentPath: created.assessmentPath, assessmentText, quoteFolder: placement.folder, adr: related, workspaceQuoteNumbers: [] });
      await write(quote.file);
      assert.equal(relative(root, quote.file.path), 'doc/adr/quotes/quote-Q-2026-001-acme-robotics.md');
      assert.equal(parse(splitFrontMatter(quote.file.text)!.yaml).adr, 'doc/adr/0002-offer-an-open-data-api-to-every-customer.md', 'the quote records its ADR in the front matter');
      assert.ok(!splitFrontMatter(quote.file.text)!.body.includes('0002-offer'), 'and not in the body');

      assert.equal(adr(root, 'list'), listBefore, '`adr list` prints exactly what it printed before');
      adr(root, 'new', 'Next decision');
      assert.ok(adr(root, 'list').includes('doc/adr/0003-next-decision.md'), 'the next ADR is still number 3');
    });

    it('a new ADR for a request is one adr-tools lists and reads', async () => {
      adr(root, 'init');
      const created = await planNewAssessment({ ...common, root, data: requestData('zh-cn'), exists });
      await write(created.file);
      const [folder] = await findAdrFolders(nodeFs, root);
      const plan = await planNewAdr({
        ...common,
        root,
        assessmentPath: created.assessmentPath,
        assessmentText: created.file.text,
        adrFolder: folder.path,
        format: 'nygard',
        nextNumber: nextAdrNumber(await listAdrs(nodeFs, folder)),
        title: '定制需求:数据反向推送',
        exists,
      });
      await write(plan.file);
      assert.equal(relative(root, plan.file.path), 'doc/adr/0002-定制需求-数据反向推送.md');
      assert.ok(adr(root, 'list').includes('doc/adr/0002-定制需求-数据反向推送.md'));
      const parsed = parseAdr(plan.file.path, (await readText(nodeFs, plan.file.path))!, ['adr-tools']);
      assert.equal(parsed?.number, 2);
      assert.equal(parsed?.title, '定制需求:数据反向推送');
      assert.equal(parsed?.date, TODAY);
      const linked = parseAssessment(plan.assessmentText, 'a.md').frontMatter.adr;
      assert.deepEqual(linked, { path: 'doc/adr/0002-定制需求-数据反向推送.md', number: 2, title: '定制需求:数据反向推送', status: '提议中' });
      // adr-tools' own `adr link` parses the new ADR's Status section.
      adr(root, 'new', '-l', '2:Amends:Amended by', 'Follow-up');
      assert.match(await readText(nodeFs, plan.file.path) as string, /Amended by \[3\. Follow-up\]\(0003-follow-up\.md\)/);
    });
  });
});
