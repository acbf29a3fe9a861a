/**
 * The new user's journey, end to end, once per display language: the built
 * extension in code-server, driven through Debian's chromium the way a person
 * would use it (command palette, prompts, the side bar's estimate form by keyboard).
 *
 * Each entry of JOURNEY is one step and one mocha test; they run in order on the
 * same window, and a failed step skips the rest of that language's run. A new
 * feature adds its steps where the user would meet it (the sidebar form before
 * the quote, the request tree after it) — see the markers below.
 *
 * Run: npx mocha --config test/e2e/.mocharc.json
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from '../../src/core/assessment';
import { SCENARIOS, type Scenario } from './scenarios';
import { E2eSession, prepareOnce } from './session';
import { EstimateForm } from './estimateForm';
import { UiText } from './uiText';
import { waitUntil } from './workbench';

const NEW_ASSESSMENT = 'customRequest.newAssessment';
const ADR_FOLDER = 'doc/architecture/decisions';

/** Today on this machine (code-server runs here too), YYYY-MM-DD in local time. */
function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** Asserts that `text` has each of `lines` as a whole line. */
function assertLines(text: string, lines: string[], what: string): void {
  const all = new Set(text.split('\n'));
  for (const line of lines) assert.ok(all.has(line), `${what} has the line\n  ${line}`);
}

/** What the steps of one run share. */
class Journey {
  session!: E2eSession;
  readonly ui: UiText;
  /** `adr list` before the extension wrote anything */
  adrListBefore = '';
  /** workspace-relative path of the new assessment */
  assessmentPath = '';
  /** workspace-relative path of the generated quote */
  quotePath = '';

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
    const split = splitFrontMatter(this.read(relativePath));
    assert.ok(split, `${relativePath} has no front matter`);
    return parseYaml(split.yaml) as Record<string, unknown>;
  }
}

interface Step {
  title: string;
  run(journey: Journey): Promise<void>;
}

