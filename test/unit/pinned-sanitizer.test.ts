/**
 * Pins the sanitizer that makes rendered Markdown safe for an HTML export
 * (src/core/sanitizeHtml.ts): what it strips (<meta refresh>, srcset,
 * formaction, SVG links, CSS url() in styles, schemes hidden behind character
 * references) and what it keeps (safe links, the allowed elements and
 * attributes), each as the whole output string, so a change that keeps or
 * drops one attribute more fails. Also pins the character-reference decoder,
 * the URL scheme reader and the last check, activeContent.
 */
import assert from 'node:assert/strict';
import { activeContent, decodeEntities, escapeHtml, sanitizeRenderedHtml, tokenizeHtml, urlScheme } from '../../src/core/sanitizeHtml';

/** Each input given to `f` must give exactly its expected output. */
function gives<T>(f: (input: string) => T, pairs: ReadonlyArray<readonly [string, T]>): void {
  for (const [input, expected] of pairs) assert.deepEqual(f(input), expected, JSON.stringify(input));
}
const sanitizes = (pairs: ReadonlyArray<readonly [string, string]>) => gives(sanitizeRenderedHtml, pairs);

const PNG = 'data:image/png;base64,AA==';

describe('sanitizer: <meta> never reaches the export', () => {
  it('drops a refresh and every other meta, keeping the text around them', () => {
    sanitizes([
      ['<p>a</p><meta http-equiv="refresh" content="0;url=https://evil.example/">\n<p>b</p>', '<p>a</p>\n<p>b</p>'],
      ['<META HTTP-EQUIV=Refresh CONTENT="0; URL=javascript:alert(1)">t', 't'],
      ['<meta charset="utf-8"><meta name="referrer" content="unsafe-url"><meta http-equiv="set-cookie" content="a=b">t', 't'],
      ['<p><meta http-equiv="refresh" content="0">x</meta></p>', '<p>x</p>'], ['<head><meta http-equiv="refresh" content="0"><p>in head</p></head><p>b</p>', '<p>b</p>'],
    ]);
  });
});

describe('sanitizer: srcset, formaction and links inside SVG', () => {
  it('drops srcset from images and drops <source>, keeping an inline image', () => {
    sanitizes([
      [`<img src="${PNG}" srcset="https://evil.example/a.png 2x" alt="a">`, `<img src="${PNG}" alt="a">`], ['<img srcset="https://evil.example/a.png 2x" alt="pixel">', 'pixel'],
      [`<picture><source srcset="https://evil.example/a.webp" type="image/webp"><img src="${PNG}" alt="x"></picture>`, `<img src="${PNG}" alt="x">`],
      ['<video><source src="https://evil.example/v.mp4"></video>t', 't'], ['<image src="https://evil.example/i.png" alt="i">t', 't'],
    ]);
  });

  it('drops buttons and inputs with their formaction; only the button text stays', () => {
    sanitizes([
      ['<form><button formaction="https://evil.example/" type="submit">Send</button><input type="image" formaction="javascript:alert(1)" src="https://evil.example/b.png" alt="go"></form>', 'Send'],
      ['<p formaction="https://evil.example/" srcset="x.png 1x" xlink:href="https://evil.example/">t</p>', '<p>t</p>'],
    ]);
  });

  it('drops SVG and MathML with their links; xlink:href never stays on a link', () => {
    sanitizes([
      ['<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>after', 'after'], ['<svg><use href="https://evil.example/s.svg#i"/></svg>after', 'after'],
      ['<svg><image xlink:href="https://evil.example/i.png"></image>after', 'after'],
      ['<math><a xlink:href="javascript:alert(1)">x</a></math>after', 'after'], ['<use href="https://evil.example/s.svg#i"></use>t', 't'],
      ['<a xlink:href="javascript:alert(1)" href="https://example.com/">x</a>', '<a href="https://example.com/">x</a>'],
    ]);
  });
});

