/**
 * Pins what no other test did (found by hand mutation): which of two quotes
 * issued on one day is the latest, in every place that asks (latestQuote,
 * quotesLatestFirst, accepting, the register); a quote's last valid day and
 * the day after, with the assessment's own `quoteTerms.validDays`, across
 * month ends and leap days; the register's quoted-NRE note; YAML's boolean
 * and null spellings, read alike by the fast reader and the full parser and
 * refused by field name where text or a number is expected; and the quote
 * file's whole messages and language guess.
 */
import assert from 'node:assert/strict';
import { parseAssessment, splitFrontMatter } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import { readAssessmentFrontMatter, readAssessmentOutline, readPlainYaml } from '../../src/core/fastFrontMatter';
import { nextQuoteNumber, formatQuoteNumber } from '../../src/core/quote';
import { looksLikeQuote, parseQuoteFile, quoteLanguage, type QuoteFile } from '../../src/core/quoteFile';
import { registerView, type RegisterRow } from '../../src/core/register';
import { assessmentFrontMatterSchema, type QuoteRecord } from '../../src/core/schema';
import { latestQuote, planStatusChange, quoteStanding, quotesLatestFirst } from '../../src/core/status';
import { parseFrontMatterYaml } from '../../src/core/yamlLimits';
import { assessment } from './assessmentFixture';

const DIR = 'docs/custom-requests/acme';
const record = (revision: number, date: string, extra: Partial<QuoteRecord> = {}): QuoteRecord => {
  const number = revision > 1 ? `Q-2026-003-R${revision}` : 'Q-2026-003';
  return { number, revision, path: `${DIR}/quote-${number}-acme.md`, date, ...extra };
};
const numbers = (quotes: QuoteRecord[]) => quotes.map((q) => q.number);

/** The register's row for one assessment with these front-matter fields (links: every file exists). */
function registerRow(fm: Record<string, unknown>, today: string, quoteValidityDays = 30): RegisterRow {
  const frontMatter = assessmentFrontMatterSchema.parse({ kind: 'custom-request-assessment', schemaVersion: 1, id: 'k3x9qa', customer: 'Acme', title: 'Reverse push', language: 'en', created: '2026-01-05', ...fm });
  const entries = [{ path: `${DIR}/assessment.md`, frontMatter }];
  const view = registerView({ entries, registerPath: 'docs/custom-requests/README.md', lang: 'en', today, quoteValidityDays, exists: () => true, estimateDefaults: { roundFeesTo: 0, taxRatePercent: 0 } });
  assert.equal(view.rows.length, 1);
  return view.rows[0];
}

const FILE = 'docs/a/assessment.md';
/** An assessment in the fast reader's subset (no trailing comments), with these front-matter lines added. */
const plain = (lines: string[]) =>
  ['---', 'kind: custom-request-assessment', 'schemaVersion: 1', 'id: k3x9qa', 'title: Reverse push', 'language: en', 'created: 2026-11-01', ...lines, '---', '', '# Body', ''].join('\n');
/** The refusal of `text`, checked to be the same from the fast path and the full parser. */
const refusal = (text: string) => {
  const messages = [readAssessmentFrontMatter, (t: string, f: string) => parseAssessment(t, f).frontMatter].map((read) => {
    try {
      read(text, FILE);
    } catch (error) {
      assert.ok(error instanceof DeskError && error.code === 'invalid-front-matter', String(error));
      return { en: error.messageIn('en'), 'zh-cn': error.messageIn('zh-cn') };
    }
    return assert.fail('not refused');
  });
  assert.deepEqual(messages[0], messages[1], 'the fast path and the full parser give one message');
  return messages[0];
};

/** A quote file with these fields replaced (values as YAML), and the message refusing it for `field`. */
const QUOTE_FIELDS = { kind: 'custom-request-quote', number: 'Q-2026-003', customer: 'Acme', title: 'T', issueDate: '2026-11-25', validUntil: '2026-12-25', currency: 'CNY', nreFeeMinor: '100', yearlyFeeMinor: '0', supportYears: '0', termTotalMinor: '100' };
const quoteText = (fields: Record<string, string>) => `---\n${Object.entries({ ...QUOTE_FIELDS, ...fields }).map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n# Quote\n`;
const notAQuote = (field: string) => ({
  en: `q.md is not a quote written by Custom Request Desk: field "${field}" is missing or invalid.`,
  'zh-cn': `q.md 不是 Custom Request Desk 生成的报价单：字段 "${field}" 缺失或无效。`,
});

