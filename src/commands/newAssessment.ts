import * as vscode from 'vscode';
import { parseCommandArgs } from '../commandArgs';
import { newAssessmentArgsSchema } from '../core/schema';
import type { NewAssessmentData } from '../core/assessment';
import { uniqueTags } from '../core/capabilities';
import { clipText, FIELD_LIMITS } from '../core/fieldLimits';
import { CancelledError, DeskError } from '../core/errors';
import type { Lang } from '../core/lang';
import { dirname } from '../core/paths';
import { shortId } from '../core/slug';
import { planNewAssessment } from '../core/workflows';
import { discoverAdrs, readAdr } from '../adrs';
import type { AdrInfo } from '../core/adr';
import { chooseWorkspaceFolder, folderRelative } from '../assessments';
import { askCapabilities } from '../capabilityPrompt';
import { readSettings } from '../config';
import { log } from '../log';
import { askText, limitedText, pickOne, requiredText } from '../prompts';
import { customerPrompt, NEW_ASSESSMENT_STEPS, newAssessmentTitle } from '../firstPrompt';
import { templateSource } from '../templateSource';
import { todayIso } from '../today';
import { uiLang } from '../uiLanguage';
import { createFile, exclusive, WorkspaceFs } from '../workspaceFs';
import { createAdrFor } from './createAdr';

export const NEW_ASSESSMENT_COMMAND = 'customRequest.newAssessment';

/**
 * Arguments for `customRequest.newAssessment`, so scripts and tests can run it
 * without prompts. Any field left out is asked for; `customer` and `title`
 * given together with `adr` skip every prompt. Capability tags are optional:
 * asked only along with the customer, so a script that names the customer and
 * leaves `capabilities` out gets none and no extra prompt.
 */
export interface NewAssessmentArgs {
  /** workspace folder name or URI; default: the only one, or asked */
  workspaceFolder?: string;
  customer?: string;
  title?: string;
  /** who brought the request (sales contact); '' for nobody */
  broughtBy?: string;
  /** deal at stake in major units; a number uses the `customRequest.currency` setting */
  dealSize?: number | { amount: number; currency: string } | null;
  language?: Lang;
  /** related ADR: a workspace-folder-relative path, 'new' to create one, or 'none' */
  adr?: string;
  /** title of the ADR when `adr` is 'new' (default: asked, prefilled from the request) */
  adrTitle?: string;
  /** folder of the ADR when `adr` is 'new', relative to the workspace folder (default: the discovered one, asked when there are several) */
  adrFolder?: string;
  /** capability tags, e.g. ['data-push']; requests of several customers sharing one are productisation candidates in the register */
  capabilities?: string[];
  /** open the new assessment in an editor (default true) */
  open?: boolean;
  /** date to write instead of today, YYYY-MM-DD */
  today?: string;
}

export interface NewAssessmentResult {
  assessment: vscode.Uri;
  adr?: vscode.Uri;
}

const STEPS = NEW_ASSESSMENT_STEPS;

/** A typed deal size: digits with optional grouping, at most 10^12 (the schema's bound). */
function parseDealSize(text: string): number | undefined | 'invalid' {
  const clean = text.replace(/[,\s_]/g, '');
  if (clean === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(clean) || Number(clean) > 1e12) return 'invalid';
  return Number(clean);
}

/** The customer's answer when src/extension.ts showed the first prompt itself (undefined: Escape). */
async function answeredCustomer(answer: Thenable<string | undefined>): Promise<string> {
  const customer = await answer;
  if (customer === undefined) throw new CancelledError();
  return customer.trim();
}

/**
 * `answered.customer`: the first prompt was shown before the desk loaded (see
 * src/extension.ts); its answer stands in for step 1, everything else is as without it.
 */