describe('sanitizer: CSS in style attributes', () => {
  it('drops every style but a table cell\'s text-align, whatever url() hides in it', () => {
    sanitizes([
      ['<p style="background:url(https://evil.example/a.png)">t</p>', '<p>t</p>'], ['<td style="BACKGROUND:URL(https://evil.example/a.png)">v</td>', '<td>v</td>'],
      ['<td style="background:u\\rl(https://evil.example/a.png)">v</td>', '<td>v</td>'],
      ['<td style="text-align:left;background:url(https://evil.example/a.png)">v</td>', '<td>v</td>'],
      ['<td style="background:url(https://evil.example/a.png);text-align:left">v</td>', '<td>v</td>'],
      ['<td style="text-align:url(https://evil.example/a.png)">v</td>', '<td>v</td>'], ['<th style="text-align:\\72 ight">h</th>', '<th>h</th>'],
      ['<p style="text-align:left">t</p>', '<p>t</p>'],
      ['<td style="">v</td><td style=";">v</td><td style="text-align:">v</td><td style=":left">v</td>', '<td>v</td><td>v</td><td>v</td><td>v</td>'],
      ['<td style="text-align:left:right">v</td><td style="text-align;left">v</td>', '<td>v</td><td>v</td>'],
    ]);
  });

  it('keeps text-align (trimmed, references decoded) and align on th and td only', () => {
    sanitizes([
      ['<th style=" text-align: left; ">h</th>', '<th style="text-align: left;">h</th>'], ['<td style="text-align:center">v</td>', '<td style="text-align:center">v</td>'],
      ['<td style="text-align : center">v</td>', '<td style="text-align : center">v</td>'], ['<td style="Text-Align:RIGHT;">v</td>', '<td style="Text-Align:RIGHT;">v</td>'],
      ['<td style="text-align&colon;right">v</td>', '<td style="text-align:right">v</td>'],
      // align=left|right|center, on table cells only.
      ['<th align="center">h</th><td align="RIGHT">v</td><td align="left">v</td>', '<th align="center">h</th><td align="RIGHT">v</td><td align="left">v</td>'],
      ['<td align="justify">v</td><td align=" left">v</td><td align="lefty">v</td><p align="left">t</p>', '<td>v</td><td>v</td><td>v</td><p>t</p>'],
    ]);
  });
});

describe('sanitizer: URL schemes hidden behind character references', () => {
  it('removes a javascript: href however it is encoded, keeping the link text', () => {
    const hidden = [
      '&#106;avascript:alert(1)', '&#106avascript:alert(1)', '&#x6A;avascript:alert(1)', '&#X6a;avascript:alert(1)',
      '&#0000000000000106;avascript:alert(1)', 'java&#x09;script:alert(1)', 'java&#x9script:alert(1)', 'java&#9script:alert(1)',
      'java&Tab;script:alert(1)', 'java&tab;script:alert(1)', 'java&NewLine;script:alert(1)', 'javascript&colon;alert(1)',
      'javascript&colon//%0aalert(1)', 'javascript&#58;alert(1)', 'javascript&#x3A;alert(1)', 'JaVaScRiPt:alert(1)', '&#74;AVASCRIPT:alert(1)',
      '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)', '  javascript:alert(1)', '\u0001javascript:alert(1)',
      '&#1;javascript:alert(1)', '&#x20;javascript:alert(1)', '\njava\rscript:alert(1)', 'java\u007fscript:alert(1)', '&nbsp;javascript:alert(1)',
      'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD4=', '&#100;ata:text/html,x', 'file:///etc/passwd', 'blob:https://example.com/x', 'ftp://example.com/',
    ];
    for (const href of hidden) assert.equal(sanitizeRenderedHtml(`<a href="${href}" title="t">x</a>`), '<a title="t">x</a>', href);
  });

  it('removes hidden schemes from image sources and keeps only inline images', () => {
    sanitizes([
      ['<img src="&#106;avascript:alert(1)" alt="a">', 'a'], ['<img src="javascript:alert(1)" alt="a">', 'a'],
      ['<img src="&#100;ata:text/html;base64,PHNjcmlwdD4=" alt="a">', 'a'], [`<img src=" ${PNG}" alt="a">`, 'a'],
      ['<img src="&#100;ata:image/png;base64,AA==" alt="a">', `<img src="${PNG}" alt="a">`],
    ]);
  });

  it('reads each scheme once decoded: what it checks is what it writes', () => {
    sanitizes([
      ['<a href="h&#116;tps://example.com/">x</a>', '<a href="https://example.com/">x</a>'], ['<a href="https&colon;//example.com/">x</a>', '<a href="https://example.com/">x</a>'],
      ['<a href="https://example.com/?a=1&amp;b=&lt;2&gt;&quot;">x</a>', '<a href="https://example.com/?a=1&amp;b=&lt;2&gt;&quot;">x</a>'],
      ['<p title="&#106avascript">t</p>', '<p title="javascript">t</p>'], ['<p title="&constructor;">t</p>', '<p title="&amp;constructor;">t</p>'],
    ]);
  });
});

