/**
 * Parsing YAML read from repository files (front matter, `.log4brains.yml`),
 * which may be anything: a front matter is a few KB, but a file that is not
 * ours, or a hostile one, can hold far more.
 *
 * The `yaml` package checks duplicate keys by comparing each key with every
 * earlier one of its mapping (quadratic: 20 s for 40,000 keys), and composes
 * nested values recursively (3 s for 120,000 `[`, then a stack overflow).
 * So the text is refused over {@link MAX_FRONT_MATTER_CHARS} before it is
 * parsed, its nesting is measured on the parser's tokens (no recursion) and
 * refused over {@link MAX_YAML_DEPTH}, it is composed without yaml's own key
 * check, and duplicate keys are then found with one Set per mapping, keys
 * compared as yaml compares them (scalars by value). Linear time throughout.
 */
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, type CST, type Document } from 'yaml';
import type { Bilingual } from './lang';

/** The longest YAML text read (a front matter is a few KB). */
export const MAX_FRONT_MATTER_CHARS = 128 * 1024;
/** The deepest nesting of collections read: the top-level mapping is 1 (an assessment needs 4). */
export const MAX_YAML_DEPTH = 32;

export interface YamlRefusal {
  /** what is wrong, to follow "The front matter of FILE" (en) or "FILE 的 front matter" (zh-cn) */
  problem: Bilingual;
  /** the line of the YAML text (from 1) it is on, when it is on one */
  line?: number;
}

export type ParsedYaml = { document: Document.Parsed; refusal?: undefined } | { document?: undefined; refusal: YamlRefusal };

function syntaxProblem(detail: string): Bilingual {
  return { en: `is not valid YAML: ${detail}`, 'zh-cn': `不是有效的 YAML：${detail}` };
}

/** The first collection nested deeper than MAX_YAML_DEPTH, by its offset; walks the tokens with a stack of its own, so any depth is fine. */
function tooDeepAt(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens) if (token.type === 'document' && token.value) stack.push({ token: token.value, depth: 0 });
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, depth } = next;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > MAX_YAML_DEPTH) return token.offset;
    for (const item of token.items as CST.CollectionItem[]) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A key that appears twice in one mapping (the second time), as yaml would find it: scalar keys equal by value (`===`). */
function duplicateKey(root: unknown, text: string): { key: string; offset: number } | undefined {
  // Depth is at most MAX_YAML_DEPTH here, so a plain stack of nodes is small.
  const stack: unknown[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !(typeof key.value === 'number' && Number.isNaN(key.value))) {
          // NaN !== NaN: yaml never finds two `.nan` keys equal, and neither does this.
          if (seen.has(key.value)) {
            const [start, end] = key.range ?? [-1, -1];
            return { key: start >= 0 ? text.slice(start, Math.min(end, start + 60)) : String(key.value), offset: start };
          }
          seen.add(key.value);
        }
        if (key !== null && key !== undefined) stack.push(key);
        if (pair.value !== null && pair.value !== undefined) stack.push(pair.value);
      }
    }
  }
  return undefined;
}

/**
 * The YAML `text` (one document) as a yaml Document, or why it is refused:
 * too long, nested too deep, not valid YAML (yaml's first error), or a key
 * twice in one mapping. Linear in the length of the text.
 */
export function parseFrontMatterYaml(text: string): ParsedYaml {
  if (text.length > MAX_FRONT_MATTER_CHARS) {
    const size = Math.ceil(text.length / 1024);
    const limit = MAX_FRONT_MATTER_CHARS / 1024;
    return {
      refusal: {
        problem: {
          en: `is too long to read: ${size} KB of YAML, over the limit of ${limit} KB (a front matter is usually a few KB). Move long text into the body below the closing "---" line`,
          'zh-cn': `过长，无法读取：YAML 有 ${size} KB，超过 ${limit} KB 的上限（front matter 通常只有几 KB）。请把长文本移到结束的 "---" 行下面的正文中`,
        },
      },
    };
  }
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const lineAt = (offset: number) => (offset >= 0 ? lines.linePos(offset) : undefined);
  const deep = tooDeepAt(tokens);
  if (deep !== undefined) {
    return {
      refusal: {
        problem: {
          en: `nests values more than ${MAX_YAML_DEPTH} levels deep; flatten the lists and mappings`,
          'zh-cn': `中的值嵌套超过 ${MAX_YAML_DEPTH} 层，请减少列表和映射的嵌套`,
        },
        line: lineAt(deep)?.line,
      },
    };
  }
  // uniqueKeys: false skips yaml's quadratic check; duplicateKey below does it in linear time.
  const docs = new Composer({ uniqueKeys: false }).compose(tokens, true, text.length);
  const document = docs.next().value as Document.Parsed;
  const second = docs.next().value;
  if (second) {
    const where = lineAt(second.range[0]);
    return {
      refusal: {
        problem: { en: 'holds more than one YAML document (a "---" or "..." line inside it)', 'zh-cn': '包含不止一个 YAML 文档（其中有 "---" 或 "..." 行）' },
        line: where?.line,
      },
    };
  }
  const error = document.errors[0];
  if (error) {
    const where = lineAt(error.pos[0]);
    // The same text as yaml's own pretty errors (their first line), which earlier messages showed.
    const detail = where ? `${error.message} at line ${where.line}, column ${where.col}` : error.message;
    return { refusal: { problem: syntaxProblem(detail), line: where?.line } };
  }
  const duplicate = duplicateKey(document.contents, text);
  if (duplicate) {
    const key = duplicate.key;
    return {
      refusal: {
        problem: {
          en: `has the key "${key}" twice in one mapping; YAML keys must be unique, so remove or rename one`,
          'zh-cn': `在同一个映射中有两个键 "${key}"；YAML 的键不能重复，请删除或改名其中一个`,
        },
        line: lineAt(duplicate.offset)?.line,
      },
    };
  }
  return { document };
}

/**
 * The message for a refused front matter of `file`, at its line in the file
 * (`lineOffset`: the lines above the YAML, 1 for the opening `---`), with
 * `after` (a sentence) when given.
 */
export function frontMatterRefusal(file: string, refusal: YamlRefusal, after?: Bilingual, lineOffset = 1): Bilingual {
  const where = refusal.line ? `${file}:${refusal.line + lineOffset}` : file;
  return {
    en: `The front matter of ${where} ${refusal.problem.en}${after ? `. ${after.en}` : ''}`,
    'zh-cn': `${where} 的 front matter ${refusal.problem['zh-cn']}${after ? `。${after['zh-cn']}` : ''}`,
  };
}
