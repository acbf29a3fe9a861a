import * as vscode from 'vscode';
import { chooseAssessment, type AssessmentRef } from '../assessments';
import { askCapabilities } from '../capabilityPrompt';
import { parseCommandArgs } from '../commandArgs';
import { parseAssessment } from '../core/assessment';
import { planCapabilitiesChange } from '../core/capabilities';
import { setCapabilitiesArgsSchema } from '../core/schema';
import { applyThroughDocument } from '../documentEdits';
import type { RequestIndex } from '../requestIndex';

export const SET_CAPABILITIES_COMMAND = 'customRequest.setCapabilities';

/** Arguments for `customRequest.setCapabilities`; a tree node (which carries `assessment`) works too. */
export interface SetCapabilitiesArgs {
  assessment?: AssessmentRef;
  /** the request's tags from now on (none removes them); default: asked, with the workspace's tags to pick from */
  capabilities?: string[];
}

export interface SetCapabilitiesResult {
  capabilities: string[];
}

/**
 * Sets a request's capability tags (what Update Register groups into
 * productisation candidates) through its document, so undo works: a document
 * that was saved is saved again, one with unsaved edits keeps them unsaved.
 */
export function setCapabilities(index: RequestIndex) {
  return async (input: SetCapabilitiesArgs | vscode.Uri = {}): Promise<SetCapabilitiesResult> => {
    const args = parseCommandArgs(setCapabilitiesArgsSchema, input instanceof vscode.Uri ? { assessment: input } : input, SET_CAPABILITIES_COMMAND) as SetCapabilitiesArgs;
    const title = vscode.l10n.t('Set Capability Tags');
    const { uri } = await chooseAssessment(args.assessment, title);
    const doc = await vscode.workspace.openTextDocument(uri);
    const file = vscode.workspace.asRelativePath(uri);
    const tags = args.capabilities ?? (await askCapabilities({ title, selected: parseAssessment(doc.getText(), file).frontMatter.capabilities }));

    const before = doc.getText();
    const wasDirty = doc.isDirty;
    const plan = planCapabilitiesChange(before, file, tags);
    await applyThroughDocument(doc, before, wasDirty, plan.edits, {
      en: `${file} changed while its capability tags were being set; nothing was changed. Try again.`,
      'zh-cn': `设置能力标签时 ${file} 被修改，未做任何改动。请再试一次。`,
    });
    await index.refresh(uri);
    return { capabilities: plan.capabilities };
  };
}
