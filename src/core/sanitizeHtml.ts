/**
 * Keeps rendered Markdown safe to send: an allowlist of the elements and
 * attributes Markdown produces, nothing that runs or loads anything.
 *
 * VS Code's Markdown engine renders raw HTML written in the Markdown as it is
 * (its preview sanitises later, in the webview), so a quote edited by hand may
 * carry `<script>`, `<iframe>` or `<img src="https://…">`. Everything here is
 * one left-to-right scan over the text (indexOf and single-character steps, no
 * backtracking regex): linear time whatever the input.
 *
 * Links: `<a href>` to http(s), mailto and tel stay. A hyperlink is not a
 * resource: the browser fetches nothing when it opens or prints the page; the
 * reader may follow it. Every other href (relative paths, which lead nowhere in
 * a file sent away; `javascript:`; `file:`; `data:`) is removed and the link
 * text kept. Images stay only as `data:image/…` URIs; others become their alt text.
 */

/** Elements kept, with their attributes filtered. */
const KEPT = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
  'p', 'pre', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'u', 'ul', 'var', 'wbr',
]);

/** Elements dropped together with everything inside them: they run, load, or are not document text. (Void ones such as <embed> and <frame> are simply not kept.) */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frameset', 'object', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'textarea', 'select', 'title', 'svg', 'math', 'xmp', 'plaintext', 'head', 'audio', 'video', 'canvas',
]);

const VOID = new Set(['br', 'hr', 'img', 'wbr']);

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*$/i;

export interface HtmlAttribute {
  name: string;
  value: string;
}

/** A piece of HTML: text as written, or a tag with its attribute values decoded. */
export type HtmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; attributes: HtmlAttribute[] }
  | { kind: 'end'; name: string }
  | { kind: 'comment' };

const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Splits HTML into text, tags and comments the way a browser would read the tags (without tree building). */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      flush();
      const end = html.indexOf('-->', lt + 4);
      tokens.push({ kind: 'comment' });
      i = end === -1 ? html.length : end + 3;
    } else if (next === '!' || next === '?' || (next === '/' && !isLetter(html[lt + 2] ?? ''))) {
      // <!DOCTYPE…>, <?…>, </ 3>: bogus comments to a browser.
      flush();
      const end = html.indexOf('>', lt + 2);
      tokens.push({ kind: 'comment' });
      i = end === -1 ? html.length : end + 1;
    } else if (isLetter(next) || next === '/') {
      flush();
      const { token, end } = readTag(html, lt);
      tokens.push(token);
      i = end;
    } else {
      text += '&lt;';
      i = lt + 1;
    }
  }
  flush();
  return tokens;
}

function readTag(html: string, lt: number): { token: HtmlToken; end: number } {
  const closing = html[lt + 1] === '/';
  let i = lt + (closing ? 2 : 1);
  const nameStart = i;
  while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  for (;;) {
    // isSpace and the '/' test are false past the end: no bound needed.
    while (isSpace(html[i]) || html[i] === '/') i++;
    if (i >= html.length) break;
    if (html[i] === '>') {
      i++;
      break;
    }
    const attrStart = i;
    i++; // an attribute name may start with '='
    while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attrName = html.slice(attrStart, i).toLowerCase();
    let j = i;
    while (isSpace(html[j])) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (isSpace(html[j])) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        value = html.slice(j + 1, close === -1 ? html.length : close);
        i = close === -1 ? html.length : close + 1;
      } else {
        const start = j;
        while (j < html.length && !isSpace(html[j]) && html[j] !== '>') j++;
        value = html.slice(start, j);
        i = j;
      }
    }
    attributes.push({ name: attrName, value: decodeEntities(value) });
  }
  return { token: closing ? { kind: 'end', name } : { kind: 'start', name, attributes }, end: i };
}

// A Map, not an object: `&constructor;` is no character reference.
const NAMED = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', tab: '\t', newline: '\n', sol: '/', period: '.' }));

