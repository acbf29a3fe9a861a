// The README that ships in the .vsix, made from README.md at package time.
//
// The extension's page in VS Code shows the packaged README in a webview whose
// policy loads images only from https: and data:, and whose links open only
// when they are http:, https: or mailto:. A relative path, which reads well on
// the repository's own page, is a broken image or a dead link there, whether or
// not the file ships; vsce refuses data: images, and this project has no public
// address to point images at. So the packaged copy leaves the repository's
// screenshots out and keeps a relative link's text without the link.

/** A target the extension's page can follow or show: a web or mail address, or a heading of the page itself. */
export function isPageSafeTarget(/** @type {string} */ target) {
  return /^(https?:|mailto:|#)/i.test(target);
}

/**
 * The packaged README's text.
 * @param {string} markdown README.md's text
 * @returns {string}
 */
export function packagedReadme(markdown) {
  // Each pattern is one pass over the text, without nested repetition.
  return (
    markdown
      // A screenshot on a line of its own goes with its line.
      .replace(/^[ \t]*<img\b[^>\n]*\bsrc="(?!https:)[^"\n]*"[^>\n]*>[ \t]*\n/gm, '')
      .replace(/<img\b[^>\n]*\bsrc="(?!https:)[^"\n]*"[^>\n]*>/g, '')
      .replace(/!\[[^\]\n]*\]\((?!https:)[^)\s]*\)/g, '')
      // What held only screenshots is left out too.
      .replace(/^<p>[ \t]*\n<\/p>[ \t]*\n/gm, '')
      // [text](relative target): its text alone.
      .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, (all, text, target) => (isPageSafeTarget(target) ? all : text))
      .replace(/\n{3,}/g, '\n\n')
  );
}

/**
 * Every image source and link target of a README that VS Code's extension page could not show or follow.
 * @param {string} markdown
 * @returns {string[]}
 */
export function unsafeTargets(markdown) {
  const images = [...markdown.matchAll(/<img\b[^>\n]*\bsrc="([^"\n]*)"/g), ...markdown.matchAll(/!\[[^\]\n]*\]\(([^)\s]*)\)/g)].map((m) => m[1]).filter((src) => !/^https:/i.test(src));
  const links = [...markdown.matchAll(/\]\(([^)\s]*)\)/g), ...markdown.matchAll(/\bhref="([^"\n]*)"/g)].map((m) => m[1]).filter((target) => !isPageSafeTarget(target));
  return [...new Set([...images, ...links])];
}
