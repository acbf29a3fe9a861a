import * as vscode from 'vscode';
import { parseTagList, tagKey, uniqueTags } from './core/capabilities';
import { CancelledError } from './core/errors';
import { FIELD_LIMITS } from './core/fieldLimits';
import { usedCapabilities } from './assessments';
import { askText } from './prompts';

const MAX_TAG = FIELD_LIMITS.capabilityTag;
const MAX_TAGS = FIELD_LIMITS.capabilities;

/** Typed tags: each at most 60 characters, at most 30 of them. */
function validateTags(value: string): string | undefined {
  const tags = parseTagList(value);
  if (tags.some((tag) => tag.length > MAX_TAG)) return vscode.l10n.t('At most {0} characters.', MAX_TAG);
  if (tags.length > MAX_TAGS) return vscode.l10n.t('At most {0} tags.', MAX_TAGS);
  return undefined;
}

async function typeTags(title: string): Promise<string[]> {
  const text = await askText({
    title,
    prompt: vscode.l10n.t('Capability tags (optional), separated by commas'),
    placeHolder: vscode.l10n.t('e.g. data-push, single-sign-on'),
    validate: validateTags,
  });
  return parseTagList(text);
}

/**
 * The request's capability tags: a multi-pick of the tags the workspace's
 * assessments already use (most customers first; `selected` checked), with
 * "New tags…" to type more; with none used yet, just the typed list. Enter
 * with nothing chosen means no tags; Escape cancels the command, as at every
 * other prompt.
 */
export async function askCapabilities(options: { title: string; step?: number; totalSteps?: number; selected?: readonly string[] }): Promise<string[]> {
  const title = options.step ? `${options.title} (${options.step}/${options.totalSteps})` : options.title;
  const selected = uniqueTags(options.selected ?? [], Infinity);
  const selectedKeys = new Set(selected.map(tagKey));
  const used = await usedCapabilities();
  const usedKeys = new Set(used.map((use) => tagKey(use.tag)));
  if (used.length === 0 && selected.length === 0) return typeTags(title);

  type Item = vscode.QuickPickItem & { tag?: string; typeNew?: boolean };
  const items: Item[] = [
    { label: `$(add) ${vscode.l10n.t('New tags…')}`, typeNew: true },
    { label: vscode.l10n.t('Used in this workspace'), kind: vscode.QuickPickItemKind.Separator },
    // This request's tags that no saved assessment carries yet (typed in the editor, unsaved) come first.
    ...selected.filter((tag) => !usedKeys.has(tagKey(tag))).map((tag) => ({ label: tag, tag, picked: true })),
    ...used.map((use) => ({
      label: use.tag,
      description: use.customers.join(', '),
      tag: use.tag,
      picked: selectedKeys.has(tagKey(use.tag)),
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Capability tags (optional): check the ones that fit this request'),
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (!picked) throw new CancelledError();
  // The request's tags that stay checked keep their order and spelling; newly checked ones follow.
  const pickedKeys = new Set(picked.flatMap((item) => (item.tag ? [tagKey(item.tag)] : [])));
  const tags = [...selected.filter((tag) => pickedKeys.has(tagKey(tag))), ...picked.flatMap((item) => (item.tag && !selectedKeys.has(tagKey(item.tag)) ? [item.tag] : []))];
  if (picked.some((item) => item.typeNew)) tags.push(...(await typeTags(title)));
  return uniqueTags(tags, MAX_TAGS);
}
