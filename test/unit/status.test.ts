import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits } from '../../src/core/saveEstimate';
import { DeskError } from '../../src/core/errors';
import { assessmentFrontMatterSchema } from '../../src/core/schema';
import { assessment } from './assessmentFixture';
import { latestQuote, planStatusChange, quoteRevision, quoteStanding, quotesLatestFirst, statusChangeProblem } from '../../src/core/status';

const TWO_QUOTES = [
  'quotes:',
  '  - number: Q-2026-003',
  '    revision: 1',
  '    path: docs/custom-requests/acme/quote-Q-2026-003-acme.md',
  '    date: 2026-11-02',
  '  - number: Q-2026-003-R2',
  '    revision: 2',
  '    path: docs/custom-requests/acme/quote-Q-2026-003-R2-acme.md',
  '    date: 2026-11-20',
].join('\n');

const fmOf = (text: string) => assessmentFrontMatterSchema.parse(parse(text.split('---')[1]));
const today = '2026-11-25';

describe('request status', () => {
  it('needs an estimate for "estimated" and a quote for quoted, accepted and declined; the rest always', () => {
    const bare = fmOf(assessment());
    assert.match(statusChangeProblem(bare, 'estimated')!.en, /has no estimate yet/);
    assert.match(statusChangeProblem(bare, 'estimated')!['zh-cn'], /还没有估算/);
    for (const target of ['quoted', 'accepted', 'declined'] as const) assert.match(statusChangeProblem(bare, target)!.en, /has no quote yet/, target);
    for (const target of ['draft', 'productised', 'withdrawn'] as const) assert.equal(statusChangeProblem(bare, target), undefined, target);
    const quoted = fmOf(assessment({ status: 'quoted', quotes: TWO_QUOTES, estimate: true }));
    for (const target of ['estimated', 'quoted', 'accepted', 'declined'] as const) assert.equal(statusChangeProblem(quoted, target), undefined, target);
    assert.match(statusChangeProblem(quoted, 'accepted', 'Q-2026-009')!.en, /has no quote Q-2026-009/);
  });

  it('changes only the status value, keeping comments, key order and the body', () => {
    const text = assessment({ estimate: true });
    const plan = planStatusChange(text, 'acme/assessment.md', 'estimated', { today });
    assert.equal(plan.text, text.replace('status: draft # set from the tree', 'status: estimated # set from the tree'));
    assert.equal(plan.edits.length, 1);
    assert.equal(applyEdits(text, plan.edits), plan.text);
    assert.ok(plan.edits[0].end - plan.edits[0].start <= 'draft'.length, 'one small edit, not a rewrite');
  });

  it('accepting records the latest quote and the date by default, or the named revision', () => {
    const text = assessment({ status: 'quoted', quotes: TWO_QUOTES });
    const latest = planStatusChange(text, 'a.md', 'accepted', { today });
    assert.deepEqual(latest.frontMatter.accepted, { quote: 'Q-2026-003-R2', date: today });
    assert.match(latest.text, /\naccepted:\n {2}quote: Q-2026-003-R2\n {2}date: 2026-11-25\n---\n/);
    const first = planStatusChange(text, 'a.md', 'accepted', { today, acceptedQuote: 'Q-2026-003' });
    assert.equal(first.frontMatter.accepted?.quote, 'Q-2026-003');
    assert.equal(first.frontMatter.status, 'accepted');
  });

  it('going back from accepted drops the acceptance; productised and withdrawn keep it as history', () => {
    const accepted = 'accepted:\n  quote: Q-2026-003\n  date: 2026-11-21';
    const text = assessment({ status: 'accepted', quotes: TWO_QUOTES, accepted });
    assert.equal(planStatusChange(text, 'a.md', 'quoted', { today }).frontMatter.accepted, undefined);
    assert.doesNotMatch(planStatusChange(text, 'a.md', 'declined', { today }).text, /accepted:/);
    for (const target of ['productised', 'withdrawn'] as const) {
      assert.deepEqual(planStatusChange(text, 'a.md', target, { today }).frontMatter.accepted, { quote: 'Q-2026-003', date: '2026-11-21' }, target);
    }
  });

  it('refuses a change the request is not ready for, and broken front matter, writing nothing', () => {
    assert.throws(
      () => planStatusChange(assessment(), 'acme/assessment.md', 'quoted', { today }),
      (e: unknown) => e instanceof DeskError && e.code === 'invalid-input' && /no quote yet/.test(e.text.en),
    );
    const broken = assessment().replace('status: draft', 'status: [unclosed');
    assert.throws(
      () => planStatusChange(broken, 'acme/assessment.md', 'withdrawn', { today }),
      (e: unknown) => e instanceof DeskError && e.code === 'invalid-front-matter' && e.text.en.includes('acme/assessment.md'),
    );
    const wrongStatus = assessment().replace('status: draft', 'status: shipped');
    assert.throws(() => planStatusChange(wrongStatus, 'acme/assessment.md', 'withdrawn', { today }), /status/);
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const text = `\uFEFF${assessment().replace(/\n/g, '\r\n')}`;
    const plan = planStatusChange(text, 'a.md', 'withdrawn', { today });
    assert.ok(plan.text.startsWith('\uFEFF---\r\n'));
    assert.doesNotMatch(plan.text.replace(/\r\n/g, ''), /\n/);
    assert.match(plan.text, /status: withdrawn # set from the tree\r\n/);
  });

  it('a quote is valid through its last day and expired the day after', () => {
    // Issued 2026-11-01, valid 30 days: the 1st plus 30 days is 2026-12-01 (November has 30 days).
    assert.deepEqual(quoteStanding({ date: '2026-11-01' }, 30, '2026-12-01'), { validUntil: '2026-12-01', expired: false });
    assert.deepEqual(quoteStanding({ date: '2026-11-01' }, 30, '2026-12-02'), { validUntil: '2026-12-01', expired: true });
    // Across a leap day: 2028-02-15 + 30 = 2028-03-16.
    assert.equal(quoteStanding({ date: '2028-02-15' }, 30, '2028-03-16').expired, false);
  });

  it('orders quotes latest first and names revisions', () => {
    const fm = fmOf(assessment({ quotes: TWO_QUOTES }));
    assert.equal(latestQuote(fm)?.number, 'Q-2026-003-R2');
    assert.deepEqual(
      quotesLatestFirst(fm).map((q) => q.number),
      ['Q-2026-003-R2', 'Q-2026-003'],
    );
    assert.deepEqual(quoteRevision('Q-2026-003-R2'), { base: 'Q-2026-003', revision: 2 });
    assert.deepEqual(quoteRevision('Q-2026-003'), { base: 'Q-2026-003', revision: 1 });
    assert.equal(latestQuote(fmOf(assessment())), undefined);
  });
});