/** Character references in an attribute value: numeric ones and the few named ones that can hide a URL scheme. */
export function decodeEntities(value: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const amp = value.indexOf('&', i);
    if (amp < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, amp);
    let j = amp + 1;
    let decoded: string | undefined;
    if (value[j] === '#') {
      // Only the digits of its base, as a browser reads it: `&#106avascript:` is `javascript:`.
      const hex = value[j + 1] === 'x' || value[j + 1] === 'X';
      const digit = hex ? /[0-9a-fA-F]/ : /[0-9]/;
      j += hex ? 2 : 1;
      const digits = j;
      while (j < value.length && digit.test(value[j])) j++;
      decoded = codePoint(parseInt(value.slice(digits, j), hex ? 16 : 10));
    } else {
      while (j < value.length && /[0-9a-zA-Z]/.test(value[j])) j++;
      decoded = NAMED.get(value.slice(amp + 1, j).toLowerCase());
    }
    if (decoded === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = value[j] === ';' ? j + 1 : j;
    }
  }
  return out;
}

function codePoint(n: number): string | undefined {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined; // false for NaN and Infinity too
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The URL's scheme in lower case ('' for a relative URL), ignoring the spaces and controls browsers ignore. */
export function urlScheme(url: string): string {
  let cleaned = '';
  for (const c of url) if (c > ' ' && c !== '\u007f') cleaned += c;
  const colon = cleaned.indexOf(':');
  if (colon === -1) return '';
  const scheme = cleaned.slice(0, colon);
  // A colon after a path, query or fragment character is no scheme separator.
  return /^[a-zA-Z][a-zA-Z0-9+.-]*$/.test(scheme) ? scheme.toLowerCase() : '';
}

const ALIGNMENTS = new Set(['left', 'right', 'center']);

/**
 * Whether a style is the one declaration Markdown writes for table alignment,
 * `text-align: left|right|center` with an optional `;` and any spaces around
 * the parts. Cut by hand (trim, one `;`, one `:`), never a pattern with
 * adjacent space runs, so a style of a million spaces is read in linear time.
 */
export function isTextAlignStyle(style: string): boolean {
  let declaration = style.trim();
  if (declaration.endsWith(';')) declaration = declaration.slice(0, -1);
  // With no colon (-1) the name is all but the last character and the value all of it: never both right.
  const colon = declaration.indexOf(':');
  return declaration.slice(0, colon).trim().toLowerCase() === 'text-align' && ALIGNMENTS.has(declaration.slice(colon + 1).trim().toLowerCase());
}

/** The attributes kept on `tag`, values checked; undefined for an <img> whose source is not inline. */
function keptAttributes(tag: string, attributes: HtmlAttribute[]): HtmlAttribute[] | undefined {
  const kept: HtmlAttribute[] = [];
  let imageSource = false;
  for (const { name, value } of attributes) {
    if (name === 'id' || name === 'title' || name === 'lang') kept.push({ name, value });
    else if (name === 'dir' && /^(?:ltr|rtl|auto)$/i.test(value)) kept.push({ name, value });
    else if (tag === 'a' && name === 'href') {
      if (value.startsWith('#') || LINK_SCHEMES.has(urlScheme(value))) kept.push({ name, value });
    } else if (tag === 'img' && name === 'src') {
      if (DATA_IMAGE.test(value)) {
        kept.push({ name, value });
        imageSource = true;
      }
    } else if (tag === 'img' && name === 'alt') kept.push({ name, value });
    else if ((name === 'colspan' || name === 'rowspan' || name === 'start' || name === 'width' || name === 'height') && /^\d{1,4}$/.test(value)) kept.push({ name, value });
    // Table alignment from Markdown (`| ---: |`): only that declaration, never a url() or anything else.
    else if ((tag === 'th' || tag === 'td') && name === 'style' && isTextAlignStyle(value)) kept.push({ name, value: value.trim() });
    else if ((tag === 'th' || tag === 'td') && name === 'align' && /^(?:left|right|center)$/i.test(value)) kept.push({ name, value });
  }
  if (tag === 'img' && !imageSource) return undefined;
  return kept;
}

/**
 * For each start tag of an element dropped with its content, the index of its
 * matching end tag (nested ones of the same name counted), found in one pass
 * with a stack per name. A start tag left out has no end tag: only the tag
 * itself is dropped, so one unclosed <select> or <iframe> cannot swallow the
 * rest of the quote.
 */
function droppedElementEnds(tokens: readonly HtmlToken[]): Map<number, number> {
  const ends = new Map<number, number>();
  const open = new Map<string, number[]>();
  tokens.forEach((token, k) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: only a filter; ends are read for dropped start tags alone, with a stack per name
    if (token.kind === 'comment' || token.kind === 'text' || !DROPPED_WITH_CONTENT.has(token.name)) return;
    const stack = open.get(token.name) ?? [];
    open.set(token.name, stack);
    if (token.kind === 'start') stack.push(k);
    else {
      const start = stack.pop();
      // Stryker disable next-line ConditionalExpression: an end tag with no start would be filed under undefined, a key never read
      if (start !== undefined) ends.set(start, k);
    }
  });
  return ends;
}