describe('pinned: the latest of two quotes issued on the same day', () => {
  const r1 = record(1, '2026-11-20');
  const r2 = record(2, '2026-11-20');

  it('is the higher revision, whichever order the records are in', () => {
    assert.equal(latestQuote({ quotes: [r1, r2] }), r2);
    assert.equal(latestQuote({ quotes: [r2, r1] }), r2);
  });

  it('lists the higher revision first on that day, whichever order the records are in', () => {
    assert.deepEqual(numbers(quotesLatestFirst({ quotes: [r1, r2] })), ['Q-2026-003-R2', 'Q-2026-003']);
    assert.deepEqual(numbers(quotesLatestFirst({ quotes: [r2, r1] })), ['Q-2026-003-R2', 'Q-2026-003']);
  });

  it('between two records of one revision on one day, takes the one recorded later, first in the list too', () => {
    const a = record(2, '2026-11-20', { path: `${DIR}/a.md` });
    const b = record(2, '2026-11-20', { path: `${DIR}/b.md` });
    assert.equal(latestQuote({ quotes: [a, b] }), b);
    assert.deepEqual(quotesLatestFirst({ quotes: [a, b] }), [b, a]);
  });

  it('on different days is the newer date, even over a higher revision', () => {
    const older = record(3, '2026-11-10');
    const newer = record(2, '2026-11-21');
    assert.equal(latestQuote({ quotes: [older, newer] }), newer);
    assert.equal(latestQuote({ quotes: [newer, older] }), newer);
    assert.deepEqual(numbers(quotesLatestFirst({ quotes: [older, r1, newer] })), ['Q-2026-003-R2', 'Q-2026-003', 'Q-2026-003-R3']);
  });

  it('is what accepting records by default and what the register shows', () => {
    const lines = (quotes: QuoteRecord[]) =>
      ['quotes:', ...quotes.flatMap((q) => [`  - number: ${q.number}`, `    revision: ${q.revision}`, `    path: ${q.path}`, `    date: ${q.date}`])].join('\n');
    for (const quotes of [[r2, r1], [r1, r2]]) {
      const plan = planStatusChange(assessment({ status: 'quoted', quotes: lines(quotes) }), 'a.md', 'accepted', { today: '2026-11-25' });
      assert.deepEqual(plan.frontMatter.accepted, { quote: 'Q-2026-003-R2', date: '2026-11-25' });
      // 2026-11-20 + 30 days: November has 30 days, so 2026-12-20.
      const quote = { number: 'Q-2026-003-R2', path: `${DIR}/quote-Q-2026-003-R2-acme.md`, href: 'acme/quote-Q-2026-003-R2-acme.md', validUntil: '2026-12-20', expired: false };
      assert.deepEqual(registerRow({ status: 'quoted', quotes }, '2026-11-25').quote, quote);
    }
  });

  it('gives the next number from the highest revision among the request’s own, in any order', () => {
    // Hand-edited: a request holding two bases; the higher revision's base goes on.
    assert.equal(formatQuoteNumber(nextQuoteNumber(['Q-2027-001', 'Q-2026-003-R2'], [], 2027)), 'Q-2026-003-R3');
    assert.equal(formatQuoteNumber(nextQuoteNumber(['Q-2026-003-R2', 'Q-2027-001'], [], 2027)), 'Q-2026-003-R3');
    // Two bases at the same revision: the first listed goes on.
    assert.equal(formatQuoteNumber(nextQuoteNumber(['Q-2026-005', 'Q-2026-003'], [], 2026)), 'Q-2026-005-R2');
  });
});

