import * as vscode from 'vscode';
import { DeskError } from './core/errors';
import type { Bilingual } from './core/lang';
import type { TextEdit } from './core/saveEstimate';

/**
 * Applies edits planned on `before` through the document, so undo takes them
 * back: a document that was saved is saved again, one with the user's unsaved
 * edits keeps them unsaved. If the text changed since it was read, or VS Code
 * refuses the edit, nothing is changed and `changed` is the error.
 */
export async function applyThroughDocument(doc: vscode.TextDocument, before: string, wasDirty: boolean, edits: readonly TextEdit[], changed: Bilingual): Promise<void> {
  if (edits.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.text);
  if (doc.getText() !== before || !(await vscode.workspace.applyEdit(edit))) throw new DeskError('unsaved-document', changed);
  if (!wasDirty && doc.isDirty) await doc.save();
}
