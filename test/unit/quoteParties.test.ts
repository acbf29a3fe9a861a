/**
 * The quote's parties and terms beyond the golden files: a quote without the
 * supplier settings, a logo outside the workspace, the tax invoice sentence
 * only when tax applies, capital figures only for renminbi, and the helpers
 * for currency names and ADR status words.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/core/assessment';
import type { Lang } from '../../src/core/lang';
import { adrStatusLabel, currencyName } from '../../src/core/templates';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { WORKED_EXAMPLE } from './workedExample';
import { common, requestData, withEstimate } from './workflowFixture';

async function quoteFor(lang: Lang, supplier: object | undefined, estimate: object = WORKED_EXAMPLE) {
  const created = await planNewAssessment({ ...common, root: '/repo', data: requestData(lang), exists: async () => false });
  const plan = await planQuote({
    ...common,
    settings: supplier ? { ...common.settings, supplier } : common.settings,
    root: '/repo',
    assessmentPath: created.assessmentPath,
    assessmentText: withEstimate(created.file.text, estimate),
    quoteFolder: '/repo/docs/quotes',
    workspaceQuoteNumbers: [],
  });
  const split = splitFrontMatter(plan.file.text)!;
  return { frontMatter: parse(split.yaml) as Record<string, unknown>, body: split.body };
}

const lines = (text: string) => text.split('\n');

describe('quote parties and terms', () => {
  it('is written without any supplier setting: no empty header rows, the parties still defined, a sign-off for both', async () => {
    const zh = await quoteFor('zh-cn', undefined);
    assert.ok(!zh.body.includes('报价单位 |') && !zh.body.includes('联系人 |') && !zh.body.includes('地址 |'), 'no supplier rows');
    assert.ok(lines(zh.body).includes('本报价单中，甲方指星河机器人，乙方指出具本报价单的报价单位。'));
    assert.ok(lines(zh.body).includes('| | 甲方：星河机器人 | 乙方 |'));
    assert.ok(lines(zh.body).includes('| 签字盖章 | | |'));
    assert.equal(zh.frontMatter.supplier, undefined);
    const en = await quoteFor('en', {});
    assert.ok(lines(en.body).includes('In this quote, Acme | Robotics is "the Customer" and the company issuing this quote is "the Supplier".'));
    assert.ok(lines(en.body).includes('| | The Customer: Acme \\| Robotics | The Supplier |'));
  });

  it('keeps a logo outside the workspace folder out of the front matter, and ignores blank fields', async () => {
    const quote = await quoteFor('en', { name: 'Cloudsail', address: '   ', logo: '../../etc/logo.png' });
    assert.deepEqual(quote.frontMatter.supplier, { name: 'Cloudsail' });
    assert.ok(!quote.body.includes('| Address |'));
    assert.ok(lines(quote.body).includes('| | The Customer: Acme \\| Robotics | The Supplier: Cloudsail |'));
  });

  it('asks for a VAT invoice before payment only when the estimate carries tax', async () => {
    const taxed = await quoteFor('zh-cn', undefined);
    assert.ok(taxed.body.includes('以上各期款项均在乙方开具增值税专用发票后支付。'));
    assert.ok(lines(taxed.body).includes('| 税率 | 6%，税额在下文单列 |'));
    const untaxed = await quoteFor('zh-cn', undefined, { ...WORKED_EXAMPLE, taxRatePercent: 0 });
    assert.ok(!untaxed.body.includes('增值税'));
    assert.ok(lines(untaxed.body).includes('| 税率 | 本报价金额不另加税 |'));
    // Without tax the amount payable is the term total: ¥263,000.00 in capital figures.
    assert.ok(lines(untaxed.body).includes('服务期合计（大写）：人民币贰拾陆万叁仟元整'));
    const en = await quoteFor('en', undefined, { ...WORKED_EXAMPLE, taxRatePercent: 0 });
    assert.ok(!en.body.includes('tax invoice'));
  });

  it('writes capital figures for renminbi only', async () => {
    const usd = await quoteFor('zh-cn', undefined, { ...WORKED_EXAMPLE, currency: 'USD' });
    assert.ok(!usd.body.includes('大写') && !usd.body.includes('人民币'), 'no capital figures for dollars');
    assert.ok(lines(usd.body).includes('| 币种 | 美元（USD） |'));
  });

  it('names currencies and ADR statuses in the document language', () => {
    assert.equal(currencyName('CNY', 'zh-cn'), '人民币（CNY）');
    assert.equal(currencyName('USD', 'en'), 'US Dollar (USD)');
    assert.equal(currencyName('QQQ', 'en'), 'QQQ', 'a code without a name stays a code');
    assert.equal(adrStatusLabel('Accepted', 'zh-cn'), '已接受');
    assert.equal(adrStatusLabel('proposed', 'zh-cn'), '提议中');
    assert.equal(adrStatusLabel('Superseded by ADR-0007', 'zh-cn'), 'Superseded by ADR-0007', 'a status we do not know is shown as written');
    assert.equal(adrStatusLabel('Accepted', 'en'), 'Accepted');
  });
});