describe('pinned: a quote’s last valid day', () => {
  it('counts validDays calendar days from the issue date, through February and a leap day', () => {
    // 2026-02-20 + 10: February 2026 has 28 days, so 20 + 10 = "Feb 30" = 2026-03-02.
    assert.deepEqual(quoteStanding({ date: '2026-02-20' }, 10, '2026-03-02'), { validUntil: '2026-03-02', expired: false });
    assert.deepEqual(quoteStanding({ date: '2026-02-20' }, 10, '2026-03-03'), { validUntil: '2026-03-02', expired: true });
    // 2028 is a leap year: 2028-02-20 + 10 = "Feb 30" = 2028-03-01, and 2028-02-19 + 10 = 2028-02-29.
    assert.deepEqual(quoteStanding({ date: '2028-02-20' }, 10, '2028-03-01'), { validUntil: '2028-03-01', expired: false });
    assert.deepEqual(quoteStanding({ date: '2028-02-19' }, 10, '2028-02-29'), { validUntil: '2028-02-29', expired: false });
    assert.deepEqual(quoteStanding({ date: '2028-02-19' }, 10, '2028-03-01'), { validUntil: '2028-02-29', expired: true });
    // 2026-01-31 + 30: Feb 28 is +28, so +30 is 2026-03-02; a year's end: 2026-12-31 + 1 = 2027-01-01.
    assert.deepEqual(quoteStanding({ date: '2026-01-31' }, 30, '2026-03-02'), { validUntil: '2026-03-02', expired: false });
    assert.deepEqual(quoteStanding({ date: '2026-12-31' }, 1, '2027-01-02'), { validUntil: '2027-01-01', expired: true });
    // 365 days: 2028 has 366, so from its first day they end on 2028-12-31; 2027 has 365: 2027-01-01 + 365 = 2028-01-01.
    assert.equal(quoteStanding({ date: '2028-01-01' }, 365, '2028-12-31').validUntil, '2028-12-31');
    assert.equal(quoteStanding({ date: '2027-01-01' }, 365, '2027-12-31').validUntil, '2028-01-01');
  });

  it('is not expired before it was issued', () => {
    assert.deepEqual(quoteStanding({ date: '2026-02-20' }, 10, '2026-02-01'), { validUntil: '2026-03-02', expired: false });
  });

  it('in the register, comes from the assessment’s quoteTerms.validDays over the setting, expired only while quoted', () => {
    const quotes = [record(1, '2026-02-20')];
    const standing = (fm: Record<string, unknown>, today: string) => {
      const quote = registerRow({ quotes, ...fm }, today, 45).quote!;
      return { validUntil: quote.validUntil, expired: quote.expired };
    };
    const terms = { quoteTerms: { validDays: 10 } };
    assert.deepEqual(standing({ status: 'quoted', ...terms }, '2026-03-02'), { validUntil: '2026-03-02', expired: false });
    assert.deepEqual(standing({ status: 'quoted', ...terms }, '2026-03-03'), { validUntil: '2026-03-02', expired: true });
    // Answered by the customer: past its date, but no longer "expired".
    for (const status of ['accepted', 'declined', 'draft']) assert.deepEqual(standing({ status, ...terms }, '2026-03-03'), { validUntil: '2026-03-02', expired: false }, status);
    // Terms without validDays, or none: the setting's 45 days. 2026-02-20 + 45: 8 days to Feb 28, 31 through March, 6 into April.
    assert.deepEqual(standing({ status: 'quoted', quoteTerms: { scope: 'x' } }, '2026-04-06'), { validUntil: '2026-04-06', expired: false });
    assert.deepEqual(standing({ status: 'quoted' }, '2026-04-07'), { validUntil: '2026-04-06', expired: true });
  });

  it('takes quoteTerms.validDays from 1 to 365 whole days, and names the field otherwise', () => {
    const days = (value: string) => plain(['customer: Acme', 'quoteTerms:', `  validDays: ${value}`]);
    assert.equal(readAssessmentFrontMatter(days('1'), FILE).quoteTerms?.validDays, 1);
    assert.equal(readAssessmentFrontMatter(days('365'), FILE).quoteTerms?.validDays, 365);
    const where = { en: 'The front matter of docs/a/assessment.md has a problem: Field "quoteTerms.validDays" (validity in days) ', 'zh-cn': 'docs/a/assessment.md 的 front matter 有问题：字段“quoteTerms.validDays”（有效天数）' };
    assert.deepEqual(refusal(days('0')), { en: `${where.en}must be at least 1`, 'zh-cn': `${where['zh-cn']}应不小于 1` });
    assert.deepEqual(refusal(days('366')), { en: `${where.en}must be at most 365`, 'zh-cn': `${where['zh-cn']}不能大于 365` });
    assert.deepEqual(refusal(days('10.5')), { en: `${where.en}must be a whole number, found 10.5`, 'zh-cn': `${where['zh-cn']}应为整数，实为 10.5` });
  });

  it('counts only from a real issue date: a quote recorded on 2026-02-30 is refused by field', () => {
    const text = plain(['customer: Acme', 'quotes:', '  - number: Q-2026-003', '    revision: 1', `    path: ${DIR}/q.md`, '    date: 2026-02-30']);
    assert.deepEqual(refusal(text), {
      en: 'The front matter of docs/a/assessment.md has a problem: Field "quotes[0].date" (quotes) must be a real date from 1900 to 2999, written YYYY-MM-DD',
      'zh-cn': 'docs/a/assessment.md 的 front matter 有问题：字段“quotes[0].date”（报价单）应为 1900 至 2999 年间的真实日期，格式为 YYYY-MM-DD',
    });
  });
});