describe('sanitizer: what it keeps', () => {
  it('keeps http(s), mailto, tel and #anchor links as written', () => {
    for (const href of ['https://example.com/a', 'http://example.com/', 'HTTP://EXAMPLE.COM/', 'mailto:sales@example.com?subject=Q-1', 'tel:+86-21-5555-0100', '#terms', '#', '  https://example.com/']) assert.equal(sanitizeRenderedHtml(`<a href="${href}">x</a>`), `<a href="${href}">x</a>`, href);
  });

  it('removes relative, protocol-relative and empty hrefs (they lead nowhere in a file sent away)', () => {
    for (const href of ['../0002-adr.md', 'docs/a.md', '/abs/path', './x', '?q=1', '//evil.example/x', 'docs/a:b', '', ' #x']) assert.equal(sanitizeRenderedHtml(`<a href="${href}" id="l">x</a>`), '<a id="l">x</a>', href);
  });

  it('keeps the allowed elements with id, title, lang and dir, and nothing else', () => {
    const elements = [
      'abbr', 'b', 'blockquote', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
      'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 's', 'samp', 'small', 'span',
      'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'var', 'a',
    ];
    const extra = `class="c" data-line="3" onclick="x()" style="color:red" href="/x" src="${PNG}" alt="a" open`;
    for (const name of elements) {
      const upper = name.toUpperCase();
      assert.equal(sanitizeRenderedHtml(`<${upper} ID="i" ${extra} title="t" lang="en" dir="RTL">z</${upper}>`), `<${name} id="i" title="t" lang="en" dir="RTL">z</${name}>`, name);
    }
    sanitizes([
      ['<br id="i" onclick="x()">a</br><hr class="c">b</hr><wbr title="w">c</wbr>', '<br id="i">a<hr>b<wbr title="w">c'], [`<img src="${PNG}">x</img>`, `<img src="${PNG}">x`],
    ]);
  });

  it('drops the tag of any other element and keeps its text', () => {
    const others = ['html', 'body', 'main', 'section', 'article', 'nav', 'header', 'footer', 'form', 'button', 'label', 'input', 'option', 'font', 'center', 'marquee', 'link', 'base', 'embed', 'frame', 'area', 'map', 'dialog', 'slot', 'x-widget'];
    for (const name of others) assert.equal(sanitizeRenderedHtml(`<${name} id="i" title="t">text</${name}>`), 'text', name);
  });

  it('keeps colspan, rowspan, start, width and height of up to four digits, and dir as ltr, rtl or auto', () => {
    sanitizes([
      ['<td colspan="2" rowspan="9999">v</td><ol start="0"><li>a</li></ol>', '<td colspan="2" rowspan="9999">v</td><ol start="0"><li>a</li></ol>'],
      ['<p width="10" height="20" start="1" colspan="1" rowspan="1">t</p>', '<p width="10" height="20" start="1" colspan="1" rowspan="1">t</p>'],
      ['<td colspan="12345" rowspan="2a" width="-1" height="" start=" 3">v</td><td colspan="1.5" rowspan="x2">v</td>', '<td>v</td><td>v</td>'],
      // dir only as ltr, rtl or auto.
      ['<p dir="ltr">a</p><p dir="Auto">b</p><p dir="rtl">c</p>', '<p dir="ltr">a</p><p dir="Auto">b</p><p dir="rtl">c</p>'],
      ['<p dir="ltr ">a</p><p dir="xltr">b</p><p dir="rtlx">c</p><p dir="">d</p>', '<p>a</p><p>b</p><p>c</p><p>d</p>'],
    ]);
  });

  it('keeps alt, src and href only on the element they belong to', () => {
    sanitizes([
      [`<p alt="a" src="${PNG}" href="https://example.com/">t</p>`, '<p>t</p>'],
      [`<img src="${PNG}" alt="a" title="t" width="16" height="16" onerror="x()" srcset="https://evil.example/a.png 2x" loading="lazy">`, `<img src="${PNG}" alt="a" title="t" width="16" height="16">`],
      [`<img alt="first" src="${PNG}" id="i">`, `<img alt="first" src="${PNG}" id="i">`],
      ['<p id="a" id="b">t</p><a href="https://a.example/" href="javascript:x()">y</a>', '<p id="a" id="b">t</p><a href="https://a.example/">y</a>'],
    ]);
  });

  it('keeps inline images of the known types only, in base64', () => {
    for (const type of ['png', 'jpeg', 'gif', 'webp', 'svg+xml']) assert.equal(sanitizeRenderedHtml(`<img src="data:image/${type};base64,PHN2Zz4=">`), `<img src="data:image/${type};base64,PHN2Zz4=">`, type);
    sanitizes([
      ['<img src="DATA:IMAGE/SVG+XML;BASE64,PHN2Zz4=">', '<img src="DATA:IMAGE/SVG+XML;BASE64,PHN2Zz4=">'],
      ['<img src="data:image/png;base64,AA\nAA==">', '<img src="data:image/png;base64,AA\nAA==">'], ['<img src="data:image/png;base64,">', '<img src="data:image/png;base64,">'],
      ['<img src="data:image/jpg;base64,AA==" alt="1"><img src="data:image/svg;base64,AA==" alt="2"><img src="data:image/bmp;base64,AA==" alt="3">', '123'],
      ['<img src="data:image/png,AA==" alt="1"><img src="data:image/png;base64,AA==%3C" alt="2"><img src="xdata:image/png;base64,AA==" alt="3">', '123'],
      [`<img src="https://evil.example/p.gif" src="${PNG}">`, `<img src="${PNG}">`], [`<img src="${PNG}" src="https://evil.example/p.gif">`, `<img src="${PNG}">`],
    ]);
  });

  it('writes an image it drops as its first alt text, escaped', () => {
    sanitizes([
      ['<img alt="a&amp;b<c>&quot;" src="logo.png">', 'a&amp;b&lt;c&gt;&quot;'],
      ['<img alt="one" alt="two">', 'one'], ['<img alt="" src="logo.png">', ''], ['<img src="logo.png">', ''],
    ]);
  });

  it('escapes &, <, > and " in every value it writes, leaves text as it was, and writes plain end tags', () => {
    assert.equal(escapeHtml('a&b<c>d"e\'f&<>"'), 'a&amp;b&lt;c&gt;d&quot;e\'f&amp;&lt;&gt;&quot;');
    sanitizes([
      ['<p title="a&amp;b<c>d&quot;e\'f">t</p>', '<p title="a&amp;b&lt;c&gt;d&quot;e\'f">t</p>'],
      // End tags of kept elements only, in lower case and without attributes.
      ['<P>a</P class="x"></section></img></br>b', '<p>a</p>b'], ['Tom & "Jerry" > 3', 'Tom & "Jerry" > 3'],
    ]);
  });
});

