/**
 * Setting top-level keys of a front matter by replacing their lines, for
 * front matter in the plain subset the fast reader understands (see
 * fastFrontMatter.ts): Generate Quote records each quote and moves the
 * status this way instead of parsing the whole front matter into a `yaml`
 * Document and printing it back, which costs most of the command's time.
 * Every other line keeps its bytes. Anything outside the subset, a key that
 * is not there yet, a comment or blank line inside a value, or a result
 * that does not read back as exactly the intended values: undefined, and
 * the caller edits through the Document as before.
 */
import { stringify } from 'yaml';
import { readPlainYaml } from './plainYaml';

const isTopLevelKeyOf = (line: string, key: string) => line.startsWith(`${key}:`) && (line.length === key.length + 1 || line[key.length + 1] === ' ');
/** A line that belongs to the value of the top-level key above it: indented, or an item of a sequence written at the key's own indent. */
const continues = (line: string) => line.startsWith(' ') || line === '-' || line.startsWith('- ');

/** `yaml` (a front matter's YAML, LF line ends, no closing fence) with `values` set; undefined when it cannot be done line by line. */
export function setTopLevelKeys(yaml: string, values: Readonly<Record<string, unknown>>): string | undefined {
  const before = readPlainYaml(yaml);
  if (!before || typeof before !== 'object' || Array.isArray(before)) return undefined;
  const lines = yaml.split('\n');
  for (const [key, value] of Object.entries(values)) {
    if (!Object.hasOwn(before, key)) return undefined;
    const start = lines.findIndex((line) => isTopLevelKeyOf(line, key));
    if (start < 0) return undefined;
    let end = start + 1;
    while (end < lines.length && continues(lines[end])) {
      const text = lines[end].trimStart();
      if (text === '' || text.startsWith('#')) return undefined;
      end++;
    }
    const written = stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
    lines.splice(start, end - start, ...written);
  }
  const after = lines.join('\n');
  const expected = { ...before, ...values };
  return JSON.stringify(readPlainYaml(after)) === JSON.stringify(expected) ? after : undefined;
}