const JOURNEY: Step[] = [
  {
    title: 'the workbench opens on the sample workspace and lists the commands',
    async run(j) {
      j.adrListBefore = j.session.run('adr', ['list']);
      assert.match(j.adrListBefore, /0002-expose-robot-data-through-the-versioned-open-api\.md/);
      // The palette listing its command means the extension is registered (it activates later, on first use).
      await j.workbench.waitForCommand(j.ui.commandTitle(NEW_ASSESSMENT));
      await j.workbench.screenshot('workbench ready');
    },
  },
  {
    title: 'New Assessment asks each prompt and opens the assessment',
    async run(j) {
      const s = j.scenario;
      const wb = j.workbench;
      const step = (n: number) => `${j.ui.t('New Custom Request Assessment')} (${n}/6)`;
      await wb.runCommand(j.ui.commandTitle(NEW_ASSESSMENT), 'palette new assessment');
      await wb.answerInput({ title: step(1), prompt: j.ui.t('Customer'), value: s.customer, shot: 'customer' });
      await wb.answerInput({ title: step(2), prompt: j.ui.t('The request, in one line as sales put it'), value: s.title, shot: 'request title' });
      await wb.answerInput({ title: step(3), prompt: j.ui.t('Who brought it (optional)'), value: s.broughtBy, shot: 'brought by' });
      const currency = String(j.ui.settingDefault('customRequest.currency'));
      await wb.answerInput({ title: step(4), prompt: j.ui.t('Deal size in {0} (optional)', currency), value: s.dealSize, shot: 'deal size' });
      // The language of the UI comes first (the extension sees VS Code's display language).
      await wb.pick({ title: step(5), placeholder: j.ui.t('Document language'), first: s.uiName, label: s.documentLanguageLabel, shot: 'document language' });
      await wb.pick({ title: step(6), placeholder: j.ui.t('Related ADR'), filter: s.adr.filter, label: `${s.adr.number}. ${s.adr.title}`, shot: 'related adr' });

      await wb.waitForActiveEditor('assessment.md');
      const root = String(j.ui.settingDefault('customRequest.assessmentFolder'));
      const folders = await waitUntil('the assessment folder', () => (existsSync(j.file(root)) ? readdirSync(j.file(root)) : undefined));
      assert.equal(folders.length, 1, `one assessment folder in ${root}: ${folders.join(', ')}`);
      j.assessmentPath = `${root}/${folders[0]}/assessment.md`;

      const fm = j.frontMatter(j.assessmentPath);
      assert.equal(fm.created, localToday());
      assert.equal(folders[0], s.expected.assessmentFolder(localToday()));
      assert.equal(fm.customer, s.customer);
      assert.equal(fm.title, s.title);
      assert.equal(fm.broughtBy, s.broughtBy);
      assert.deepEqual(fm.dealSize, { amount: Number(s.dealSize.replace(/,/g, '')), currency });
      assert.equal(fm.language, s.lang);
      assert.equal(fm.status, 'draft');
      assert.deepEqual(fm.quotes, []);
      assert.deepEqual(fm.adr, { path: s.adr.path, number: s.adr.number, title: s.adr.title, status: 'Accepted' });
      const body = splitFrontMatter(j.read(j.assessmentPath))!.body;
      assert.ok(body.trimStart().startsWith(`${s.headings.assessment}${s.title}`), `the assessment is written in ${s.uiName}`);
      await waitUntil('the editor to show the front matter', async () => (await wb.visibleEditorText()).includes(`customer: ${s.customer}`));
      await wb.screenshot('assessment opened');
    },
  },
  {
    title: 'the Custom Requests side bar opens the Estimate form on the new assessment',
    async run(j) {
      await j.form.open(j.ui.containerTitle('customRequests'));
      await waitUntil('the form to show the new assessment', async () => ((await j.form.selectedAssessment()) === `${j.scenario.customer}: ${j.scenario.title}` ? true : undefined));
      // A new estimate starts from one empty work item and the settings' defaults.
      assert.equal(await j.form.value('workItems.0.name'), '');
      assert.equal(await j.form.value('dayRates.0.rate'), String(j.ui.settingDefault('customRequest.dayRate')));
      await j.workbench.screenshot('estimate form opened');
    },
  },
  {
    title: 'the estimate is typed into the form, with live figures and a validation message',
    async run(j) {
      const { estimate, expected } = j.scenario;
      const f = j.form;
      for (const [i, item] of estimate.workItems.entries()) {
        if (i > 0) await f.press('[data-action="add"]');
        await f.type(`workItems.${i}.name`, item.name);
        await f.type(`workItems.${i}.role`, item.role);
        await f.type(`workItems.${i}.optimistic`, String(item.optimistic));
        await f.type(`workItems.${i}.mostLikely`, String(item.mostLikely));
        await f.type(`workItems.${i}.pessimistic`, String(item.pessimistic));
      }
      for (const field of ['teamSize', 'focusFactor', 'releasesPerYear', 'testingDaysPerRelease', 'recurringRole', 'supportYears', 'contingencyPercent', 'marginPercent', 'roundFeesTo', 'taxRatePercent', 'currency'] as const) {
        await f.type(field, String(estimate[field]));
      }
      await f.type('standardDays', String(estimate.standard.days));
      await f.type('standardFee', String(estimate.standard.fee));
      // A day-rate row appeared for each role, in the order the roles were first used.
      for (const [i, [role, rate]] of Object.entries(estimate.dayRates).entries()) {
        assert.equal((await f.frame.locator(`label[for="f-dayRates-${i}-rate"]`).textContent())?.trim(), j.ui.t('Day rate: {0}', role));
        await f.type(`dayRates.${i}.rate`, String(rate));
      }
      for (const [id, text] of Object.entries(expected.form)) await f.waitForText(id, text);
      await j.workbench.screenshot('estimate typed with live figures');

      // Pessimistic below optimistic: the message sits next to "most likely", where the rule is broken.
      const order = j.scenario.lang === 'zh-cn' ? '应满足 乐观 ≤ 最可能 ≤ 悲观' : 'must satisfy optimistic ≤ most likely ≤ pessimistic';
      await f.type('workItems.0.pessimistic', String(estimate.workItems[0].optimistic - 1));
      await waitUntil('the order message', async () => ((await f.error('workItems.0.mostLikely')) === order ? true : undefined));
      assert.ok(await f.invalid('workItems.0.mostLikely'));
      await f.reveal('workItems.0.name');
      await j.workbench.screenshot('validation message');
      await f.type('workItems.0.pessimistic', String(estimate.workItems[0].pessimistic));
      await waitUntil('the message to go', async () => ((await f.error('workItems.0.mostLikely')) === '' ? true : undefined));
      await f.waitForText('r-nre', expected.form['r-nre']);
      assert.equal(j.frontMatter(j.assessmentPath).estimate, undefined, 'nothing reaches the file before Save');
    },
  },
  {
    title: 'Save estimate writes the inputs into the front matter',
    async run(j) {
      await j.form.press('#save');
      await j.form.waitForText('status', j.ui.t('Estimate saved.'));
      const fm = j.frontMatter(j.assessmentPath);
      assert.deepEqual(fm.estimate, j.scenario.estimate, 'the saved estimate is exactly what was typed');
      assert.equal(fm.status, 'estimated');
      await waitUntil('the editor to show the estimate', async () => ((await j.workbench.visibleEditorText()).includes('estimate:') ? true : undefined));
      await j.workbench.screenshot('estimate saved');
    },
  },
  {
    title: 'a hand edit of the front matter updates the form, and broken YAML shows there',
    async run(j) {
      const wb = j.workbench;
      const f = j.form;
      const team = String(j.scenario.estimate.teamSize);
      // Unsaved edits count: the form reads the editor's text.
      await wb.moveCursorToEndOfLineWith(`teamSize: ${team}`);
      await j.session.page.keyboard.press('Backspace');
      await j.session.page.keyboard.type('4');
      await waitUntil('the form to take the edited team size', async () => ((await f.value('teamSize')) === '4' ? true : undefined));
      await wb.paste('\nbroken: [unclosed');
      const problem = f.frame.locator('#problem');
      await problem.waitFor({ state: 'visible' });
      const yamlProblem = j.scenario.lang === 'zh-cn' ? '不是有效的 YAML' : 'is not valid YAML';
      assert.ok(((await problem.textContent()) ?? '').includes(yamlProblem), 'the form names the YAML problem');
      assert.equal(await f.value('teamSize'), '4', 'the form keeps what it shows');
      await f.frame.locator('#problem').scrollIntoViewIfNeeded();
      await wb.screenshot('broken front matter shown in the form');
      // Undo both edits in the editor: the form follows and the problem goes.
      await wb.activeEditor().locator('.view-lines').first().click();
      for (let i = 0; i < 10 && (await f.value('teamSize')) !== team; i++) {
        await j.session.page.keyboard.press('Control+Z');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await waitUntil('the form back at the saved team size', async () => ((await f.value('teamSize')) === team && (await problem.isHidden()) ? true : undefined));
      assert.equal(j.frontMatter(j.assessmentPath).estimate && (j.frontMatter(j.assessmentPath).estimate as { teamSize: number }).teamSize, j.scenario.estimate.teamSize, 'nothing reached the file');
      await wb.save('assessment.md');
    },
  },
  {
    title: 'the form follows the light, dark and high-contrast themes',
    async run(j) {
      const settings = j.file('.vscode/settings.json');
      mkdirSync(dirname(settings), { recursive: true });
      // The figures and charts are where colours matter most.
      await j.form.frame.locator('#chart-effort').scrollIntoViewIfNeeded();
      try {
        for (const theme of ['Default Dark Modern', 'Default High Contrast', 'Default Light Modern']) {
          writeFileSync(settings, JSON.stringify({ 'workbench.colorTheme': theme }));
          const kind = theme.includes('High Contrast') ? 'hc-black' : theme.includes('Dark') ? 'vs-dark' : 'vs';
          await waitUntil(`the ${theme} theme`, async () => ((await j.workbench.page.locator(`.monaco-workbench.${kind}`).count()) > 0 ? true : undefined));
          // The webview takes the theme's variables: its body gets VS Code's theme class too.
          await waitUntil(`the form in ${theme}`, async () => ((await j.form.frame.locator(`body.vscode-${kind === 'vs' ? 'light' : kind === 'vs-dark' ? 'dark' : 'high-contrast'}`).count()) > 0 ? true : undefined));
          await j.workbench.screenshot(`form in ${theme}`);
        }
      } finally {
        rmSync(dirname(settings), { recursive: true, force: true });
      }
    },
  },
  {
    title: 'Generate quote from the form writes the quote next to the ADR with the figures of the estimate',
    async run(j) {
      const s = j.scenario;
      const wb = j.workbench;
      const e = s.expected;
      const created = String(j.frontMatter(j.assessmentPath).created);
      const year = Number(localToday().slice(0, 4));
      const quoteNumber = e.quoteNumber(year);
      j.quotePath = `${ADR_FOLDER}/quotes/${e.quoteFile(year)}`;

      // From the form: it saves (nothing changed since), then runs Generate Quote on its assessment.
      await j.form.press('#quote');
      const message = await wb.waitForNotification(quoteNumber);
      await j.form.waitForText('status', j.ui.t('Estimate saved; quote {0} written.', quoteNumber));
      assert.equal(message, j.ui.t('Quote {0} written to {1}.', quoteNumber, j.quotePath));
      await wb.waitForActiveEditor(e.quoteFile(year));
      await wb.screenshot('quote generated');

      const quote = j.frontMatter(j.quotePath);
      assert.equal(quote.kind, 'custom-request-quote');
      assert.equal(quote.number, quoteNumber);
      assert.equal(quote.revision, 1);
      assert.equal(quote.customer, s.customer);
      assert.equal(quote.currency, s.estimate.currency);
      assert.equal(quote.nreFeeMinor, e.nreFeeMinor);
      assert.equal(quote.yearlyFeeMinor, e.yearlyFeeMinor);
      assert.equal(quote.supportYears, s.estimate.supportYears);
      assert.equal(quote.termTotalMinor, e.termTotalMinor);
      assert.equal(quote.termTotalInclTaxMinor, e.termTotalInclTaxMinor);
      assert.equal(quote.assessment, j.assessmentPath);
      assert.equal(quote.adr, s.adr.path);

      const body = splitFrontMatter(j.read(j.quotePath))!.body;
      assert.ok(body.trimStart().startsWith(`${s.headings.quote}${quoteNumber}`), `the quote is written in ${s.uiName}`);
      assertLines(body, e.quoteLines, 'the quote');
      // The quote goes to the customer: never the internal day rates.
      for (const text of e.neverInQuote) assert.ok(!body.includes(text), `the quote does not show ${text}`);
      // The internal cost basis stays in the assessment, with the intermediate figures.
      assertLines(j.read(j.assessmentPath), e.assessmentLines, 'the assessment');

      const assessment = j.frontMatter(j.assessmentPath);
      assert.equal(assessment.status, 'quoted');
      assert.deepEqual(assessment.quotes, [
        { number: quoteNumber, revision: 1, path: j.quotePath, date: created, nreMinor: e.nreFeeMinor, currency: s.estimate.currency },
      ]);
      assert.deepEqual(assessment.estimate, s.estimate, 'the estimate is kept in the assessment');
    },
  },
  // ← The request tree's steps go here: the tree lists the assessment with its
  //   customer, status "quoted", quote number and NRE.
  {
    title: 'adr list prints exactly what it printed before',
    async run(j) {
      assert.equal(j.session.run('adr', ['list']), j.adrListBefore);
    },
  },
];

before(function () {
  // First use on a fresh machine: apt-get (as root) and the code-server install take minutes.
  this.timeout(600_000);
  return prepareOnce();
});

for (const scenario of SCENARIOS) {
  describe(`New user's journey, ${scenario.uiName} UI (${scenario.lang})`, function () {
    const journey = new Journey(scenario);
    let broken = false;
    let started = 0;

    before(async function () {
      // code-server start and the workbench load.
      this.timeout(120_000);
      started = Date.now();
      journey.session = await E2eSession.start(scenario.lang);
    });

    beforeEach(function () {
      // Each step builds on the one before; after a failure the rest of this run says nothing new.
      if (broken) this.skip();
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed') {
        broken = true;
        await journey.session.recordFailure(this.currentTest.title);
      }
    });

    after(async function () {
      this.timeout(60_000);
      await journey.session?.stop();
      console.log(`    [e2e] ${scenario.lang} run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    for (const step of JOURNEY) {
      it(step.title, function () {
        return step.run(journey);
      });
    }
  });
}
