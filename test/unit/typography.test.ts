/**
 * Chinese typography (GB/T 15834) in every place Chinese text comes from: the
 * zh-cn templates and the rendered zh-cn golden files, the l10n bundle, the
 * manifest's zh-cn strings, and the Chinese string literals in the source
 * (messages, status labels, capability names, terms). Between Chinese
 * characters the punctuation is full-width (，：；（）？！), never ASCII
 * `,:;()?!`, and no space stands between two Chinese characters.
 *
 * The check is line by line with two linear-time patterns (a single character
 * class on each side; no nested or overlapping repetition), so a long line
 * costs no more than its length.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import { REPO_ROOT } from './templateFiles';

/** CJK unified ideographs (the basic block and extension A). */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** ASCII punctuation directly before or after a Chinese character. */
const ASCII_BESIDE_HAN = new RegExp(`(?<=[${HAN}])[,:;()?!]|[,:;()?!](?=[${HAN}])`, 'g');
/** Spaces (ASCII or ideographic) between two Chinese characters. */
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}])[ \\t\\u3000]+(?=[${HAN}])`, 'g');

export interface TypographyProblem {
  line: number;
  snippet: string;
  kind: 'ascii punctuation' | 'space';
}

/**
 * Source files: only what is not a comment counts (an English comment may quote
 * Chinese, as in "(大写金额)"). Whole-line comments are blanked and a trailing
 * ` // …` is cut, keeping the line numbers.
 */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const trimmed = line.trimStart();
      if (trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*')) return '';
      const cut = line.indexOf(' // ');
      return cut >= 0 ? line.slice(0, cut) : line;
    })
    .join('\n');
}

/** Every place in `text` where ASCII punctuation touches a Chinese character, or spaces separate two. */
export function typographyProblems(text: string): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  text.split('\n').forEach((line, i) => {
    const snippet = (index: number, length: number) => line.slice(Math.max(0, index - 8), index + length + 8).trim();
    for (const match of line.matchAll(ASCII_BESIDE_HAN)) {
      problems.push({ line: i + 1, kind: 'ascii punctuation', snippet: snippet(match.index, match[0].length) });
    }
    for (const match of line.matchAll(SPACE_BETWEEN_HAN)) {
      problems.push({ line: i + 1, kind: 'space', snippet: snippet(match.index, match[0].length) });
    }
  });
  return problems;
}

function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = nodePath.join(folder, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out.sort();
}

const at = (relative: string) => nodePath.join(REPO_ROOT, relative);

/** Every file Chinese text comes from, by group. */
const SOURCES: Record<string, string[]> = {
  'templates/zh-cn': filesUnder(at('templates/zh-cn'), (name) => name.endsWith('.hbs')),
  'test/golden/zh-cn': filesUnder(at('test/golden/zh-cn'), (name) => name.endsWith('.md')),
  'l10n and manifest strings': [at('l10n/bundle.l10n.zh-cn.json'), at('package.nls.zh-cn.json')],
  // Messages, status labels, capability names, quote terms, form strings: the Chinese literals in the source.
  src: filesUnder(at('src'), (name) => name.endsWith('.ts')),
};

describe('Chinese typography', () => {
  describe('the check itself', () => {
    it('finds each ASCII mark beside a Chinese character, with the line and the text around it', () => {
      const problems = typographyProblems('fine line\n团队:2 人,工期(约 3 周)?是!\nok: yes, (really)');
      // 队: / 人, / 期( / 周) / ?是 / 是! — one problem per mark, all on line 2
      assert.deepEqual(
        problems.map((p) => [p.line, p.kind]),
        Array.from({ length: 6 }, () => [2, 'ascii punctuation']),
      );
      assert.ok(problems[0].snippet.includes('团队:2'), problems[0].snippet);
    });

    it('finds spaces between two Chinese characters, but not beside digits, Latin words or full-width marks', () => {
      const problems = typographyProblems('以 乐观/最可能/悲观 三点估算\n团队 2 人，采用 PERT 估算\n一\u3000二');
      assert.deepEqual(
        problems.map((p) => [p.line, p.kind]),
        [
          [1, 'space'],
          [1, 'space'],
          [3, 'space'],
        ],
      );
      assert.ok(problems[0].snippet.startsWith('以 乐观'), problems[0].snippet);
      assert.ok(problems[1].snippet.endsWith('悲观 三点估算'), problems[1].snippet);
    });

    it('ignores comments in source files but not the code beside them', () => {
      const source = "// 大写 (capital) figures\n * 壹拾万零壹拾元 (example)\nconst a = '团队:2'; // 注释 (ok)";
      assert.deepEqual(
        typographyProblems(withoutComments(source)).map((p) => p.line),
        [3],
      );
    });

    it('accepts full-width punctuation and ASCII punctuation between Latin text', () => {
      assert.deepEqual(typographyProblems('团队：2 人，工期（约 3 周）？是！\nNRE (one-time), yes: ok; done?'), []);
    });
  });

  for (const [group, files] of Object.entries(SOURCES)) {
    it(`${group}: full-width punctuation and no stray spaces between Chinese characters`, () => {
      assert.ok(files.length > 0, `no files found for ${group}`);
      const found: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const problem of typographyProblems(file.endsWith('.ts') ? withoutComments(text) : text)) {
          found.push(`${nodePath.relative(REPO_ROOT, file)}:${problem.line}: ${problem.kind}: ${problem.snippet}`);
        }
      }
      assert.equal(found.length, 0, `${found.length} problem(s):\n${found.join('\n')}`);
    });
  }
});
