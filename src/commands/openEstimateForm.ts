import * as vscode from 'vscode';
import { chooseAssessment, type AssessmentRef } from '../assessments';
import { parseCommandArgs } from '../commandArgs';
import { openEstimateFormArgsSchema } from '../core/schema';
import type { EstimateViewProvider } from '../views/estimateView';

export const OPEN_ESTIMATE_FORM_COMMAND = 'customRequest.openEstimateForm';

/** Arguments for `customRequest.openEstimateForm`. */
export interface OpenEstimateFormArgs {
  /** the assessment: URI or path; default: the active editor's, or asked */
  assessment?: AssessmentRef;
}

/** Opens the side bar's estimate form on an assessment. */
export function openEstimateForm(view: EstimateViewProvider) {
  return async (input: OpenEstimateFormArgs | vscode.Uri = {}): Promise<void> => {
    // From an editor's title or the explorer, VS Code passes the file's URI.
    const args = parseCommandArgs(openEstimateFormArgsSchema, input instanceof vscode.Uri ? { assessment: input } : input, OPEN_ESTIMATE_FORM_COMMAND) as OpenEstimateFormArgs;
    const { uri } = await chooseAssessment(args.assessment, vscode.l10n.t('Estimate'));
    await view.show(uri);
  };
}
