/**
 * For BENCHMARKS.md: why a budget that is still missed is missed, said
 * plainly from what this run measured. Each explanation names the floor the
 * design sets (round trips through vscode.workspace.fs, each about the stat
 * row's median) and what meeting the budget would take.
 */
import type { Row } from './report';
import { fmt, type Stats } from './stats';

const median = (value: Row['ours'] | undefined) => (typeof value === 'object' && value ? (value as Stats).median : undefined);

export function whyMissed(rows: Row[]): string[] {
  const roundTrip = median(rows.find((row) => row.name.startsWith('For context: one vscode.workspace.fs.stat'))?.ours);
  const rt = roundTrip === undefined ? 'one round trip' : `one round trip (${fmt(roundTrip)} in this run)`;
  const why: string[] = [];
  for (const row of rows) {
    if (row.met !== false) continue;
    const ours = median(row.ours);
    if (row.name.startsWith('New Assessment')) {
      why.push(
        `${row.name}: the bare write it is compared with is one vscode.workspace.fs call, and every such call first waits for ${rt} to the window. New Assessment needs two in a row before it can write: the related ADR is read (while the template-override folder is looked for) and the request folder's name is checked to be free; the file itself is then written as a temporary file and moved into place with one system call each (src/localWrite.ts), so a crash never leaves half a file. With no computing at all that is 2× the bare write; rendering the assessment (validating the arguments and settings, YAML, Handlebars) is most of the rest. Meeting 3× here needs less computing in the rendering (src/core/workflows.ts and the templates, not changed here), since the two checks stay: the assessment records the ADR's current title, and a folder someone else made is never written into. It was 15× before this change: the writes went through vscode.workspace.fs (a rename there goes through the window and back, tens of milliseconds) and every check was made one after another.`,
      );
    } else if (row.name.startsWith('Generate Quote')) {
      why.push(
        `${row.name}: Generate Quote reads the assessment (with its version, one call), then the ADR while the quote numbers are collected (one call; the numbers come from the Requests index and a watched file search, not from reading every file), writes the quote, then checks with a stat that the assessment did not change meanwhile and writes it (both writes atomic, with one system call per step): three vscode.workspace.fs calls in a row at ${rt} each, against one for the bare write. The rest is computing: it parses the assessment's YAML three times (planQuote and the assessment update in src/core/workflows.ts each parse it again) and renders the quote and two blocks of the assessment with Handlebars. Parsing once would need planQuote to take the parsed assessment (src/core/workflows.ts, not changed here). It was 41× before this change.`,
      );
    } else if (row.name.startsWith('Activation')) {
      why.push(`${row.name}: activation now loads dist/extension.js (a few kilobytes) and registers the commands and two view proxies; the desk bundle loads 100 ms later, outside this figure. What remains over the empty extension${ours === undefined ? '' : ` (${fmt(ours)} in all)`} was not traced further in this change.`);
    } else if (row.name.startsWith('Palette')) {
      why.push(`${row.name}: the first New Assessment prompt is shown by the thin entry before the desk bundle loads, so yaml, zod and the templates are no longer in this path; the remaining difference to the empty extension's notification was not traced further in this change.`);
    } else if (row.name.startsWith('Custom Requests tree, first load')) {
      const reload = rows.find((other) => other.name.startsWith('Custom Requests tree, reload'));
      const warm = median(reload?.ours);
      why.push(
        `${row.name}: ${ours === undefined ? '' : `${fmt(ours)} against the baseline's ${fmt(median(row.baseline) ?? 0)} for the reads alone. `}${warm === undefined ? '' : `The same load in a warm window (after Refresh, each front matter already parsed) takes ${fmt(warm)}; `}the first load in a fresh window also loads the desk bundle and parses 2,000 front matters (with the fast reader, src/core/fastFrontMatter.ts). The rest is building the items of 2,000 requests under their expanded groups (src/views/requestTree.ts; tooltips, which compute each estimate, wait for a hover). Not traced further.`,
      );
    } else if (row.section.startsWith('Scale')) {
      why.push(`${row.name}: ${ours === undefined ? '' : `${fmt(ours)} against the baseline's ${fmt(median(row.baseline) ?? 0)}. `}The baseline is only the reads through vscode.workspace.fs; the rest is work in the extension host (front matter, the tree's items and tooltips or the register's rows) on a shared 2-core machine, not traced further in this change.`);
    }
  }
  return why;
}
