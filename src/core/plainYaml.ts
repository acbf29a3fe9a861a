/**
 * A fast reader for the plain YAML our assessments' front matter is written
 * in (see fastFrontMatter.ts for where it is used and how it is checked).
 *
 * It understands a strict subset — block mappings with simple keys, block
 * sequences, `[]` and `{}`, plain scalars, and quoted scalars without escapes
 * — and gives up (undefined) on anything else: comments after a value, flow
 * collections with content, anchors, tags, block scalars, multi-line
 * scalars, tabs, CR, duplicate keys, numbers in any but the plainest forms,
 * keys the core schema reads as a boolean or null (`True:`, `null:`: yaml
 * makes them "true" and ""), text over MAX_FRONT_MATTER_CHARS or nested
 * over MAX_YAML_DEPTH (the full parser refuses those, see yamlLimits.ts).
 * Whatever it accepts it reads exactly as `yaml` (YAML 1.2, core schema) does.
 */
import { MAX_FRONT_MATTER_CHARS, MAX_YAML_DEPTH } from './yamlLimits';

/** Thrown inside the reader when the text is outside the subset. */
class OutsideSubset extends Error {}

interface Line {
  indent: number;
  /** the line without its indentation */
  text: string;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_]{0,63}):(?: (.*))?$/;
/** Keys KEY matches that the core schema reads as a boolean or null, not as a string. */
const NOT_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const SAFE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const SAFE_FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
/** Every other form YAML 1.2's core schema reads as a number (or that is close to one): outside the subset. */
const OTHER_NUMBER = /^[-+]?(?:[0-9]|\.[0-9]|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)|^0[ox]/;
const NUMBERISH = /^[-+.]?[0-9]/;
/** A plain scalar may not start with one of these (YAML indicators). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** `text` without the spaces (only U+0020, as YAML) at its start and end; a loop, not a regex, so a long run of spaces stays linear. */
function stripSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

function scalar(raw: string): unknown {
  const text = stripSpaces(raw);
  if (text === '') throw new OutsideSubset();
  if (text === '[]') return [];
  if (text === '{}') return {};
  if (text.startsWith('"')) {
    if (text.length < 2 || !text.endsWith('"')) throw new OutsideSubset();
    const inner = text.slice(1, -1);
    if (/["\\]/.test(inner)) throw new OutsideSubset();
    return inner;
  }
  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'")) throw new OutsideSubset();
    const inner = text.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) throw new OutsideSubset();
    return inner.replace(/''/g, "'");
  }
  if (SAFE_INT.test(text) || SAFE_FLOAT.test(text)) {
    // -0 reads as -0 in both; anything longer than 15 digits is outside (exactness).
    return Number(text);
  }
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (text === 'null' || text === 'Null' || text === 'NULL' || text === '~') return null;
  if (INDICATOR.test(text) && !(text.startsWith('-') && NUMBERISH.test(text))) throw new OutsideSubset();
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #') || text.includes('\t')) throw new OutsideSubset();
  if (NUMBERISH.test(text) || OTHER_NUMBER.test(text)) {
    // Dates and version-like text are strings in YAML 1.2; anything the core schema could read as a number is not ours to judge.
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) throw new OutsideSubset();
  }
  return text;
}

class Reader {
  private at = 0;
  /** collections open around the current line (the top-level one is 1) */
  private depth = 0;

  constructor(private readonly lines: Line[]) {}

  read(): unknown {
    if (this.lines.length === 0) return null;
    const value = this.block(this.lines[0].indent);
    if (this.at < this.lines.length) throw new OutsideSubset();
    return value;
  }

  /** A scalar, or `[]` / `{}`, which is one more level of nesting to yaml. */
  private leaf(raw: string): unknown {
    const value = scalar(raw);
    if (value !== null && typeof value === 'object' && this.depth >= MAX_YAML_DEPTH) throw new OutsideSubset();
    return value;
  }

  private peek(): Line | undefined {
    return this.lines[this.at];
  }

  /** A mapping or a sequence whose lines start at `indent`. */
  private block(indent: number): unknown {
    const first = this.peek();
    if (!first || first.indent !== indent || this.depth >= MAX_YAML_DEPTH) throw new OutsideSubset();
    this.depth++;
    const value = first.text === '-' || first.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = this.peek()) {
      if (line.text === '-') throw new OutsideSubset();
      const rest = line.text.slice(2);
      if (rest.startsWith(' ') || rest === '') throw new OutsideSubset();
      if (KEY.test(rest)) {
        // `- key: value` starts a mapping whose entries sit at indent + 2.
        this.lines[this.at] = { indent: indent + 2, text: rest };
        if (this.depth >= MAX_YAML_DEPTH) throw new OutsideSubset();
        this.depth++;
        items.push(this.mapping(indent + 2));
        this.depth--;
      } else {
        this.at++;
        items.push(this.leaf(rest));
      }
    }
    const next = this.peek();
    if (next && next.indent > indent) throw new OutsideSubset();
    return items;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const match = KEY.exec(line.text);
      if (!match) throw new OutsideSubset();
      const [, key, value] = match;
      if (Object.hasOwn(map, key) || key === '__proto__' || NOT_STRING_KEYS.has(key)) throw new OutsideSubset();
      this.at++;
      if (value !== undefined && stripSpaces(value) !== '') {
        map[key] = this.leaf(value);
        continue;
      }
      const next = this.peek();
      if (next && (next.indent > indent || (next.indent === indent && (next.text === '-' || next.text.startsWith('- '))))) {
        map[key] = this.block(next.indent);
      } else {
        map[key] = null;
      }
    }
    const next = this.peek();
    if (next && next.indent > indent) throw new OutsideSubset();
    return map;
  }
}

/** The value of a YAML text in the subset described above, or undefined when the text is outside it. */
export function readPlainYaml(text: string): unknown {
  if (text.length > MAX_FRONT_MATTER_CHARS || /[\r\t]/.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (raw[indent] === ' ') indent++;
    if (indent === raw.length || raw[indent] === '#') continue;
    if (raw.startsWith('---') || raw.startsWith('...')) return undefined;
    lines.push({ indent, text: raw.slice(indent) });
  }
  try {
    return new Reader(lines).read();
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}
