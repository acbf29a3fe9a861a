import assert from 'node:assert/strict';
import { isSafeSegment, joinSlugs, MAX_SLUG_LENGTH, shortId, slugify } from '../../src/core/slug';
import { basename, dirname, isInside, joinPath, markdownLinkTarget, relativePath } from '../../src/core/paths';

describe('slugs', () => {
  it('makes readable ASCII slugs', () => {
    assert.equal(slugify('Push robot data to THEIR platform!'), 'push-robot-data-to-their-platform');
    assert.equal(slugify('  Acme  Robotics, Inc.  '), 'acme-robotics-inc');
  });

  it('keeps Chinese readable', () => {
    assert.equal(slugify('数据反向推送到客户平台'), '数据反向推送到客户平台');
    assert.equal(slugify('星河机器人(华东)有限公司'), '星河机器人-华东-有限公司');
  });

  it('never produces an empty, dotted or unsafe name', () => {
    for (const bad of ['', '...', '..', '/', '\\', '../../etc/passwd', '\u0000\u0007', '???', ' . ']) {
      const slug = slugify(bad, 'cr-1a2b3c');
      assert.ok(slug.length > 0, `empty for ${JSON.stringify(bad)}`);
      assert.ok(!slug.includes('/') && !slug.includes('\\') && !slug.includes('.'), slug);
      assert.ok(isSafeSegment(slug), slug);
    }
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugify('', 'cr-1a2b3c'), 'cr-1a2b3c');
    assert.equal(slugify('!!!', '!!!'), 'request');
  });

  it('avoids Windows-reserved names', () => {
    assert.equal(slugify('CON'), 'con-x');
    assert.equal(slugify('nul'), 'nul-x');
    assert.equal(slugify('LPT1'), 'lpt1-x');
    assert.equal(slugify('console'), 'console');
  });

  it('is at most 80 characters and cuts at a dash when it can', () => {
    const long = slugify('word '.repeat(50));
    assert.ok(Array.from(long).length <= MAX_SLUG_LENGTH);
    assert.ok(!long.endsWith('-'));
    const chinese = slugify('很'.repeat(200));
    assert.equal(Array.from(chinese).length, MAX_SLUG_LENGTH);
  });

  it('joins parts within the limit', () => {
    assert.equal(joinSlugs(['2026-11-25', 'acme', 'push-data']), '2026-11-25-acme-push-data');
    assert.ok(Array.from(joinSlugs(['2026-11-25', 'a'.repeat(60), 'b'.repeat(60)])).length <= MAX_SLUG_LENGTH);
  });

  it('makes short ids', () => {
    assert.match(shortId(), /^[0-9a-z]{6}$/);
    assert.equal(shortId(() => 0), '000000');
  });

  it('checks user-given segments', () => {
    assert.ok(isSafeSegment('quote-Q-2026-001.md'));
    for (const bad of ['..', 'a/b', 'a\\b', 'CON', 'con.md', 'trailing.', 'tab\there', '']) assert.ok(!isSafeSegment(bad), bad);
  });
});

describe('paths', () => {
  it('joins and normalises POSIX paths', () => {
    assert.equal(joinPath('/ws', 'docs', '../doc/adr', './x.md'), '/ws/doc/adr/x.md');
    assert.equal(joinPath('/ws', '../../..'), '/');
    assert.equal(dirname('/ws/doc/adr/x.md'), '/ws/doc/adr');
    assert.equal(basename('/ws/doc/adr/x.md'), 'x.md');
  });

  it('tells whether a path is inside a folder', () => {
    assert.ok(isInside('/ws', '/ws/docs/a.md'));
    assert.ok(isInside('/ws', '/ws'));
    assert.ok(!isInside('/ws', '/ws2/a.md'));
    assert.ok(!isInside('/ws', '/ws/../etc/passwd'));
    assert.ok(isInside('/', '/anything'));
  });

  it('makes relative Markdown links', () => {
    assert.equal(relativePath('/ws/docs/custom-requests/x', '/ws/doc/adr/0002-a.md'), '../../../doc/adr/0002-a.md');
    assert.equal(relativePath('/ws/doc/adr', '/ws/doc/adr/q.md'), 'q.md');
    assert.equal(markdownLinkTarget('../数据 推送/a b(1).md'), '../数据%20推送/a%20b%281%29.md');
  });
});
