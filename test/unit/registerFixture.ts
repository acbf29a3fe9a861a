/**
 * A workspace folder for the register's tests: four requests in four statuses,
 * in CNY and USD, one broken assessment, a tag shared by two customers
 * (`data-push`, spelt `Data Push` by one of them), a tag shared by two
 * customers only after full-width forms are folded (`sso` and `ＳＳＯ`), and
 * a tag carried by two requests of the same customer (`webhooks`, no
 * candidate). Expected figures, worked out by hand:
 *
 * - Acme, push robot data: the worked example (test/unit/workedExample.ts),
 *   NRE CNY 119,000.00, CNY 72,000.00 a year, CNY 263,000.00 over 2 years.
 * - Globex, nightly export: O = M = P = 10 days, so P80 = 10; × USD 1,000 =
 *   USD 10,000.00 NRE (no contingency or margin); 2 releases × 1 day ×
 *   USD 1,000 = USD 2,000.00 a year; × 3 years = 6,000; total USD 16,000.00.
 * - 星河机器人: O = M = P = 20 days × CNY 2,000 = CNY 40,000.00 NRE;
 *   4 releases × 2 days × 2,000 = CNY 16,000.00 a year; × 2 years = 32,000;
 *   total CNY 72,000.00. Its quote recorded an NRE of CNY 35,000.00.
 * - Acme, single sign-on: a draft without an estimate.
 */
import { stringify } from 'yaml';
import { parseAssessment } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import type { RegisterEntry, RegisterInput } from '../../src/core/register';
import { WORKED_EXAMPLE } from './workedExample';

export const REGISTER_PATH = 'docs/custom-requests/README.md';
export const TODAY = '2026-04-30';
const BASE = 'docs/custom-requests';

const common = { kind: 'custom-request-assessment', schemaVersion: 1, broughtBy: '', language: 'en' };

/** Assessment files by path: front matter as YAML above a short body, as the extension writes them. */
export const ASSESSMENT_TEXTS: Record<string, string> = {
  [`${BASE}/2026-03-02-acme-robotics-push-robot-data/assessment.md`]: assessment({
    id: 'a1',
    customer: 'Acme Robotics',
    title: 'Push robot data to their platform',
    capabilities: ['data-push', 'webhooks'],
    created: '2026-03-02',
    status: 'quoted',
    adr: { path: 'doc/adr/0002-offer-an-open-data-api.md', number: 2, title: 'Offer an open data API' },
    estimate: WORKED_EXAMPLE,
    quotes: [
      { number: 'Q-2026-001', revision: 1, path: 'doc/adr/quotes/quote-Q-2026-001-acme-robotics.md', date: '2026-03-05', nreMinor: 11_900_000, currency: 'CNY' },
      // valid for 30 days (the setting): until 2026-04-19, so expired on 2026-04-30 while still "quoted"
      { number: 'Q-2026-001-R2', revision: 2, path: 'doc/adr/quotes/quote-Q-2026-001-R2-acme-robotics.md', date: '2026-03-20', nreMinor: 11_900_000, currency: 'CNY' },
    ],
  }),
  [`${BASE}/2026-03-10-globex-nightly-export/assessment.md`]: assessment({
    id: 'g1',
    customer: 'Globex',
    title: 'Nightly export | CSV to their SFTP',
    capabilities: ['Data Push'],
    created: '2026-03-10',
    status: 'estimated',
    adr: { path: 'docs/architecture decisions/0007-export (nightly).md', title: 'Nightly export' },
    estimate: {
      currency: 'USD',
      workItems: [{ name: 'Export job', role: 'engineer', optimistic: 10, mostLikely: 10, pessimistic: 10 }],
      dayRates: { engineer: 1000 },
      releasesPerYear: 2,
      testingDaysPerRelease: 1,
      supportYears: 3,
      contingencyPercent: 0,
      marginPercent: 0,
    },
  }),
  [`${BASE}/2026-04-01-acme-robotics-single-sign-on/assessment.md`]: assessment({
    id: 'a2',
    customer: 'ACME  robotics',
    title: 'Single sign-on with their [Azure] directory',
    capabilities: ['sso', 'Webhooks'],
    created: '2026-04-01',
    status: 'draft',
    adr: null,
  }),
  [`${BASE}/2026-04-12-星河机器人-数据反向推送/assessment.md`]: assessment({
    id: 'x1',
    customer: '星河机器人',
    title: '数据反向推送到自有平台',
    capabilities: ['ＳＳＯ'],
    language: 'zh-cn',
    created: '2026-04-12',
    status: 'accepted',
    // the ADR file is gone: named, not linked
    adr: { path: 'docs/decisions/0005-removed.md', number: 5, title: 'Removed' },
    estimate: {
      currency: 'CNY',
      workItems: [{ name: '定制开发', role: 'engineer', optimistic: 20, mostLikely: 20, pessimistic: 20 }],
      dayRates: { engineer: 2000 },
      releasesPerYear: 4,
      testingDaysPerRelease: 2,
      supportYears: 2,
      contingencyPercent: 0,
      marginPercent: 0,
    },
    quotes: [{ number: 'Q-2026-004', revision: 1, path: 'doc/adr/quotes/quote-Q-2026-004-星河机器人.md', date: '2026-04-14', nreMinor: 3_500_000, currency: 'CNY' }],
  }),
  // A colon too many: not valid YAML (the yaml library's message, line 5 of the file).
  [`${BASE}/2026-04-20-initech-dashboard/assessment.md`]: `---\nkind: custom-request-assessment\nschemaVersion: 1\ncustomer: Initech: the dashboard\n---\n\n# Body\n`,
};

function assessment(fm: Record<string, unknown>): string {
  return `---\n${stringify({ ...common, ...fm }, { lineWidth: 0 })}---\n\n# ${String(fm.title)}\n`;
}

/** Every file in the fixture's workspace folder, workspace-relative. */
export const FILES: string[] = [
  ...Object.keys(ASSESSMENT_TEXTS),
  'doc/adr/0002-offer-an-open-data-api.md',
  'doc/adr/quotes/quote-Q-2026-001-acme-robotics.md',
  'doc/adr/quotes/quote-Q-2026-001-R2-acme-robotics.md',
  'doc/adr/quotes/quote-Q-2026-004-星河机器人.md',
  'docs/architecture decisions/0007-export (nightly).md',
];

/** The entries as the command reads them: parsed, or with the parse error's message. */
export function registerEntries(texts: Record<string, string> = ASSESSMENT_TEXTS): RegisterEntry[] {
  return Object.entries(texts).map(([path, text]) => {
    try {
      return { path, frontMatter: parseAssessment(text, path).frontMatter };
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      return { path, problem: error.text };
    }
  });
}

export function registerInput(lang: RegisterInput['lang'], entries = registerEntries()): RegisterInput {
  const files = new Set(FILES);
  return { entries, registerPath: REGISTER_PATH, lang, today: TODAY, quoteValidityDays: 30, exists: (path) => files.has(path), estimateDefaults: { roundFeesTo: 0, taxRatePercent: 0 } };
}
