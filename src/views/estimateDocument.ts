/**
 * The form's reads and writes of an assessment: what to show for it (from
 * the editor's text when it is open, so unsaved edits count) and saving the
 * form's estimate through the document, as small edits that undo can take back.
 */
import * as vscode from 'vscode';
import { splitFrontMatter } from '../core/assessment';
import { DeskError } from '../core/errors';
import { planSaveEstimate } from '../core/saveEstimate';
import { ASSESSMENT_KIND } from '../core/schema';
import { frontMatterRefusal, parseFrontMatterYaml } from '../core/yamlLimits';
import { readSettings } from '../config';
import { templateSource } from '../templateSource';
import { todayIso } from '../today';
import { uiLang } from '../uiLanguage';
import type { FormDefaults } from '../webview/protocol';
import { openDocument } from '../workspaceFs';
import { loadFor, type LoadMessage } from './formMessages';

async function currentText(uri: vscode.Uri): Promise<string> {
  const open = openDocument(uri);
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function workspaceFolderOf(uri: vscode.Uri): vscode.WorkspaceFolder {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    throw new DeskError('outside-workspace', {
      en: `${uri.fsPath} is not inside an open workspace folder.`,
      'zh-cn': `${uri.fsPath} 不在已打开的工作区文件夹中。`,
    });
  }
  return folder;
}

/**
 * What the form shows for an assessment: its estimate as written (possibly
 * wrong: the form shows why, field by field), or the reason the front matter
 * cannot be read at all.
 */
export async function loadMessage(uri: vscode.Uri): Promise<LoadMessage> {
  const relative = vscode.workspace.asRelativePath(uri);
  const settings = readSettings(uri);
  const defaults: FormDefaults = { currency: settings.currency, dayRate: settings.dayRate, roundFeesTo: settings.roundFeesTo, taxRatePercent: settings.taxRatePercent };
  const base = { type: 'load' as const, key: uri.toString(), label: relative, defaults };
  const zh = uiLang() === 'zh-cn';
  let text: string;
  try {
    text = await currentText(uri);
  } catch {
    return { ...base, problem: zh ? `无法读取 ${relative}。` : `${relative} could not be read.` };
  }
  const split = splitFrontMatter(text);
  if (!split) return { ...base, problem: zh ? `${relative} 没有 front matter，不是定制需求评估文件。` : `${relative} has no front matter: it is not a custom request assessment.` };
  // Too long, too deep, not valid YAML or a key twice: the form names the file, the line and why.
  const { document: doc, refusal } = parseFrontMatterYaml(split.yaml);
  if (refusal) {
    const problem = frontMatterRefusal(relative, refusal, { en: 'Fix it in the editor; the form keeps what it shows.', 'zh-cn': '请在编辑器中修正；表单保留当前内容。' });
    return { ...base, problem: zh ? problem['zh-cn'] : problem.en };
  }
  const data = doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || data.kind !== ASSESSMENT_KIND) {
    return { ...base, problem: zh ? `${relative} 不是定制需求评估文件。` : `${relative} is not a custom request assessment.` };
  }
  const dealCurrency = (data.dealSize as { currency?: unknown } | undefined)?.currency;
  if (typeof dealCurrency === 'string' && /^[A-Z]{3}$/.test(dealCurrency)) defaults.currency = dealCurrency;
  // Name, tags and estimate as written, less any field over the front matter's limits (named in the form).
  return loadFor({ key: base.key, file: relative, defaults, frontMatter: data, lang: uiLang() });
}

/**
 * Writes the form's estimate into the assessment through its document: the
 * front matter's estimate and the figures block change, nothing else. A
 * document that was saved before is saved again; one with unsaved edits of
 * the user's keeps them, unsaved. Returns whether the file on disk is now up to date.
 */
export async function saveEstimate(extensionUri: vscode.Uri, uri: vscode.Uri, estimate: unknown): Promise<{ onDisk: boolean }> {
  const folder = workspaceFolderOf(uri);
  const settings = readSettings(folder.uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const before = doc.getText();
  const wasDirty = doc.isDirty;
  const plan = await planSaveEstimate({
    root: folder.uri.path,
    assessmentPath: uri.path,
    assessmentText: before,
    estimate,
    templates: templateSource(extensionUri, folder.uri, settings.templatesFolder),
    today: todayIso(),
    settings,
  });
  if (doc.getText() !== before) {
    throw new DeskError('unsaved-document', {
      en: `${vscode.workspace.asRelativePath(uri)} changed while the estimate was being saved. Save the estimate again.`,
      'zh-cn': `${vscode.workspace.asRelativePath(uri)} 在保存估算时被修改。请再保存一次估算。`,
    });
  }
  if (plan.edits.length > 0) {
    const edit = new vscode.WorkspaceEdit();
    for (const change of plan.edits) edit.replace(uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new DeskError('unsaved-document', {
        en: `VS Code refused the edit of ${vscode.workspace.asRelativePath(uri)}; nothing was changed.`,
        'zh-cn': `VS Code 拒绝修改 ${vscode.workspace.asRelativePath(uri)}；未做任何改动。`,
      });
    }
  }
  if (!wasDirty && doc.isDirty) await doc.save();
  return { onDisk: !doc.isDirty };
}