describe('sanitizer: reading tags as a browser does', () => {
  it('splits HTML into tags with decoded values, text and comments, and no empty text', () => {
    assert.deepEqual(tokenizeHtml('<p title="a&amp;b">x</p><!-- c --><br>'), [
      { kind: 'start', name: 'p', attributes: [{ name: 'title', value: 'a&b' }] }, { kind: 'text', text: 'x' }, { kind: 'end', name: 'p' },
      { kind: 'comment' }, { kind: 'start', name: 'br', attributes: [] },
    ]);
  });

  it('reads quoted, unquoted, spaced and bare attributes', () => {
    sanitizes([
      ['<p title=x/id=y>t</p>', '<p title="x/id=y">t</p>'], ['<p title=\'single "q"\'>t</p>', '<p title="single &quot;q&quot;">t</p>'],
      ['<p title=unquoted>t</p><p title=a/b>u</p>', '<p title="unquoted">t</p><p title="a/b">u</p>'], ['<p title = "spaced" >t</p>', '<p title="spaced">t</p>'],
      ['<p title>t</p><p title="x"id="y">u</p><p/title="z">v</p>', '<p title="">t</p><p title="x" id="y">u</p><p title="z">v</p>'],
      ['<p = id="y">t</p>', '<p id="y">t</p>'], ['<p title/>t</p><p title=a id=b>u</p>', '<p title="">t</p><p title="a" id="b">u</p>'],
      ['<br/><br /><p title="x>y">t</p>', '<br><br><p title="x&gt;y">t</p>'],
    ]);
  });

  it('ends a tag name at any HTML space, but not at a vertical tab', () => {
    for (const space of [' ', '\t', '\n', '\r', '\f']) assert.equal(sanitizeRenderedHtml(`<p${space}title="a">t</p>`), '<p title="a">t</p>', JSON.stringify(space));
    assert.equal(sanitizeRenderedHtml('<p\u000btitle="a">t</p>'), 't</p>');
  });

  it('opens a tag at any ASCII letter, at nothing next to one, and keeps a tag cut off at the end', () => {
    sanitizes([['<a>1</a><z>2</z><A>3</A><Z>4</Z>', '<a>1</a>2<a>3</a>4'], ['<@<[<`<{<1', '&lt;@&lt;[&lt;`&lt;{&lt;1']]);
    // A tag cut off at the end is kept, with the text up to it.
    sanitizes([['a<p title="x', 'a<p title="x">'], ['a<p title=x', 'a<p title="x">'], ['a<p', 'a<p>'], ['a<p ', 'a<p>']]);
  });

  it('escapes a "<" that opens no tag and drops comments and bogus comments', () => {
    sanitizes([
      ['1 < 2 and 3 <= 4 <', '1 &lt; 2 and 3 &lt;= 4 &lt;'], ['a</ p>b</3>c</>d', 'abcd'],
      ['a<?xml version="1.0"?>b<!DOCTYPE html>c<![CDATA[x]]>d<!x>e', 'abcde'], ['a<!-- x -->b<!---->c<!-- <p>x</p> --><p>d</p>', 'abc<p>d</p>'],
      ['a<!-x>b</ x="y>z">c', 'abz">c'], ['a<!-- x', 'a'], ['a<!doctype', 'a'], ['a</', 'a'],
    ]);
  });

  it('drops the elements that run, load or are not text, with all inside them', () => {
    const dropped = ['script', 'style', 'iframe', 'frameset', 'object', 'applet', 'noscript', 'noembed', 'noframes', 'template', 'textarea', 'select', 'title', 'svg', 'math', 'xmp', 'plaintext', 'head', 'audio', 'video', 'canvas'];
    for (const name of dropped) assert.equal(sanitizeRenderedHtml(`a<${name} id="i"><p>in</p></${name}>b`), 'ab', name);
  });

  it('matches each dropped element with its own end tag', () => {
    sanitizes([
      ['<svg><svg>in</svg>in</svg>b', 'b'], ['<select><option>A</option><p>kept</p>', 'A<p>kept</p>'], ['<select><b>A</b>', '<b>A</b>'],
      ['<script><style></script>b</style>c', 'bc'], ['<p>a<script>x</p>y</script>b</p>', '<p>ab</p>'],
    ]);
  });
});