export function newAssessment(extensionUri: vscode.Uri, answered?: { customer: Thenable<string | undefined> }) {
  return async (input: NewAssessmentArgs = {}): Promise<NewAssessmentResult> => {
    const args = parseCommandArgs(newAssessmentArgsSchema, input, NEW_ASSESSMENT_COMMAND) as NewAssessmentArgs;
    const folder = await chooseWorkspaceFolder(args.workspaceFolder);
    const settings = readSettings(folder.uri);
    const title = newAssessmentTitle();

    const customer = args.customer?.trim() || (answered ? await answeredCustomer(answered.customer) : await askText(customerPrompt()));
    const requestTitle =
      args.title?.trim() ||
      (await askText({ title, step: 2, totalSteps: STEPS, prompt: vscode.l10n.t('The request, in one line as sales put it'), placeHolder: vscode.l10n.t('e.g. Push robot data to their platform instead of using our open API'), validate: requiredText(FIELD_LIMITS.title) }));
    const broughtBy =
      args.broughtBy ??
      (await askText({ title, step: 3, totalSteps: STEPS, prompt: vscode.l10n.t('Who brought it (optional)'), placeHolder: vscode.l10n.t('e.g. Wang, Sales Director'), validate: limitedText(FIELD_LIMITS.broughtBy) }));

    let dealSize: NewAssessmentData['dealSize'];
    if (args.dealSize !== undefined) {
      if (args.dealSize !== null) dealSize = typeof args.dealSize === 'number' ? { amount: args.dealSize, currency: settings.currency } : args.dealSize;
    } else {
      const text = await askText({
        title,
        step: 4,
        totalSteps: STEPS,
        prompt: vscode.l10n.t('Deal size in {0} (optional)', settings.currency),
        placeHolder: vscode.l10n.t('e.g. 1,200,000'),
        validate: (v) => (parseDealSize(v) === 'invalid' ? vscode.l10n.t('Enter an amount such as 1200000, or leave it empty.') : undefined),
      });
      const amount = parseDealSize(text);
      if (typeof amount === 'number') dealSize = { amount, currency: settings.currency };
    }

    const preferred: Lang = settings.defaultLanguage === 'auto' ? uiLang() : settings.defaultLanguage;
    const language: Lang =
      args.language ??
      (
        await pickOne(
          [
            { label: 'English', lang: 'en' as Lang },
            { label: '简体中文', lang: 'zh-cn' as Lang },
          ].sort((a, b) => Number(b.lang === preferred) - Number(a.lang === preferred)),
          { title, step: 5, totalSteps: STEPS, placeHolder: vscode.l10n.t('Document language') },
        )
      ).lang;

    const fs = new WorkspaceFs(folder.uri);
    // Made now, so its one look for workspace overrides runs while the ADR is read.
    const templates = templateSource(extensionUri, folder.uri, settings.templatesFolder);
    let relatedAdr: AdrInfo | undefined;
    let wantsNewAdr = false;
    if (args.adr === 'new') wantsNewAdr = true;
    else if (args.adr && args.adr !== 'none') {
      relatedAdr = await readAdr(folder, args.adr.replace(/^\.\//, ''));
      if (!relatedAdr) {
        throw new DeskError('adr-not-found', {
          en: `No ADR was found at ${args.adr} in ${folder.name}.`,
          'zh-cn': `在 ${folder.name} 中找不到 ADR ${args.adr}。`,
        });
      }
    } else if (args.adr === undefined) {
      const discovered = await discoverAdrs(folder, settings);
      type Item = vscode.QuickPickItem & { adr?: AdrInfo; action?: 'new' | 'none' };
      const items: Item[] = [
        { label: `$(add) ${vscode.l10n.t('Create a new ADR')}`, action: 'new' },
        { label: `$(circle-slash) ${vscode.l10n.t('No related ADR')}`, action: 'none' },
      ];
      if (discovered.length > 0) items.push({ label: vscode.l10n.t('Existing ADRs'), kind: vscode.QuickPickItemKind.Separator });
      for (const adr of discovered) {
        items.push({
          label: adr.number !== undefined ? `${adr.number}. ${adr.title}` : adr.title,
          description: [adr.status, adr.date].filter(Boolean).join(' · '),
          detail: folderRelative(folder, fs.uri(adr.path)),
          adr,
        });
      }
      const picking = pickOne(items, { title, step: 6, totalSteps: STEPS, placeHolder: vscode.l10n.t('Related ADR') });
      // Logged once the pick is asked for: says where ADRs were looked for (and lets tests know the pick is up).
      log().info(`Related ADR: ${discovered.length} discovered ADRs in ${folder.name}`);
      const picked = await picking;
      relatedAdr = picked.adr;
      wantsNewAdr = picked.action === 'new';
    }

    const capabilities =
      args.capabilities !== undefined
        ? uniqueTags(args.capabilities)
        : args.customer?.trim()
          ? []
          : await askCapabilities({ title, step: 7, totalSteps: STEPS });

    const data: NewAssessmentData = {
      id: shortId(),
      customer,
      title: requestTitle,
      broughtBy,
      ...(dealSize ? { dealSize } : {}),
      language,
      capabilities,
      created: args.today ?? todayIso(),
      adr: relatedAdr
        ? {
            path: folderRelative(folder, fs.uri(relatedAdr.path)),
            number: relatedAdr.number,
            // copies of the ADR's own texts, cut to what the front matter takes: a long ADR title must not make the new assessment unreadable
            title: clipText(relatedAdr.title, FIELD_LIMITS.adrTitle),
            ...(relatedAdr.status !== undefined ? { status: clipText(relatedAdr.status, FIELD_LIMITS.adrStatus) } : {}),
          }
        : null,
    };
    // Choosing a free folder and writing into it run one command at a time, so two requests never share a folder.
    const assessment = await exclusive(async () => {
      for (let attempt = 0; ; attempt++) {
        const plan = await planNewAssessment({
          root: folder.uri.path,
          data,
          adr: relatedAdr,
          exists: (path) => fs.exists(path),
          templates,
          today: data.created,
          settings,
        });
        const uri = fs.uri(plan.assessmentPath);
        try {
          await createFile(uri, plan.file.text);
        } catch (error) {
          // Another writer created it after the folder was chosen: leave it as it is; the next plan sees its folder taken.
          if (attempt < 20 && error instanceof DeskError && error.code === 'file-exists' && (await fs.exists(dirname(plan.assessmentPath)))) {
            log().info(`${plan.assessmentPath} appeared before it was written; choosing the next folder.`);
            continue;
          }
          throw error;
        }
        return uri;
      }
    });

    let adr: vscode.Uri | undefined;
    if (wantsNewAdr) {
      adr = await createAdrFor(extensionUri, { assessment, folder, title: args.adrTitle, adrFolder: args.adrFolder, today: data.created });
    }
    if (args.open !== false) await vscode.window.showTextDocument(assessment, { preview: false });
    return { assessment, ...(adr ? { adr } : {}) };
  };
}
