/**
 * Hostile repository content must never freeze the extension host: every
 * pattern applied to file content runs in linear time, and ADR titles and
 * statuses are read from a capped prefix of each line.
 *
 * Speed is never asserted with timers here. Instead each hostile input is
 * large enough that a quadratic (backtracking) pattern would take minutes, so
 * the test would run into mocha's timeout; `npm run bench:hostile`
 * prints the timings.
 */
import assert from 'node:assert/strict';
import { listAdrs, nextAdrNumber, parseAdr } from '../../src/core/adr';
import { replaceGeneratedBlock } from '../../src/core/assessment';
import { inlineText, tableCell } from '../../src/core/markdownText';
import { atxHeading, capLine, fieldLine, isStatusPlaceholder, linksToText, MAX_LINE_CHARS, numberedTitle, stripHtmlComments } from '../../src/core/adrText';
import type { DirEntry, ReadFs } from '../../src/core/fsPort';
import { quoteNumberFromFileName } from '../../src/core/quote';
import { parseNumber } from '../../src/webview/formModel';
import { scaled } from '../support/mutationRun';

const SPACES = ' '.repeat(300_000);
const adr = (text: string) => parseAdr('/r/doc/adr/0001-hostile-adr.md', text)!;

describe('hardening: patterns over file content are linear', () => {
  describe('parseAdr', () => {
    it('reads a first heading of `# a`, 160,000 spaces and `b` (the issue\'s 47-second case)', () => {
      assert.equal(adr(`# a${' '.repeat(160_000)}b\n`).title, 'a');
    });

    it('reads a status line of `[` and 400,000 `|` (over a second at 40,000 in the issue)', () => {
      const line = `Status: [${'|'.repeat(400_000)}`;
      // Lines are read up to 4096 characters; no closing bracket there, so it is no placeholder.
      assert.equal(adr(`# T\n\n${line}\n`).status, line.slice(0, 4096).slice('Status: '.length));
      assert.equal(adr(`# T\n\n## Status\n\n[${'|'.repeat(400_000)}\n`).status, `[${'|'.repeat(4095)}`);
      // A placeholder that fits in the cap is still recognised and ignored.
      assert.equal(adr(`# T\n\nStatus: [${'|'.repeat(3000)}]\n`).status, undefined);
    });

    it('reads a header field whose value holds a long run of spaces', () => {
      const info = adr(`# T\n\nStatus: a${SPACES}b\nDate: 2024-01-05${SPACES}x\n`);
      assert.equal(info.status, 'a');
      assert.equal(info.date, '2024-01-05');
      assert.equal(info.format, 'nygard');
      assert.equal(adr(`# T\n\n* **Status:**${SPACES}`).status, undefined);
    });

    it('reads past 100,000 unclosed HTML comment openers', () => {
      assert.equal(adr(`# Title\n${'<!--'.repeat(100_000)}\n`).title, 'Title');
      assert.equal(adr(`${'<!--'.repeat(100_000)}\n# Title\n`).title, 'Title');
      assert.equal(adr(`<!--${' '.repeat(100_000)}-->\n# Title\n`).title, 'Title');
      assert.equal(adr('<!-- # Hidden -->\n# Shown\n').title, 'Shown');
    });

    it('reads titles made of 300,000 `[` or 100,000 `[a](`', () => {
      assert.equal(adr(`# ${'['.repeat(300_000)}\n`).title, '['.repeat(4094));
      assert.equal(adr(`# ${'[a]('.repeat(100_000)}\n`).title, `# ${'[a]('.repeat(100_000)}`.slice(2, 4096));
      assert.equal(adr(`# ${'[a](b)'.repeat(2)} c\n`).title, 'aa c');
    });

    it('reads a heading with a long run of spaces before a closing `#` sequence', () => {
      assert.equal(adr(`# a${' '.repeat(2000)}#\n`).title, 'a');
      assert.equal(adr(`# a${SPACES}# b #\n`).title, 'a');
    });

    it('reads a setext title with a long underline and a long run of spaces', () => {
      assert.equal(adr(`Title\n${'='.repeat(300_000)}\n# Other\n`).title, 'Title');
      assert.equal(adr(`Title\n${'='.repeat(4000)}x\n# Other\n`).title, 'Other');
      assert.equal(adr(`1.${SPACES}a\n===\n`).title, '1.');
    });

    it('reads front matter that never closes, with a long run of spaces after a `---`', () => {
      const info = adr(`---\ntitle: X\n---${SPACES}x\n${'a'.repeat(300_000)}\n# Body title\n`);
      assert.equal(info.title, 'Body title');
    });
  });

  // The readers themselves, on whole lines of a million characters (no line cap here), each
  // checked against the regular expression it replaces on small inputs.
  describe('adrText readers', () => {
    const M = 1_000_000;
    const ws = ' '.repeat(M);
    const lines = ['# a', '#  a  ', '# a #', '# a ##  ', '# a#', '# ###', '#  ##', '# C# #', '# a # b #', '## Status', '#', '####### x', '    # x', '   # x', '# a\u2028', '# a\u2028b', '#\ta\t#\t', '# \u00a0a\u00a0#'];

    it('atxHeading reads what /^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$/ reads', () => {
      for (const line of lines) {
        const m = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
        assert.deepEqual(atxHeading(line), m ? { level: m[1].length, text: m[2] } : undefined, JSON.stringify(line));
      }
      assert.deepEqual(atxHeading(`# a${ws}b`), { level: 1, text: `a${ws}b` });
      assert.deepEqual(atxHeading(`# a${ws}#${ws}`), { level: 1, text: 'a' });
      assert.deepEqual(atxHeading(`#${ws}${'#'.repeat(M)}`), { level: 1, text: '#'.repeat(M) });
      assert.equal(atxHeading(`# a${ws}\u2028b`), undefined);
    });

    it('fieldLine reads what the `Status:`/`Date:` pattern reads', () => {
      const re = /^(?:[*+-]\s+)?(?:\*\*|__)?(status|date)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
      const samples = ['Status: Accepted', '* Status: proposed', '- **Status:** accepted', '**Status**: x', '__Date__ :  2024-01-05', 'STATUS:', 'status :**', 'Statuses: x', '* status', '-Status: x', 'Date: a\u2028b', 'Status: ***x***', '+ \tDate:\t1'];
      for (const line of samples) {
        const m = re.exec(line);
        assert.deepEqual(fieldLine(line), m ? { name: m[1].toLowerCase(), value: m[2] } : undefined, line);
      }
      assert.deepEqual(fieldLine(`Status: a${ws}b`), { name: 'status', value: `a${ws}b` });
      assert.deepEqual(fieldLine(`*${ws}**Date${ws}:${ws}**${ws}x`), { name: 'date', value: 'x' });
      assert.equal(fieldLine(`Status${ws}x`), undefined);
      assert.equal(fieldLine(`Status: a${ws}\u2029b`), undefined);
    });

    it('linksToText reads what /!?\\[([^\\]]*)\\]\\([^)]*\\)/g reads', () => {
      const samples = ['[a](b)', '![img](x.png) and [link](y)', '[a[b](c)', '[a]x(c) [d](e)', '!![a](b)', '[a](b', '[a] (b)', '[](x)', 'x [a](b)[c](d) y', '[a\nb](c\nd)', '[[[a](b)', '[a](b)](c)', '![a](b'];
      for (const text of samples) assert.equal(linksToText(text), text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1'), text);
      assert.equal(linksToText('['.repeat(M)), '['.repeat(M));
      assert.equal(linksToText('[a]('.repeat(M / 4)), '[a]('.repeat(M / 4));
      assert.equal(linksToText(`${'['.repeat(M)}a](b)`), `${'['.repeat(M - 1)}a`);
      assert.equal(linksToText(`${'[a]'.repeat(M / 4)}(b)`), `${'[a]'.repeat(M / 4 - 1)}a`);
    });

    it('isStatusPlaceholder reads what /^[[{].*\\|.*[\\]}]$/ reads', () => {
      const samples = ['[proposed | accepted]', '{a | b}', '[|]', '[]', '[a]', '|', '[a|b', 'a|b]', '[a\n|b]', '{a|\u2028}', '[a|b}'];
      for (const text of samples) assert.equal(isStatusPlaceholder(text), /^[[{].*\|.*[\]}]$/.test(text), text);
      assert.equal(isStatusPlaceholder(`[${'|'.repeat(M)}`), false);
      assert.equal(isStatusPlaceholder(`[${'|'.repeat(M)}]`), true);
      assert.equal(isStatusPlaceholder(`{${'|'.repeat(M)}\u2028]`), false);
    });

    it('numberedTitle reads what /^(\\d+)\\.\\s+(.+)$/ reads', () => {
      for (const title of ['1. Use X', '12.Use X', '0001. a', '1.  a b', 'a. b', '1. a\u2028b', '1. ']) {
        const m = /^(\d+)\.\s+(.+)$/.exec(title);
        assert.deepEqual(numberedTitle(title), m ? { digits: m[1], title: m[2] } : undefined, title);
      }
      assert.equal(numberedTitle(`1.${ws}a\u2028b`), undefined);
      assert.equal(numberedTitle(`${'1'.repeat(M)}x`), undefined);
    });

    it('stripHtmlComments removes what /<!--[\\s\\S]*?-->/g removes', () => {
      for (const text of ['a<!-- b -->c', '<!---->', '<!-->', '<!-- a --> b <!-- c', 'a <!-- <!-- b --> c -->', '<!--a-->-->']) {
        assert.equal(stripHtmlComments(text), text.replace(/<!--[\s\S]*?-->/g, ''), text);
      }
      assert.equal(stripHtmlComments('<!--'.repeat(M / 4)), '<!--'.repeat(M / 4));
      assert.equal(stripHtmlComments(`${'<!--'.repeat(M / 4)}-->x`), 'x');
    });

    it('capLine keeps the first 4096 characters, never half a surrogate pair', () => {
      assert.equal(capLine('x'.repeat(M)).length, MAX_LINE_CHARS);
      assert.equal(capLine(`${'x'.repeat(MAX_LINE_CHARS - 1)}😀`), 'x'.repeat(MAX_LINE_CHARS - 1));
      assert.equal(capLine('short'), 'short');
    });
  });

  describe('other patterns over file names and typed text', () => {
    it('quoteNumberFromFileName: a long run of digits that is no quote number', () => {
      assert.equal(quoteNumberFromFileName(`quote-Q-2026-${'1'.repeat(1_000_000)}x`), undefined);
      assert.deepEqual(quoteNumberFromFileName(`quote-Q-2026-001-R${'1'.repeat(1_000_000)}x`), { year: 2026, sequence: 1, revision: 1 });
    });

    it('parseNumber: a million digits and a letter is not a number', () => {
      const text = `${'1'.repeat(1_000_000)}x`;
      assert.equal(parseNumber(text), text);
      assert.equal(parseNumber('1,200.5'), 1200.5);
      assert.equal(parseNumber('12.'), 12);
      assert.equal(parseNumber('.5e3'), 500);
    });

    it('markdownText: 300,000 comment closers `-->` and 500,000 `a>`', () => {
      const closers = scaled(300_000);
      const pairs = scaled(500_000);
      assert.equal(inlineText('-->'.repeat(closers)), `\\${'--&gt;'.repeat(closers)}`);
      assert.equal(tableCell('a>'.repeat(pairs)), 'a>'.repeat(pairs));
    });

    it('replaceGeneratedBlock: a start marker holding 1,000,000 spaces before its text', () => {
      const marker = `<!-- custom-request:links${' '.repeat(1_000_000)}x -->`;
      const body = `# B\n\n${marker} \t\r\nold\n<!-- /custom-request:links -->\n`;
      assert.equal(replaceGeneratedBlock(body, 'links', '- new'), `# B\n\n${marker}\n\n- new\n\n<!-- /custom-request:links -->\n`);
    });
  });
});

describe('hardening: ADR numbering sees every entry of a large folder', () => {
  /** A folder of `count` numbered ADRs, listed in ascending order, every file readable except `unreadable`. */
  function bigFolder(count: number, unreadable = new Set<string>()): ReadFs {
    const names = Array.from({ length: count }, (_, i) => `${String(i + 1).padStart(4, '0')}-decision-${i + 1}.md`);
    const known = new Set(names);
    return {
      readDirectory: async (): Promise<DirEntry[]> => names.map((name) => ({ name, type: 'file' })),
      readFile: async (path: string) => {
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (unreadable.has(name)) throw new Error('EACCES: permission denied');
        return known.has(name) ? new TextEncoder().encode(`# Decision ${Number(name.slice(0, 4))}\n`) : undefined;
      },
      stat: async () => 'directory',
    };
  }

  it('lists all 6,000 ADRs of a folder and numbers the next one 6001', async () => {
    const adrs = await listAdrs(bigFolder(6000), '/r/doc/adr');
    assert.equal(adrs.length, 6000);
    assert.equal(adrs.at(-1)!.title, 'Decision 6000');
    assert.equal(nextAdrNumber(adrs), 6001);
  });

  it('counts an ADR it cannot read by its file name', async () => {
    const adrs = await listAdrs(bigFolder(42, new Set(['0042-decision-42.md'])), '/r/doc/adr');
    assert.equal(adrs.length, 42);
    assert.equal(adrs.at(-1)!.title, 'Decision 42');
    assert.equal(nextAdrNumber(adrs), 43);
  });
});
