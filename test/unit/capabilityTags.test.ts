import assert from 'node:assert/strict';
import { planCapabilitiesChange } from '../../src/core/capabilities';
import { DeskError } from '../../src/core/errors';
import { applyEdits } from '../../src/core/saveEstimate';
import { assessment as fixture } from './assessmentFixture';

const assessment = (tags: string[] = []) => fixture({ tags });

describe('setting capability tags in the front matter', () => {
  it('adds a block list as New Assessment writes it, changing nothing else', () => {
    const before = assessment();
    const plan = planCapabilitiesChange(before, 'a.md', ['data-push', 'SSO']);
    assert.equal(plan.text, assessment(['capabilities:', '  - data-push', '  - SSO']));
    assert.equal(applyEdits(before, plan.edits), plan.text);
    assert.deepEqual(plan.capabilities, ['data-push', 'SSO']);
  });

  it('replaces the tags, keeping a flow list flow and the first spelling of repeats', () => {
    const before = assessment(['capabilities: [webhooks]']);
    const plan = planCapabilitiesChange(before, 'a.md', ['webhooks', ' Data  push ', 'DATA_PUSH', 'ＳＳＯ']);
    assert.equal(plan.text, assessment(['capabilities: [ webhooks, Data push, SSO ]']));
    assert.deepEqual(plan.capabilities, ['webhooks', 'Data push', 'SSO']);
  });

  it('no tags removes the key; the same tags plan no edit', () => {
    const tagged = assessment(['capabilities:', '  - webhooks']);
    assert.equal(planCapabilitiesChange(tagged, 'a.md', []).text, assessment());
    assert.deepEqual(planCapabilitiesChange(tagged, 'a.md', ['webhooks']).edits, []);
    assert.deepEqual(planCapabilitiesChange(assessment(), 'a.md', ['', '  ']).edits, []);
  });

  it('needs only valid YAML: a half-typed estimate elsewhere does not block the tags', () => {
    const before = assessment(['estimate:', '  teamSize:']);
    const plan = planCapabilitiesChange(before, 'a.md', ['sso']);
    assert.equal(plan.text, assessment(['estimate:', '  teamSize:', 'capabilities:', '  - sso']));
  });

  it('keeps CRLF line endings', () => {
    const before = assessment().replace(/\n/g, '\r\n');
    const plan = planCapabilitiesChange(before, 'a.md', ['sso']);
    assert.equal(plan.text, assessment(['capabilities:', '  - sso']).replace(/\n/g, '\r\n'));
  });

  it('refuses a tag over 60 characters, more than 30 tags, and broken front matter, naming the file or field', () => {
    const long = (f: () => unknown, pattern: RegExp) =>
      assert.throws(f, (error: unknown) => error instanceof DeskError && pattern.test(error.text.en) && error.text['zh-cn'].length > 0);
    long(() => planCapabilitiesChange(assessment(), 'a.md', ['x'.repeat(61)]), /capability tags/);
    long(() => planCapabilitiesChange(assessment(), 'a.md', Array.from({ length: 31 }, (_, i) => `tag ${i}`)), /capability tags/);
    long(() => planCapabilitiesChange(assessment().replace('status: draft', 'status: [draft'), 'docs/a.md', ['sso']), /docs\/a\.md:\d+ is not valid YAML/);
  });
});
