/**
 * The new user's journey, end to end, once per display language: the built
 * extension in code-server, driven through Debian's chromium the way a person
 * would use it (command palette, prompts, the side bar's estimate form by keyboard).
 *
 * Each entry of JOURNEY is one step and one mocha test; they run in order on the
 * same window, and a failed step skips the rest of that language's run. A new
 * feature adds its steps where the user would meet it (the form's, in
 * formSteps.ts, before the quote; the request tree's, in treeSteps.ts, after it).
 *
 * Run: npx mocha --config test/e2e/.mocharc.json
 */
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../../src/core/assessment';
import { FORM_STEPS, SWITCH_STEP } from './formSteps';
import { assertLines, Journey, localToday, type Step } from './journey';
import { SCENARIOS } from './scenarios';
import { TREE_STEPS } from './treeSteps';
import { EXPORT_STEPS } from './exportSteps';
import { KEY_STEP } from './keySteps';
import { E2eSession, prepareOnce } from './session';
import { waitUntil } from './workbench';

const NEW_ASSESSMENT = 'customRequest.newAssessment';
const ADR_FOLDER = 'doc/architecture/decisions';

const JOURNEY: Step[] = [
  {
    title: 'the extension is installed from the .vsix, and holds what ships and nothing else',
    async run(j) {
      const installed = j.session.server.installed;
      assert.ok(installed, 'code-server installed the .vsix');
      const { filesUnder, shippingProblems } = await import('../../scripts/package.mjs');
      const files = filesUnder(installed);
      assert.deepEqual(shippingProblems(files), [], `the installed files: ${files.join(', ')}`);
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { main: string };
      assert.ok(existsSync(join(installed, manifest.main)), `package.json's main (${manifest.main}) is installed`);
      // Not the development folder: nothing links back to the repository.
      assert.ok(!lstatSync(installed).isSymbolicLink(), `${installed} is a copy`);
    },
  },
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
      const step = (n: number) => `${j.ui.t('New Custom Request Assessment')} (${n}/7)`;
      await wb.runCommand(j.ui.commandTitle(NEW_ASSESSMENT), 'palette new assessment');
      await wb.answerInput({ title: step(1), prompt: j.ui.t('Customer'), value: s.customer, shot: 'customer' });
      await wb.answerInput({ title: step(2), prompt: j.ui.t('The request, in one line as sales put it'), value: s.title, shot: 'request title' });
      await wb.answerInput({ title: step(3), prompt: j.ui.t('Who brought it (optional)'), value: s.broughtBy, shot: 'brought by' });
      const currency = String(j.ui.settingDefault('customRequest.currency'));
      await wb.answerInput({ title: step(4), prompt: j.ui.t('Deal size in {0} (optional)', currency), value: s.dealSize, shot: 'deal size' });
      // The language of the UI comes first (the extension sees VS Code's display language).
      await wb.pick({ title: step(5), placeholder: j.ui.t('Document language'), first: s.uiName, label: s.documentLanguageLabel, shot: 'document language' });
      await wb.pick({ title: step(6), placeholder: j.ui.t('Related ADR'), filter: s.adr.filter, label: `${s.adr.number}. ${s.adr.title}`, shot: 'related adr' });
      // No request has tags yet, so they are typed, separated by commas as typed in the UI's language.
      const tags = s.lang === 'zh-cn' ? { typed: '数据推送，单点登录', written: ['数据推送', '单点登录'] } : { typed: 'data-push, single sign-on', written: ['data-push', 'single sign-on'] };
      await wb.answerInput({ title: step(7), prompt: j.ui.t('Capability tags (optional), separated by commas'), value: tags.typed, shot: 'capability tags' });

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
      assert.deepEqual(fm.capabilities, tags.written);
      assert.deepEqual(fm.quotes, []);
      assert.deepEqual(fm.adr, { path: s.adr.path, number: s.adr.number, title: s.adr.title, status: 'Accepted' });
      const body = splitFrontMatter(j.read(j.assessmentPath))!.body;
      assert.ok(body.trimStart().startsWith(`${s.headings.assessment}${s.title}`), `the assessment is written in ${s.uiName}`);
      await waitUntil('the editor to show the front matter', async () => (await wb.visibleEditorText()).includes(`customer: ${s.customer}`));
      await wb.screenshot('assessment opened');
    },
  },
  ...FORM_STEPS,
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
  ...TREE_STEPS,
  KEY_STEP,
  ...EXPORT_STEPS,
  SWITCH_STEP,
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
      journey.session = await E2eSession.start(scenario.lang, scenario.settings);
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
