/**
 * New Assessment's first prompt (the customer), shared by the command
 * (src/commands/newAssessment.ts) and the thin entry (src/extension.ts), which
 * shows it before the desk bundle has loaded, so the prompt never waits for
 * yaml, zod or the templates. Kept tiny: it is part of dist/extension.js.
 */
import * as vscode from 'vscode';
import { FIELD_LIMITS } from './core/fieldLimits';
import { requiredText } from './prompts';

export const NEW_ASSESSMENT_STEPS = 7;

export function newAssessmentTitle(): string {
  return vscode.l10n.t('New Custom Request Assessment');
}

/** askText's options for step 1: the customer. */
export function customerPrompt() {
  return {
    title: newAssessmentTitle(),
    step: 1,
    totalSteps: NEW_ASSESSMENT_STEPS,
    prompt: vscode.l10n.t('Customer'),
    placeHolder: vscode.l10n.t('e.g. Northwind Logistics'),
    validate: requiredText(FIELD_LIMITS.customer),
  };
}
