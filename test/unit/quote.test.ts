import assert from 'node:assert/strict';
import { addDays, formatQuoteNumber, nextQuoteNumber, parseQuoteNumber, quoteFileName, quoteNumberFromFileName } from '../../src/core/quote';

describe('quote numbers', () => {
  it('parses and formats numbers with revisions', () => {
    assert.deepEqual(parseQuoteNumber('Q-2026-003'), { year: 2026, sequence: 3, revision: 1 });
    assert.deepEqual(parseQuoteNumber('Q-2026-003-R2'), { year: 2026, sequence: 3, revision: 2 });
    assert.equal(parseQuoteNumber('Q-26-3'), undefined);
    assert.equal(formatQuoteNumber({ year: 2026, sequence: 3, revision: 1 }), 'Q-2026-003');
    assert.equal(formatQuoteNumber({ year: 2026, sequence: 1234, revision: 3 }), 'Q-2026-1234-R3');
  });

  it('gives a new request the next number of the year across the workspace', () => {
    assert.equal(formatQuoteNumber(nextQuoteNumber([], [], 2026)), 'Q-2026-001');
    assert.equal(formatQuoteNumber(nextQuoteNumber([], ['Q-2026-001', 'Q-2026-004-R2', 'Q-2025-009'], 2026)), 'Q-2026-005');
    assert.equal(formatQuoteNumber(nextQuoteNumber([], ['Q-2025-009'], 2026)), 'Q-2026-001');
  });

  it('makes a second quote of the same request a new revision', () => {
    assert.equal(formatQuoteNumber(nextQuoteNumber(['Q-2026-003'], ['Q-2026-003', 'Q-2026-007'], 2026)), 'Q-2026-003-R2');
    assert.equal(formatQuoteNumber(nextQuoteNumber(['Q-2026-003', 'Q-2026-003-R2'], [], 2027)), 'Q-2026-003-R3');
    // A revision already on disk (say, from a colleague's branch) is skipped, never reused.
    assert.equal(formatQuoteNumber(nextQuoteNumber(['Q-2026-003'], ['Q-2026-003-R2'], 2026)), 'Q-2026-003-R3');
  });

  it('names quote files so that they start with a letter', () => {
    const name = quoteFileName({ year: 2026, sequence: 1, revision: 2 }, 'Acme | Robotics');
    assert.equal(name, 'quote-Q-2026-001-R2-acme-robotics.md');
    assert.match(name, /^[a-z]/);
    assert.deepEqual(quoteNumberFromFileName(name), { year: 2026, sequence: 1, revision: 2 });
    assert.deepEqual(quoteNumberFromFileName('quote-Q-2026-010.md'), { year: 2026, sequence: 10, revision: 1 });
    assert.equal(quoteNumberFromFileName('0001-record.md'), undefined);
    assert.equal(quoteFileName({ year: 2026, sequence: 2, revision: 1 }, '星河机器人'), 'quote-Q-2026-002-星河机器人.md');
  });

  it('adds days across months and years', () => {
    assert.equal(addDays('2026-11-25', 30), '2026-12-25');
    assert.equal(addDays('2026-12-15', 30), '2027-01-14');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  });
});