describe('pinned: the register says when the latest quote recorded another NRE', () => {
  // O = M = P = 10 days × USD 1,000, no contingency or margin: NRE USD 10,000.00 = 1,000,000 cents.
  const workItems = [{ name: 'Export job', role: 'engineer', optimistic: 10, mostLikely: 10, pessimistic: 10 }];
  const estimate = { currency: 'USD', workItems, dayRates: { engineer: 1000 }, contingencyPercent: 0, marginPercent: 0 };
  const quoted = (extra: Partial<QuoteRecord>, withEstimate = true) =>
    registerRow({ status: 'quoted', quotes: [record(1, '2026-02-20', extra)], ...(withEstimate ? { estimate } : {}) }, '2026-02-21').quote!.quotedNre;

  it('is silent when the quote matches the estimate, or recorded no NRE', () => {
    assert.equal(quoted({ nreMinor: 1_000_000, currency: 'USD' }), undefined);
    assert.equal(quoted({ nreMinor: 1_000_000 }), undefined);
    assert.equal(quoted({}), undefined);
    assert.equal(quoted({ nreMinor: 500_000 }, false), undefined);
  });

  it('names the quoted amount when it, or its currency, differs, or when the estimate is gone', () => {
    assert.deepEqual(quoted({ nreMinor: 900_000 }), { minor: 900_000, currency: 'USD' });
    assert.deepEqual(quoted({ nreMinor: 1_000_000, currency: 'EUR' }), { minor: 1_000_000, currency: 'EUR' });
    assert.deepEqual(quoted({ nreMinor: 500_000, currency: 'USD' }, false), { minor: 500_000, currency: 'USD' });
  });
});