describe('sanitizer: character references and URL schemes', () => {
  it('decodes numeric references by the digits of their base, with or without ";"', () => {
    gives(decodeEntities, [
      ['&#106;avascript:alert(1)', 'javascript:alert(1)'], ['&#106avascript:alert(1)', 'javascript:alert(1)'],
      ['&#x6A;avascript:', 'javascript:'], ['&#X6a;avascript:', 'javascript:'],
      // The hex digits run on: 6, A, a, so 0x6AA (U+06AA) and then "vascript:", as in a browser.
      ['&#x6Aavascript:', '\u06aavascript:'], ['java&#x09;script:', 'java\tscript:'], ['java&#x9script:', 'java\tscript:'], ['java&#9script:', 'java\tscript:'],
      ['&#0000000000000106;', 'j'], ['&#65;;&#66', 'A;B'], ['&#38;#106;', '&#106;'], ['&#1;&#1114111;&#x10FFFF;', '\u0001\u{10ffff}\u{10ffff}'],
      ['&#0;&#x0;&#1114112;&#x110000;&#;&#x;&#xg;&#', '&#0;&#x0;&#1114112;&#x110000;&#;&#x;&#xg;&#'],
    ]);
  });

  it('decodes the named references that can hide a scheme, in any case, and no others', () => {
    gives(decodeEntities, [
      ['java&Tab;script&colon;x', 'java\tscript:x'], ['java&NewLine;script&COLON;x', 'java\nscript:x'],
      ['a&amp;b&lt;c&gt;d&quot;e&apos;f&nbsp;g&sol;h&period;i', 'a&b<c>d"e\'f\u00a0g/h.i'],
      ['&colon/&amp;;', ':/&;'], ['javascript&colonx', 'javascript&colonx'], ['&amp9;&lt1', '&amp9;&lt1'],
      ['&constructor;&hasOwnProperty;&__proto__;&copy;', '&constructor;&hasOwnProperty;&__proto__;&copy;'],
      ['&&amp;', '&&'], ['0123456789abcdef&amp;', '0123456789abcdef&'], ['no references', 'no references'],
    ]);
  });

  it('reads a scheme past the spaces and controls a browser skips', () => {
    gives(urlScheme, [
      ['\u007fjavascript:x', 'javascript'], ['java\u007fscript:x', 'javascript'], ['\u0000\u001f javascript:x', 'javascript'],
      ['a+b.c-D9:x', 'a+b.c-d9'], ['1abc:x', ''], [':x', ''], ['ab_c:x', ''], ['?a:b', ''], ['noscheme', ''], ['\u00a0javascript:x', ''],
    ]);
  });
});

