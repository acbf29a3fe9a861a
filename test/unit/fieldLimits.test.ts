/**
 * One set of limits (src/core/fieldLimits.ts) for whoever writes an
 * assessment's front matter and whoever reads it (issue 20, item 6): New
 * Assessment refuses, naming the field, what its own reader would refuse,
 * and writes nothing; at the limit it writes a file the reader takes.
 */
import assert from 'node:assert/strict';
import { parseAssessment } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import { clipText, FIELD_LIMITS } from '../../src/core/fieldLimits';
import { planNewAssessment } from '../../src/core/workflows';
import { common, requestData } from './workflowFixture';

const ROOT = '/ws';
const none = async () => false;

describe('field limits shared by New Assessment and the front matter', () => {
  it('New Assessment refuses a 201-character customer, naming the field, and writes a 200-character one the reader takes', async () => {
    const data = { ...requestData('en'), customer: 'C'.repeat(FIELD_LIMITS.customer + 1) };
    await assert.rejects(
      planNewAssessment({ ...common, root: ROOT, data, exists: none }),
      (error: unknown) =>
        error instanceof DeskError &&
        error.text.en.startsWith('The new assessment was not created: Field "customer" (customer) must be at most 200 characters') &&
        error.text['zh-cn'].startsWith('未创建新评估：字段“customer”（客户）不能超过 200 个字符'),
    );
    const atLimit = await planNewAssessment({ ...common, root: ROOT, data: { ...data, customer: 'C'.repeat(FIELD_LIMITS.customer) }, exists: none });
    assert.equal(parseAssessment(atLimit.file.text, 'assessment.md').frontMatter.customer, 'C'.repeat(200));
  });

  it('New Assessment refuses a 301-character title, a 201-character brought-by and a 61-character tag, each by name', async () => {
    const cases: [Partial<ReturnType<typeof requestData>>, string][] = [
      [{ title: 'T'.repeat(FIELD_LIMITS.title + 1) }, 'Field "title" (request title) must be at most 300 characters'],
      [{ broughtBy: 'B'.repeat(FIELD_LIMITS.broughtBy + 1) }, 'Field "broughtBy" (brought by) must be at most 200 characters'],
      [{ capabilities: ['t'.repeat(FIELD_LIMITS.capabilityTag + 1)] }, 'Field "capabilities[0]" (capability tags) must be at most 60 characters'],
    ];
    for (const [change, expected] of cases) {
      await assert.rejects(
        planNewAssessment({ ...common, root: ROOT, data: { ...requestData('en'), ...change }, exists: none }),
        (error: unknown) => error instanceof DeskError && error.text.en.includes(expected),
        expected,
      );
    }
  });

  it('clipText cuts a copied text to the limit with an ellipsis, never inside a surrogate pair', () => {
    assert.equal(clipText('  short  ', 10), 'short');
    assert.equal(clipText('abcdefghijk', 5), 'abcd…');
    // '😀' is two UTF-16 units: a cut after its first one drops it whole
    assert.equal(clipText('abc😀def', 5), 'abc…');
    assert.equal(clipText('x'.repeat(400), FIELD_LIMITS.adrTitle).length, FIELD_LIMITS.adrTitle);
  });
});
