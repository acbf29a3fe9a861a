/**
 * What Set Status says when a status cannot be set, whole and in both
 * languages, and the small readers beside it: the request's name, the status
 * check on untrusted values, and a quote number's revision.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { assessmentFrontMatterSchema } from '../../src/core/schema';
import { isRequestStatus, quoteRevision, requestName, statusChangeProblem } from '../../src/core/status';
import { assessment } from './assessmentFixture';

const fmOf = (text: string) => assessmentFrontMatterSchema.parse(parse(text.split('---')[1]));
const ONE_QUOTE = ['quotes:', '  - number: Q-2026-003', '    revision: 1', '    path: q/quote-Q-2026-003-acme.md', '    date: 2026-11-02'].join('\n');

describe('status messages', () => {
  it('names a request as customer and title, with a full-width colon in Chinese', () => {
    assert.equal(requestName({ customer: 'Acme', title: 'Reverse push' }, 'en'), 'Acme: Reverse push');
    assert.equal(requestName({ customer: '星河机器人', title: '数据反向推送' }, 'zh-cn'), '星河机器人：数据反向推送');
  });

  it('says which step is missing, naming the status asked for', () => {
    const bare = fmOf(assessment());
    assert.deepEqual(statusChangeProblem(bare, 'estimated'), {
      en: 'Acme: Reverse push has no estimate yet: fill in the estimate form first.',
      'zh-cn': '“Acme：Reverse push”还没有估算，请先在估算表单中填写。',
    });
    assert.deepEqual(statusChangeProblem(bare, 'quoted'), {
      en: 'Acme: Reverse push has no quote yet: generate one first, then mark it quoted.',
      'zh-cn': '“Acme：Reverse push”还没有报价单，请先生成报价单，再标记为“已报价”。',
    });
    assert.deepEqual(statusChangeProblem(bare, 'accepted'), {
      en: 'Acme: Reverse push has no quote yet: generate one first, then mark it accepted.',
      'zh-cn': '“Acme：Reverse push”还没有报价单，请先生成报价单，再标记为“已接受”。',
    });
    assert.deepEqual(statusChangeProblem(bare, 'declined'), {
      en: 'Acme: Reverse push has no quote yet: generate one first, then mark it declined.',
      'zh-cn': '“Acme：Reverse push”还没有报价单，请先生成报价单，再标记为“已拒绝”。',
    });
  });

  it('refuses to accept a quote the request does not have, and accepts one it has', () => {
    const quoted = fmOf(assessment({ status: 'quoted', quotes: ONE_QUOTE, estimate: true }));
    assert.deepEqual(statusChangeProblem(quoted, 'accepted', 'Q-2026-009'), {
      en: 'Acme: Reverse push has no quote Q-2026-009.',
      'zh-cn': '“Acme：Reverse push”没有编号为 Q-2026-009 的报价单。',
    });
    assert.equal(statusChangeProblem(quoted, 'accepted', 'Q-2026-003'), undefined);
    // Only accepting names a quote: another status with a number is not refused for it.
    assert.equal(statusChangeProblem(quoted, 'declined', 'Q-2026-009'), undefined);
  });

  it('knows the seven statuses and nothing else, from any value', () => {
    for (const status of ['draft', 'estimated', 'quoted', 'accepted', 'declined', 'productised', 'withdrawn']) assert.equal(isRequestStatus(status), true, status);
    for (const value of ['Draft', 'done', '', ' quoted', undefined, null, 3, ['draft'], { status: 'draft' }]) assert.equal(isRequestStatus(value), false, String(value));
  });

  it('reads a revision of two digits, and a number with spaces around it', () => {
    assert.deepEqual(quoteRevision('Q-2026-003-R12'), { base: 'Q-2026-003', revision: 12 });
    assert.deepEqual(quoteRevision(' Q-2026-003-R2 '), { base: 'Q-2026-003', revision: 2 });
    assert.deepEqual(quoteRevision('Q-2026-003'), { base: 'Q-2026-003', revision: 1 });
    assert.deepEqual(quoteRevision('not a quote number'), { base: 'not a quote number', revision: 1 });
  });
});