describe('pinned: YAML booleans and nulls in front matter', () => {
  const BOOLEANS: [string, boolean | null][] = [['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false], ['null', null], ['Null', null], ['NULL', null], ['~', null]];
  // YAML 1.1's booleans (and odd capitals) are text in YAML 1.2, which both readers follow.
  const WORDS = ['tRUE', 'fALSE', 'nULL', 'yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'ON', 'off', 'Off', 'y', 'Y', 'n', 'N'];

  it('reads every core-schema spelling as a boolean or null, in the fast reader and the full parser alike', () => {
    for (const [word, value] of BOOLEANS) {
      assert.deepStrictEqual(readPlainYaml(`a: ${word}`), { a: value }, word);
      assert.deepStrictEqual(readPlainYaml(`a:\n  - ${word}`), { a: [value] }, word);
      assert.deepStrictEqual(parseFrontMatterYaml(`a: ${word}`).document?.toJS(), { a: value }, word);
    }
  });

  it('reads yes, on, y and odd capitals as text in both', () => {
    for (const word of WORDS) {
      assert.deepStrictEqual(readPlainYaml(`a: ${word}`), { a: word }, word);
      assert.deepStrictEqual(parseFrontMatterYaml(`a: ${word}`).document?.toJS(), { a: word }, word);
    }
  });

  it('takes yes, On and odd capitals as text where text is expected, in both readers', () => {
    const text = plain(['customer: yes', 'broughtBy: On', 'capabilities:', '  - tRUE', '  - Off']);
    assert.notEqual(readPlainYaml(splitFrontMatter(text)!.yaml), undefined, 'inside the fast subset');
    const fm = readAssessmentFrontMatter(text, FILE);
    assert.deepEqual([fm.customer, fm.broughtBy, fm.capabilities], ['yes', 'On', ['tRUE', 'Off']]);
    assert.deepEqual(fm, parseAssessment(text, FILE).frontMatter);
  });

  it('refuses True where text is expected, naming the field, in both languages', () => {
    assert.deepEqual(refusal(plain(['customer: True'])), {
      en: 'The front matter of docs/a/assessment.md has a problem: Field "customer" (customer) must be text, found true',
      'zh-cn': 'docs/a/assessment.md 的 front matter 有问题：字段“customer”（客户）应为文本，实为 true',
    });
    assert.deepEqual(refusal(plain(['customer: Acme', 'capabilities:', '  - FALSE'])), {
      en: 'The front matter of docs/a/assessment.md has a problem: Field "capabilities[0]" (capability tags) must be text, found false',
      'zh-cn': 'docs/a/assessment.md 的 front matter 有问题：字段“capabilities[0]”（能力标签）应为文本，实为 false',
    });
  });

  it('refuses TRUE where a number of days is expected, naming the field', () => {
    assert.deepEqual(refusal(plain(['customer: Acme', 'quoteTerms:', '  validDays: TRUE'])), {
      en: 'The front matter of docs/a/assessment.md has a problem: Field "quoteTerms.validDays" (validity in days) must be a number, found true',
      'zh-cn': 'docs/a/assessment.md 的 front matter 有问题：字段“quoteTerms.validDays”（有效天数）应为数字，实为 true',
    });
  });

  it('gives the tree’s outline (estimate unchecked) the same reading, and none for True as the customer or an empty front matter', () => {
    const withEstimate = (customer: string, estimate: string[]) => plain([`customer: ${customer}`, 'estimate:', ...estimate]);
    const good = withEstimate('yes', ['  currency: USD', '  workItems: []', '  dayRates:', '    engineer: 800']);
    const { estimate: _estimate, ...expected } = parseAssessment(good, FILE).frontMatter;
    assert.deepEqual(readAssessmentOutline(good), expected);
    assert.deepEqual(readAssessmentOutline(withEstimate('yes', ['  currency: TRUE'])), expected, 'the estimate is checked later');
    assert.equal(readAssessmentOutline(withEstimate('True', ['  currency: USD'])), undefined);
    assert.equal(readAssessmentOutline(plain(['customer: yes'])), undefined, 'no estimate: the full reading is the way');
    assert.equal(readAssessmentOutline('---\n---\n# x\n'), undefined);
    assert.throws(() => readAssessmentFrontMatter('---\n---\n# x\n', FILE), {
      code: 'not-an-assessment',
      message: 'docs/a/assessment.md is not a custom request assessment (its front matter has no "kind: custom-request-assessment"). Open an assessment, or create one with "Custom Request: New Assessment".',
    });
  });

  it('in a quote file, refuses True as the customer and takes yes as text', () => {
    assert.equal(parseQuoteFile(quoteText({ customer: 'yes' }), 'q.md').quote.customer, 'yes');
    assert.throws(() => parseQuoteFile(quoteText({ customer: 'True' }), 'q.md'), { name: 'DeskError', code: 'invalid-front-matter', text: notAQuote('customer') });
  });
});

describe('pinned: reading a quote file', () => {
  it('takes each field up to its limit and names the first one past it', () => {
    const long = (n: number) => 'x'.repeat(n);
    const maxSafe = '9007199254740991'; // 2^53 - 1
    const fine = { number: long(60), customer: long(200), title: long(300), nreFeeMinor: maxSafe, yearlyFeeMinor: maxSafe, termTotalMinor: maxSafe, supportYears: '50', taxRatePercent: '100', termTotalInclTaxMinor: '0', language: 'zh-cn', supplier: `{ name: ${long(200)}, logo: ${long(1000)} }` };
    assert.deepEqual(parseQuoteFile(quoteText(fine), 'q.md').quote.supplier, { name: long(200), logo: long(1000) });
    const refused: [string, Record<string, string>][] = [
      ['kind', { kind: 'custom-request-quotes' }],
      ['number', { number: long(61) }],
      ['number', { number: '""' }],
      ['customer', { customer: long(201) }],
      ['title', { title: long(301) }],
      ['issueDate', { issueDate: '2026-1-25' }],
      ['issueDate', { issueDate: 'on 2026-11-25' }],
      ['validUntil', { validUntil: '2026-12-25 noon' }],
      ['validUntil', { validUntil: '25.12.2026' }],
      ['currency', { currency: 'cny' }],
      ['currency', { currency: 'CNYX' }],
      ['nreFeeMinor', { nreFeeMinor: '-1' }],
      ['nreFeeMinor', { nreFeeMinor: '100.5' }],
      ['yearlyFeeMinor', { yearlyFeeMinor: '9007199254740992' }],
      ['supportYears', { supportYears: '51' }],
      ['supportYears', { supportYears: '-1' }],
      ['supportYears', { supportYears: '2.5' }],
      ['termTotalMinor', { termTotalMinor: '-100' }],
      ['taxRatePercent', { taxRatePercent: '100.01' }],
      ['taxRatePercent', { taxRatePercent: '-1' }],
      ['termTotalInclTaxMinor', { termTotalInclTaxMinor: '0.5' }],
      ['assessment', { assessment: '5' }],
      ['language', { language: 'fr' }],
      ['supplier.name', { supplier: `{ name: ${long(201)} }` }],
      ['supplier.logo', { supplier: `{ logo: ${long(1001)} }` }],
    ];
    for (const [field, fields] of refused) assert.throws(() => parseQuoteFile(quoteText(fields), 'q.md'), { code: 'invalid-front-matter', text: notAQuote(field) }, JSON.stringify(fields));
  });

  it('names the field "kind" when the front matter is no mapping at all', () => {
    assert.throws(() => parseQuoteFile('---\njust words\n---\n', 'q.md'), { text: notAQuote('kind') });
  });

  it('names the file line of a key written twice (the YAML line + 1 for the opening ---)', () => {
    assert.throws(() => parseQuoteFile('---\nkind: custom-request-quote\nkind: x\n---\n', 'q.md'), {
      code: 'invalid-front-matter',
      text: {
        en: 'q.md:3 is not a quote written by Custom Request Desk: its front matter has the key "kind" twice in one mapping; YAML keys must be unique, so remove or rename one.',
        'zh-cn': 'q.md:3 不是 Custom Request Desk 生成的报价单：前置元数据在同一个映射中有两个键 "kind"；YAML 的键不能重复，请删除或改名其中一个。',
      },
    });
  });

  it('tells a quote from other Markdown by its front matter', () => {
    assert.equal(looksLikeQuote('---\nkind: custom-request-quote\n---\n# Quote\n'), true);
    assert.equal(looksLikeQuote('---\nkind: custom-request-assessment\n---\n'), false);
    assert.equal(looksLikeQuote('# custom-request-quote\n'), false);
  });

  it('guesses Chinese from a body whose letters are at least a third Han characters', () => {
    const quote = {} as QuoteFile;
    assert.equal(quoteLanguage(quote, '报ab'), 'zh-cn'); // 1 Han of 3 letters: 3 × 1 ≥ 3
    assert.equal(quoteLanguage(quote, '报abc'), 'en'); // 1 of 4
    assert.equal(quoteLanguage(quote, '2026 — 100 %'), 'en'); // no letters at all
    assert.equal(quoteLanguage(quote, '', 'zh-cn'), 'zh-cn');
  });
});
