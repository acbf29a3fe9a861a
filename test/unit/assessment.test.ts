import assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  assessmentFolderName,
  assessmentText,
  estimateHint,
  newFrontMatter,
  parseAssessment,
  replaceGeneratedBlock,
  splitFrontMatter,
  updateAssessmentText,
} from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';

const DATA = {
  id: 'ab12cd',
  customer: 'Acme Robotics',
  title: 'Push robot data to their platform',
  broughtBy: 'Wang (Sales)',
  dealSize: { amount: 1_200_000, currency: 'CNY' },
  language: 'en' as const,
  created: '2026-11-25',
  adr: null,
};

function sample(): string {
  return assessmentText(
    newFrontMatter(DATA),
    '# Body\n\n<!-- custom-request:links -->\n- none\n<!-- /custom-request:links -->\n\n<!-- custom-request:figures: generated -->\nold\n<!-- /custom-request:figures -->\n\nUser notes.\n',
    estimateHint('en', 'CNY', { dayRate: 3000, roundFeesTo: 0, taxRatePercent: 0 }),
  );
}

describe('assessment file', () => {
  it('names the folder by date, customer and title', () => {
    assert.equal(assessmentFolderName(DATA), '2026-11-25-acme-robotics-push-robot-data-to-their-platform');
    assert.equal(assessmentFolderName({ ...DATA, customer: '星河机器人', title: '数据反向推送' }), '2026-11-25-星河机器人-数据反向推送');
    assert.equal(assessmentFolderName({ ...DATA, customer: '???', title: '!!!' }), '2026-11-25-cr-ab12cd');
  });

  it('writes front matter that parses back, with a commented example estimate', () => {
    const text = sample();
    const split = splitFrontMatter(text);
    assert.ok(split);
    const yaml = parse(split.yaml);
    assert.equal(yaml.customer, 'Acme Robotics');
    assert.equal(yaml.estimate, undefined, 'the example stays a comment');
    assert.match(split.yaml, /^# {3}currency: CNY$/m);
    const parsed = parseAssessment(text, 'a.md');
    assert.equal(parsed.frontMatter.status, 'draft');
    assert.deepEqual(parsed.frontMatter.quotes, []);
  });

  it('an uncommented example estimate is a valid estimate', () => {
    const text = sample().replace(/^# {3}/gm, '  ').replace(/^# estimate:/m, 'estimate:');
    const parsed = parseAssessment(text, 'a.md');
    assert.equal(parsed.frontMatter.estimate?.dayRates.engineer, 3000);
  });

  it('refuses files that are not assessments, naming the file', () => {
    assert.throws(() => parseAssessment('# Just a note\n', 'notes.md'), (e: DeskError) => e.code === 'not-an-assessment' && e.text.en.includes('notes.md'));
    assert.throws(() => parseAssessment('---\ntitle: x\n---\n', 'other.md'), (e: DeskError) => e.code === 'not-an-assessment');
  });

  it('reports YAML syntax errors with file and line', () => {
    const text = sample().replace('status: draft', 'status: [draft');
    assert.throws(
      () => parseAssessment(text, 'docs/a.md'),
      (e: DeskError) => e.code === 'invalid-front-matter' && /docs\/a\.md:\d+/.test(e.text.en) && e.text['zh-cn'].includes('不是有效的 YAML'),
    );
  });

  it('reports invalid fields by name', () => {
    const text = sample().replace('status: draft', 'status: maybe');
    assert.throws(() => parseAssessment(text, 'a.md'), (e: DeskError) => e.code === 'invalid-front-matter' && e.text.en.includes('Field "status"'));
  });

  it('updates fields and the links block, keeping comments and the user\'s body', () => {
    const text = sample().replace('User notes.', 'User notes, edited by hand.');
    const updated = updateAssessmentText(text, 'a.md', {
      status: 'quoted',
      addQuote: { number: 'Q-2026-001', revision: 1, path: 'doc/adr/quotes/quote-Q-2026-001-acme.md', date: '2026-11-25' },
      blocks: { links: '- Quote Q-2026-001', figures: 'new figures' },
    });
    const parsed = parseAssessment(updated, 'a.md');
    assert.equal(parsed.frontMatter.status, 'quoted');
    assert.equal(parsed.frontMatter.quotes[0].number, 'Q-2026-001');
    assert.match(updated, /# Estimate: remove the leading/);
    assert.match(updated, /User notes, edited by hand\./);
    assert.ok(updated.includes('<!-- custom-request:links -->\n\n- Quote Q-2026-001\n\n<!-- /custom-request:links -->'));
    assert.ok(updated.includes('<!-- custom-request:figures: generated -->\n\nnew figures\n\n<!-- /custom-request:figures -->'));
    assert.ok(!updated.includes('- none') && !updated.includes('old'));
  });

  it('appends a generated block when the user removed it', () => {
    assert.equal(replaceGeneratedBlock('# Body\n', 'links', '- x'), '# Body\n\n<!-- custom-request:links -->\n\n- x\n\n<!-- /custom-request:links -->\n');
  });
});