describe('sanitizer: the last check finds what would load or run', () => {
  it('finds a meta refresh, in any case, and no other meta', () => {
    const refresh = ['<meta http-equiv="refresh">'];
    gives(activeContent, [
      ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', refresh], ['<META HTTP-EQUIV="REFRESH" content="5">', refresh],
      ['<meta http-equiv="content-type" content="text/html"><meta charset="utf-8">', []],
    ]);
  });

  it('finds each element that runs or loads', () => {
    for (const name of ['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'link', 'base', 'form']) assert.deepEqual(activeContent(`<${name.toUpperCase()}>`), [`<${name}>`], name);
    assert.deepEqual(activeContent('<svg><math><meta charset="utf-8"><style></style><img alt="a"><a href="https://example.com/">l</a>'), []);
  });

  it('finds each loading attribute unless its value is an inline data: URI', () => {
    for (const name of ['src', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'xlink:href']) {
      assert.deepEqual(activeContent(`<x ${name}="https://evil.example/a">`), [`${name}="https://evil.example/a" on <x>`], name);
      assert.deepEqual(activeContent(`<x ${name}=" DATA:image/png;base64,AA==">`), [], name);
    }
    gives(activeContent, [
      ['<img src="&#104;ttps://evil.example/a.png" onerror="x()">', ['src="https://evil.example/a.png" on <img>', 'onerror= on <img>']],
      ['<button formaction="https://evil.example/">', ['formaction="https://evil.example/" on <button>']], ['<img src="database.png">', ['src="database.png" on <img>']],
    ]);
  });

  it('finds event handlers and hrefs outside <a>, SVG ones included', () => {
    gives(activeContent, [
      ['<p onclick="x()" ONMOUSEOVER=y>', ['onclick= on <p>', 'onmouseover= on <p>']],
      [
        '<svg onload="x()"><image href="https://evil.example/i.png"/><use xlink:href="https://evil.example/s.svg#i"/></svg>',
        ['onload= on <svg>', 'href="https://evil.example/i.png" on <image>', 'xlink:href="https://evil.example/s.svg#i" on <use>'],
      ],
    ]);
  });

  it('finds url(), @import and CSS escapes in a style attribute, but not text-align', () => {
    gives((value) => activeContent(`<td style="${value}">`), [
      ['background:URL(https://evil.example/a.png)', ['style="background:URL(https://evil.example/a.png)" on <td>']],
      ['background:url  (x)', ['style="background:url  (x)" on <td>']], ['@IMPORT x', ['style="@IMPORT x" on <td>']],
      ['background:u\\rl(https://evil.example/a.png)', ['style="background:u\\rl(https://evil.example/a.png)" on <td>']], ['text-align:left', []],
    ]);
  });

  it('finds url() and @import in a <style> only, comments inside it included', () => {
    const inStyle = ['url() or @import in a <style>'];
    gives(activeContent, [
      ['<STYLE>p{background:URL (x)}</STYLE>', inStyle], ['<style>@IMPORT "x";</style>', inStyle],
      ['<style><!-- x -->p{background:url(x)}</style>', inStyle], ['<p>url(x) and @import</p><style>a{}</style>url(x)', []],
    ]);
  });
});
