import assert from 'node:assert/strict';
import { parseAssessment } from '../../src/core/assessment';
import { FrontMatterCache } from '../../src/core/frontMatterCache';
import { DeskError } from '../../src/core/errors';

const TEXT = `---
kind: custom-request-assessment
schemaVersion: 1
id: a1b2c3
customer: Acme Robotics
title: Push robot data
broughtBy: ''
language: en
created: 2026-11-25
status: draft
adr: null
quotes: []
---

# Body
`;

describe('FrontMatterCache', () => {
  it('parses a text once and again only when it changed, per file', () => {
    let parses = 0;
    const cache = new FrontMatterCache((text, file) => {
      parses++;
      return parseAssessment(text, file).frontMatter;
    });
    const first = cache.frontMatter('file:///w/a.md', 'a.md', TEXT);
    assert.equal(first.customer, 'Acme Robotics');
    assert.equal(cache.frontMatter('file:///w/a.md', 'a.md', TEXT), first);
    assert.equal(parses, 1);
    cache.frontMatter('file:///w/b.md', 'b.md', TEXT);
    assert.equal(parses, 2, 'another file is parsed on its own');
    const changed = cache.frontMatter('file:///w/a.md', 'a.md', TEXT.replace('Acme Robotics', 'Globex'));
    assert.equal(changed.customer, 'Globex');
    assert.equal(parses, 3);
    cache.forget('file:///w/a.md');
    assert.equal(cache.size, 1);
  });

  it('keeps a failure and throws it again, naming the file it was asked for', () => {
    let parses = 0;
    const cache = new FrontMatterCache((text, file) => {
      parses++;
      return parseAssessment(text, file).frontMatter;
    });
    const broken = TEXT.replace('status: draft', 'status: [');
    assert.throws(() => cache.frontMatter('file:///w/a.md', 'docs/a.md', broken), (error) => error instanceof DeskError && error.text.en.includes('docs/a.md'));
    assert.throws(() => cache.frontMatter('file:///w/a.md', 'docs/a.md', broken), (error) => error instanceof DeskError && error.code === 'invalid-front-matter');
    assert.equal(parses, 1);
  });
});
