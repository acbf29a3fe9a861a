/**
 * `npx tsx scripts/bench-regex.ts [scale]`: how long each hostile input from
 * issue 8 (item 3) takes through the code that reads repository content and
 * typed text. Printed, never asserted (test/unit/hardening-regex.test.ts
 * checks the results with inputs large enough that a quadratic pattern would
 * run into mocha's timeout). `scale` multiplies the sizes (default 1: the
 * issue's 160,000 spaces and 40,000 `|`).
 */
import { parseAdr } from '../src/core/adr';
import { atxHeading, fieldLine, isStatusPlaceholder, linksToText, stripHtmlComments } from '../src/core/adrText';
import { quoteNumberFromFileName } from '../src/core/quote';
import { parseNumber } from '../src/webview/formModel';

const scale = Number(process.argv[2] ?? 1);
const n = (size: number) => Math.round(size * scale);
const adr = (text: string) => parseAdr('/r/doc/adr/0001-hostile.md', text);

const cases: Array<[string, () => unknown]> = [
  ['ADR heading: `# a` + 160,000 spaces + `b`', () => adr(`# a${' '.repeat(n(160_000))}b\n`)],
  ['ADR status: `Status: [` + 40,000 `|`', () => adr(`# T\n\nStatus: [${'|'.repeat(n(40_000))}\n`)],
  ['ADR status section: `[` + 40,000 `|`', () => adr(`# T\n\n## Status\n\n[${'|'.repeat(n(40_000))}\n`)],
  ['ADR field: `Status: a` + 40,000 spaces + `b`', () => adr(`# T\n\nStatus: a${' '.repeat(n(40_000))}b\n`)],
  ['ADR comments: 40,000 unclosed `<!--`', () => adr(`# T\n${'<!--'.repeat(n(40_000))}\n`)],
  ['ADR title: `# ` + 40,000 `[`', () => adr(`# ${'['.repeat(n(40_000))}\n`)],
  ['ADR title: `# ` + 20,000 `[a](`', () => adr(`# ${'[a]('.repeat(n(20_000))}\n`)],
  ['ADR setext title: `1.` + 40,000 spaces + `a\\u2028b`', () => adr(`1.${' '.repeat(n(40_000))}a\u2028b\n===\n`)],
  ['ADR front matter: `---` + 160,000 spaces, never closed', () => adr(`---\nx: 1\n---${' '.repeat(n(160_000))}x\n# T\n`)],
  // The readers alone, on lines of a million characters (parseAdr reads at most 4096 of a line).
  ['atxHeading: `# a` + 1,000,000 spaces + `b`', () => atxHeading(`# a${' '.repeat(n(1_000_000))}b`)],
  ['fieldLine: `Status: a` + 1,000,000 spaces + `b`', () => fieldLine(`Status: a${' '.repeat(n(1_000_000))}b`)],
  ['linksToText: 1,000,000 `[`', () => linksToText('['.repeat(n(1_000_000)))],
  ['isStatusPlaceholder: `[` + 1,000,000 `|`', () => isStatusPlaceholder(`[${'|'.repeat(n(1_000_000))}`)],
  ['stripHtmlComments: 250,000 unclosed `<!--`', () => stripHtmlComments('<!--'.repeat(n(250_000)))],
  ['quote file name: 1,000,000 digits + `x`', () => quoteNumberFromFileName(`quote-Q-2026-${'1'.repeat(n(1_000_000))}x`)],
  ['form number: 40,000 digits + `x`', () => parseNumber(`${'1'.repeat(n(40_000))}x`)],
];

for (const [name, run] of cases) {
  const start = performance.now();
  run();
  console.log(`${(performance.now() - start).toFixed(1).padStart(10)} ms  ${name}`);
}
