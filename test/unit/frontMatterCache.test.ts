import assert from 'node:assert/strict';
import { parseAssessment } from '../../src/core/assessment';
import { FrontMatterCache } from '../../src/core/frontMatterCache';
import { frontMatterHead } from '../../src/core/frontMatterFence';
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

describe('FrontMatterCache: only the front matter counts', () => {
  /** TEXT through its closing `---` line and that line's break, cut by hand. */
  const HEAD = TEXT.slice(0, TEXT.indexOf('\n---\n') + 5);

  function counting() {
    const seen: string[] = [];
    const cache = new FrontMatterCache((text, file) => {
      seen.push(text);
      return parseAssessment(text, file).frontMatter;
    });
    return { cache, seen };
  }

  it('cuts the head where the front matter closes', () => {
    assert.ok(HEAD.startsWith('---\nkind: custom-request-assessment\n'));
    assert.ok(HEAD.endsWith('quotes: []\n---\n'));
    assert.equal(TEXT, `${HEAD}\n# Body\n`);
  });

  it('does not parse again when only the body changed', () => {
    const { cache, seen } = counting();
    const first = cache.frontMatter('file:///w/a.md', 'a.md', TEXT);
    const edited = cache.frontMatter('file:///w/a.md', 'a.md', `${HEAD}\n# Body\n\nA new paragraph about 推送.\n\n---\n\nstatus: accepted\n`);
    assert.equal(edited, first);
    assert.equal(cache.frontMatter('file:///w/a.md', 'a.md', HEAD), first, 'no body at all');
    assert.equal(seen.length, 1);
    assert.equal(cache.size, 1);
  });

  it('shares one entry between the head and the whole text, whichever comes first', () => {
    const a = counting();
    const fromHead = a.cache.frontMatter('file:///w/a.md', 'a.md', HEAD);
    assert.equal(a.cache.frontMatter('file:///w/a.md', 'a.md', TEXT), fromHead);
    assert.equal(a.seen.length, 1);

    const b = counting();
    const fromText = b.cache.frontMatter('file:///w/a.md', 'a.md', TEXT);
    const head = frontMatterHead(TEXT);
    assert.equal(head, HEAD);
    assert.equal(b.cache.frontMatter('file:///w/a.md', 'a.md', head ?? ''), fromText);
    assert.equal(b.seen.length, 1);
    assert.equal(b.seen[0], HEAD, 'the parser is given the front matter only');
  });

  it('parses again when the front matter changed, even only in a comment', () => {
    const { cache, seen } = counting();
    cache.frontMatter('file:///w/a.md', 'a.md', TEXT);
    const renamed = cache.frontMatter('file:///w/a.md', 'a.md', TEXT.replace('title: Push robot data', 'title: Pull robot data'));
    assert.equal(renamed.title, 'Pull robot data');
    assert.equal(seen.length, 2);
    cache.frontMatter('file:///w/a.md', 'a.md', TEXT.replace('quotes: []\n', 'quotes: []\n# a note\n'));
    assert.equal(seen.length, 3);
    const back = cache.frontMatter('file:///w/a.md', 'a.md', TEXT);
    assert.equal(back.title, 'Push robot data');
    assert.equal(seen.length, 4);
  });
});
