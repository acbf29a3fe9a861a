/** Document and message languages the product ships. */
export const LANGS = ['en', 'zh-cn'] as const;
export type Lang = (typeof LANGS)[number];

/** Maps a VS Code display language (`vscode.env.language`) to one we ship; Chinese variants get zh-cn. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^zh\b/i.test(locale) ? 'zh-cn' : 'en';
}

/** BCP 47 tag for Intl formatting of a document language. */
export function intlLocale(lang: Lang): string {
  return lang === 'zh-cn' ? 'zh-CN' : 'en-US';
}

/** A message in both languages; core code returns these so the adapter can pick the user's. */
export interface Bilingual {
  en: string;
  'zh-cn': string;
}