/** Rendered Markdown with only the allowed elements and attributes left (see the module comment). */
export function sanitizeRenderedHtml(html: string): string {
  const tokens = tokenizeHtml(html);
  const droppedEnds = droppedElementEnds(tokens);
  let out = '';
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.kind === 'text') out += token.text;
    // Stryker disable next-line ConditionalExpression: a comment has no name, so the branches below pass it over as well
    else if (token.kind === 'comment') continue;
    else if (token.kind === 'end') {
      if (KEPT.has(token.name) && !VOID.has(token.name)) out += `</${token.name}>`;
    } else if (DROPPED_WITH_CONTENT.has(token.name)) {
      // Skip to the matching end tag; with none, drop the tag alone and keep (sanitising) what follows.
      k = droppedEnds.get(k) ?? k;
    } else if (KEPT.has(token.name)) {
      const attributes = keptAttributes(token.name, token.attributes);
      if (!attributes) {
        const alt = token.attributes.find((a) => a.name === 'alt')?.value;
        if (alt) out += escapeHtml(alt);
        continue;
      }
      out += `<${token.name}${attributes.map((a) => ` ${a.name}="${escapeHtml(a.value)}"`).join('')}>`;
    }
  }
  return out;
}

/**
 * What in an HTML document would run or load something when it is opened or
 * printed: scripts, frames and objects, <link>/<base>, `src`-like attributes
 * that are not inline `data:` URIs, event handler attributes, and CSS `url()`
 * or `@import` in a style. Empty for a document safe to send. Used as the last
 * check before an export is written.
 */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  let inStyle = false;
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text' && inStyle && /url\s*\(|@import/i.test(token.text)) found.push('url() or @import in a <style>');
    if (token.kind === 'start' || token.kind === 'end') inStyle = token.kind === 'start' && token.name === 'style';
    if (token.kind !== 'start') continue;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'link', 'base', 'form'].includes(token.name)) found.push(`<${token.name}>`);
    for (const { name, value } of token.attributes) {
      if (name.startsWith('on')) found.push(`${name}= on <${token.name}>`);
      else if (['src', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'xlink:href'].includes(name) && !value.trim().toLowerCase().startsWith('data:')) found.push(`${name}="${value}" on <${token.name}>`);
      else if (name === 'href' && token.name !== 'a') found.push(`href="${value}" on <${token.name}>`);
      // A CSS escape (`u\rl(`) can hide either, and Markdown never writes one in a style attribute.
      else if (name === 'style' && /url\s*\(|@import|\\/i.test(value)) found.push(`style="${value}" on <${token.name}>`);
      else if (name === 'http-equiv' && value.toLowerCase() === 'refresh') found.push('<meta http-equiv="refresh">');
    }
  }
  return found;
}
