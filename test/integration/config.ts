import { readFileSync } from 'node:fs';

/** What a host runner tells the specs through the file named by CRD_IT_CONFIG. */
export interface ItConfig {
  scenario: 'sample' | 'multi-root' | 'untrusted' | 'git';
  /** bundled spec files to run */
  specs: string[];
  /** where run() writes its SuiteResult */
  results?: string;
  /** folder searched for the extension's log file (the profile's logs) */
  logsRoot?: string;
  /**
   * Pending tests fail (mocha's forbidPending), set by the host runner when CI
   * is set: the extension host may not see the runner's environment.
   */
  forbidPending?: boolean;
}

export interface SpecResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms: number;
  error?: string;
}

export interface SuiteResult {
  scenario: string;
  failures: number;
  tests: SpecResult[];
  /** spec-reporter style lines */
  lines: string[];
  ms: number;
  /** set by the runner when run() itself could not start */
  fatal?: string;
}

/** One scenario as the runner counts it, from its SuiteResult (its `failures` included). */
export interface ScenarioSummary {
  scenario: string;
  passed: number;
  failed: number;
  pendingTitles: string[];
  /** why the scenario did not run, or ran no test */
  fatal?: string;
}

/** What runInCodeServer.ts writes to the file named by CRD_IT_SUMMARY, for scripts/test.mjs. */
export interface IntegrationSummary {
  scenarios: ScenarioSummary[];
}

export function itConfig(): ItConfig {
  const path = process.env.CRD_IT_CONFIG;
  if (!path) throw new Error('CRD_IT_CONFIG is not set: run the integration suite through test/integration/runInCodeServer.ts or runInElectron.ts');
  return JSON.parse(readFileSync(path, 'utf8')) as ItConfig;
}
