/**
 * Parsed assessment front matter, kept per file while the file's text stays
 * the same. Parsing YAML and checking it against the schema costs about a
 * millisecond per assessment, so with 2,000 of them the Custom Requests
 * index, the register and the quote numbers would each spend seconds on it;
 * with this cache each text is parsed once per window, and a command that
 * reads the files from disk again (to work from what is on disk) parses only
 * those whose text changed. A failure is kept too and thrown again.
 *
 * Only the front matter counts (the text up to its closing line): an edit
 * to the body parses nothing again, and a reader may pass just the front
 * matter (see readHeadSync) where another passes the whole file.
 */
import { frontMatterHead } from './frontMatterFence';
import type { AssessmentFrontMatter } from './schema';

interface Cached {
  text: string;
  frontMatter?: AssessmentFrontMatter;
  error?: unknown;
}

export class FrontMatterCache {
  private readonly byKey = new Map<string, Cached>();

  constructor(private readonly parse: (text: string, file: string) => AssessmentFrontMatter) {}

  /** The front matter of `fullText` (or of its head), for the file `key` (shown as `file` in messages); parsed again only when the text changed. */
  frontMatter(key: string, file: string, fullText: string): AssessmentFrontMatter {
    const cacheKey = `${key}\n${file}`;
    const text = frontMatterHead(fullText) ?? fullText;
    let cached = this.byKey.get(cacheKey);
    if (cached?.text !== text) {
      cached = { text };
      try {
        cached.frontMatter = this.parse(text, file);
      } catch (error) {
        cached.error = error;
      }
      this.byKey.set(cacheKey, cached);
    }
    if (cached.frontMatter) return cached.frontMatter;
    throw cached.error;
  }

  /** Forgets a file (deleted), or every file. */
  forget(key?: string): void {
    if (key === undefined) return this.byKey.clear();
    for (const cacheKey of this.byKey.keys()) if (cacheKey.startsWith(`${key}\n`)) this.byKey.delete(cacheKey);
  }

  get size(): number {
    return this.byKey.size;
  }
}
