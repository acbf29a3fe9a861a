/**
 * What the journey's steps share: the run's state (its session, scenario and
 * the files it made), the step type, and small helpers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from '../../src/core/assessment';
import type { Scenario } from './scenarios';
import type { E2eSession } from './session';
import { EstimateForm } from './estimateForm';
import { UiText } from './uiText';

/** Today on this machine (code-server runs here too), YYYY-MM-DD in local time. */
export function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** Asserts that `text` has each of `lines` as a whole line. */
export function assertLines(text: string, lines: string[], what: string): void {
  const all = new Set(text.split('\n'));
  for (const line of lines) assert.ok(all.has(line), `${what} has the line\n  ${line}`);
}

/** What the steps of one run share. */
export class Journey {
  session!: E2eSession;
  readonly ui: UiText;
  /** `adr list` before the extension wrote anything */
  adrListBefore = '';
  /** workspace-relative path of the new assessment */
  assessmentPath = '';
  /** workspace-relative path of the generated quote */
  quotePath = '';
  /** workspace-relative path of the register */
  registerPath = '';

  constructor(readonly scenario: Scenario) {
    this.ui = new UiText(scenario.lang);
  }

  get workbench() {
    return this.session.workbench;
  }

  get form(): EstimateForm {
    return new EstimateForm(this.session.page);
  }

  file(relativePath: string): string {
    return join(this.session.workspace, relativePath);
  }

  read(relativePath: string): string {
    return readFileSync(this.file(relativePath), 'utf8');
  }

  /** The parsed YAML front matter of a workspace file. */
  frontMatter(relativePath: string): Record<string, unknown> {
    // VS Code saves a document in place (truncate, then write): a read right after a save can see the file
    // half-written. Read again until it has its front matter, for at most 5 s.
    let split = splitFrontMatter(this.read(relativePath));
    for (let tries = 0; !split && tries < 250; tries++) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      split = splitFrontMatter(this.read(relativePath));
    }
    assert.ok(split, `${relativePath} has no front matter`);
    return parseYaml(split.yaml) as Record<string, unknown>;
  }
}

export interface Step {
  title: string;
  run(journey: Journey): Promise<void>;
}

