/**
 * The extension's UI text as a user of each display language sees it: command
 * titles from package.json and package.nls(.zh-cn).json, prompts from the
 * l10n bundle. A Chinese string missing from a bundle fails the test instead
 * of silently asserting on English.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../../src/core/lang';

export const REPO_ROOT = resolve(__dirname, '..', '..');

function readJson<T>(...segments: string[]): T {
  return JSON.parse(readFileSync(join(REPO_ROOT, ...segments), 'utf8')) as T;
}

interface Manifest {
  publisher: string;
  name: string;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    viewsContainers: { activitybar: { id: string; title: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

export class UiText {
  private readonly nls: Record<string, string>;
  private readonly bundle: Record<string, string>;
  private readonly manifest = readJson<Manifest>('package.json');

  constructor(readonly lang: Lang) {
    this.nls = readJson<Record<string, string>>(lang === 'en' ? 'package.nls.json' : `package.nls.${lang}.json`);
    this.bundle = lang === 'en' ? {} : readJson<Record<string, string>>('l10n', `bundle.l10n.${lang}.json`);
  }

  /** The extension id, `<publisher>.<name>`. */
  get extensionId(): string {
    return `${this.manifest.publisher}.${this.manifest.name}`;
  }

  /** A `%key%` placeholder of package.json resolved for this language. */
  private resolveNls(value: string): string {
    const key = /^%(.+)%$/.exec(value)?.[1];
    if (!key) return value;
    const text = this.nls[key];
    if (text === undefined) throw new Error(`package.nls${this.lang === 'en' ? '' : `.${this.lang}`}.json has no "${key}"`);
    return text;
  }

  /** The default of a setting, as contributed in package.json. */
  settingDefault(key: string): unknown {
    const property = this.manifest.contributes.configuration.properties[key];
    if (!property) throw new Error(`package.json contributes no setting ${key}`);
    return property.default;
  }

  /** The title of an activity-bar view container, as its icon's tooltip shows it. */
  containerTitle(id: string): string {
    const container = this.manifest.contributes.viewsContainers.activitybar.find((c) => c.id === id);
    if (!container) throw new Error(`package.json contributes no view container ${id}`);
    return this.resolveNls(container.title);
  }

  /** The name of a contributed view, as its pane header shows it. */
  viewName(id: string): string {
    const view = Object.values(this.manifest.contributes.views).flat().find((v) => v.id === id);
    if (!view) throw new Error(`package.json contributes no view ${id}`);
    return this.resolveNls(view.name);
  }

  /** A command's title without its category, as menus show it. */
  menuTitle(commandId: string): string {
    const command = this.manifest.contributes.commands.find((c) => c.command === commandId);
    if (!command) throw new Error(`package.json contributes no command ${commandId}`);
    return this.resolveNls(command.title);
  }

  /** The palette title of a command, `Category: Title`, as VS Code shows it. */
  commandTitle(commandId: string): string {
    const command = this.manifest.contributes.commands.find((c) => c.command === commandId);
    if (!command) throw new Error(`package.json contributes no command ${commandId}`);
    const title = this.resolveNls(command.title);
    return command.category ? `${this.resolveNls(command.category)}: ${title}` : title;
  }

  /** `vscode.l10n.t(message, ...args)` as the extension shows it in this language. */
  t(message: string, ...args: (string | number)[]): string {
    let text = message;
    if (this.lang !== 'en') {
      const translated = this.bundle[message];
      if (translated === undefined) throw new Error(`l10n/bundle.l10n.${this.lang}.json has no translation of "${message}"`);
      text = translated;
    }
    return text.replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] !== undefined ? String(args[Number(index)]) : whole));
  }
}
