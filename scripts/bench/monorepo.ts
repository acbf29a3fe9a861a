/**
 * The scale workspace of `npm run bench`: a generated monorepo of exactly
 * 50,000 files with 20 ADR folders and 2,000 assessments, written to the
 * git-ignored test-output/bench/monorepo (made anew on every run: the bench
 * writes quotes and the register into it). Deterministic (seeded).
 *
 * - 40 packages (`packages/pkg-NN`) of source files, three folders deep, so
 *   ADR discovery walks a real tree (and meets its 2,000-folder listing cap);
 * - 20 ADR folders in packages 0–19, five of each style the extension
 *   discovers (see src/core/adrFolders.ts and test/fixtures/adr-repos):
 *   adr-tools' default `doc/adr`; adr-tools with `.adr-dir` naming
 *   `architecture/decisions`; MADR `docs/decisions`; log4brains `docs/adr`
 *   named by `.log4brains.yml` (with its template.md and index.md);
 * - 2,000 `docs/custom-requests/<folder>/assessment.md`, English and Chinese,
 *   written with the extension's own assessmentText() from the golden
 *   documents' front matter (test/golden/<lang>/assessment-quoted.md): every
 *   status, 150 customers, capability tags on 40 %, an ADR link on 60 %, an
 *   estimate from `estimated` on, and quote records (with their quote files,
 *   next to the linked ADRs or beside the assessment) from `quoted` on.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { parse } from 'yaml';
import { assessmentFolderName, assessmentText, estimateHint, splitFrontMatter } from '../../src/core/assessment';
import type { Lang } from '../../src/core/lang';
import { quoteFileName } from '../../src/core/quote';
import type { AssessmentFrontMatter, RequestStatus } from '../../src/core/schema';
import { slugify } from '../../src/core/slug';

export const TOTAL_FILES = 50_000;
const ASSESSMENTS = 2_000;
const PACKAGES = 40;
const ROOT = nodePath.resolve(__dirname, '../..');

export interface Monorepo {
  root: string;
  files: number;
  /** workspace-relative ADR folders, in generation order */
  adrFolders: string[];
  adrs: number;
  assessments: number;
  quotes: number;
  /** `estimated` English assessments linked to an ADR, for Generate Quote (workspace-relative) */
  quoteTargets: string[];
  ms: number;
}

/** mulberry32: a small seeded generator, so every run writes the same files. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: [RequestStatus, number][] = [['draft', 0.3], ['estimated', 0.2], ['quoted', 0.25], ['accepted', 0.1], ['declined', 0.08], ['productised', 0.03], ['withdrawn', 0.04]];
const TAGS = ['data-push', 'sso', 'custom-report', 'on-premise', 'webhook', 'erp-connector', 'white-label', 'audit-log', 'fleet-map', 'sla-99.9', 'mqtt-bridge', 'csv-export'];
const WORDS = ['telemetry', 'push', 'export', 'dashboard', 'connector', 'fleet', 'report', 'alarm', 'map', 'battery', 'route', 'sensor', 'audit', 'billing', 'upgrade', 'gateway'];

function statusOf(r: number): RequestStatus {
  let sum = 0;
  for (const [status, share] of STATUSES) if (r < (sum += share)) return status;
  return 'draft';
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

class Writer {
  files = 0;
  constructor(readonly root: string) {}
  write(relative: string, text: string): void {
    const path = nodePath.join(this.root, relative);
    mkdirSync(nodePath.dirname(path), { recursive: true });
    writeFileSync(path, text);
    this.files++;
  }
}

interface AdrFile {
  path: string;
  number?: number;
  title: string;
  status: string;
}

/** ADR folder `i` (0–19) in package `i`: its style by i % 4, 10–40 ADRs. */
function writeAdrFolder(w: Writer, i: number, rnd: () => number): { folder: string; adrs: AdrFile[] } {
  const pkg = `packages/pkg-${pad(i, 2)}`;
  const style = i % 4;
  const folder = [`${pkg}/doc/adr`, `${pkg}/architecture/decisions`, `${pkg}/docs/decisions`, `${pkg}/docs/adr`][style];
  if (style === 1) w.write(`${pkg}/.adr-dir`, 'architecture/decisions\n');
  if (style === 3) {
    w.write(`${pkg}/.log4brains.yml`, `project:\n  name: pkg-${pad(i, 2)}\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n`);
    w.write(`${folder}/template.md`, '# [short title of solved problem and solution]\n\n- Status: [draft | proposed | accepted]\n- Date: [YYYY-MM-DD]\n');
    w.write(`${folder}/index.md`, '# Architecture knowledge base\n');
  }
  if (style === 2) w.write(`${folder}/adr-template.md`, '# {short title}\n\n* Status: {proposed | accepted}\n');
  const adrs: AdrFile[] = [];
  const count = 10 + Math.floor(rnd() * 31);
  for (let n = 1; n <= count; n++) {
    const title = `${n === 1 ? 'Record architecture decisions' : `Use ${WORDS[(i + n) % WORDS.length]} ${WORDS[(i * 3 + n) % WORDS.length]} for package ${i}`}`;
    const date = `202${3 + (n % 3)}-${pad(1 + (n % 12), 2)}-${pad(1 + (n % 28), 2)}`;
    const status = n % 7 === 0 ? 'Superseded' : 'Accepted';
    const body = '\n## Context\n\nCustomers ask for this in their own platforms; the open API covers most of it.\n\n## Decision\n\nWe do it once, for every customer.\n\n## Consequences\n\nOne more thing to test on every release.\n';
    if (style <= 1) {
      const path = `${folder}/${pad(n, 4)}-${slugify(title)}.md`;
      w.write(path, `# ${n}. ${title}\n\nDate: ${date}\n\n## Status\n\n${status}\n${body}`);
      adrs.push({ path, number: n, title, status });
    } else if (style === 2) {
      const path = `${folder}/${pad(n - 1, 4)}-${slugify(title)}.md`;
      w.write(path, `# ${title}\n\n* Status: ${status.toLowerCase()}\n* Deciders: Platform team\n* Date: ${date}\n${body}`);
      adrs.push({ path, number: n - 1, title, status: status.toLowerCase() });
    } else {
      const path = `${folder}/${date.replace(/-/g, '')}-${slugify(title)}.md`;
      w.write(path, `# ${title}\n\n- Status: ${status.toLowerCase()}\n- Deciders: Platform team\n- Date: ${date}\n${body}`);
      adrs.push({ path, title, status: status.toLowerCase() });
    }
  }
  return { folder, adrs };
}

function golden(lang: Lang, name: string): string {
  return readFileSync(nodePath.join(ROOT, 'test/golden', lang, name), 'utf8');
}

/** Writes the monorepo to `root` (removing what was there); returns what it holds. */
export function generateMonorepo(root: string): Monorepo {
  const started = Date.now();
  rmSync(root, { recursive: true, force: true });
  const w = new Writer(root);
  const rnd = random(12);
  w.write('package.json', JSON.stringify({ name: 'robofleet-monorepo', private: true, workspaces: ['packages/*'] }, null, 2) + '\n');
  w.write('README.md', '# RoboFleet monorepo\n\nGenerated by scripts/bench/monorepo.ts for `npm run bench`.\n');
  w.write('.gitignore', 'node_modules/\ndist/\n');

  const adrFolders: string[] = [];
  const allAdrs: AdrFile[] = [];
  for (let i = 0; i < 20; i++) {
    const { folder, adrs } = writeAdrFolder(w, i, rnd);
    adrFolders.push(folder);
    allAdrs.push(...adrs);
  }

  const base = Object.fromEntries((['en', 'zh-cn'] as Lang[]).map((lang) => {
    const split = splitFrontMatter(golden(lang, 'assessment-quoted.md'))!;
    return [lang, { fm: parse(split.yaml) as AssessmentFrontMatter & Record<string, unknown>, body: split.body, quote: golden(lang, 'quote.md') }];
  })) as Record<Lang, { fm: AssessmentFrontMatter & Record<string, unknown>; body: string; quote: string }>;
  const customers = Array.from({ length: 150 }, (_, i) => `${['Northwind', 'Contoso', 'Acme', 'Globex', 'Initech', 'Umbrella'][i % 6]} ${['Logistics', 'Robotics', 'Retail', 'Mining', 'Farms'][Math.floor(i / 6) % 5]} ${Math.floor(i / 30) + 1}`);
  const sequences: Record<number, number> = {};
  let quotes = 0;
  const quoteTargets: string[] = [];
  for (let i = 0; i < ASSESSMENTS; i++) {
    const lang: Lang = rnd() < 0.8 ? 'en' : 'zh-cn';
    const { fm: goldenFm, body, quote } = base[lang];
    const status = statusOf(rnd());
    const customer = customers[Math.floor(rnd() * customers.length)];
    const title = `${WORDS[i % WORDS.length]} ${WORDS[Math.floor(rnd() * WORDS.length)]} request ${i + 1}`;
    const year = 2024 + Math.floor(rnd() * 3);
    const created = `${year}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
    const adr = rnd() < 0.6 ? allAdrs[Math.floor(rnd() * allAdrs.length)] : undefined;
    const capabilities = rnd() < 0.4 ? [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => TAGS[Math.floor(rnd() * TAGS.length)]))] : [];
    const id = `b${pad(i, 5)}`;
    const folder = `docs/custom-requests/${assessmentFolderName({ created, customer, title, id })}`;
    const records: AssessmentFrontMatter['quotes'] = [];
    if (['quoted', 'accepted', 'declined', 'productised'].includes(status)) {
      for (let q = rnd() < 0.25 ? 2 : 1; q > 0; q--) {
        const sequence = (sequences[year] = (sequences[year] ?? 0) + 1);
        const number = `Q-${year}-${pad(sequence, 3)}`;
        const file = quoteFileName({ year, sequence, revision: 1 }, customer);
        const path = adr ? `${nodePath.posix.dirname(adr.path)}/quotes/${file}` : `${folder}/${file}`;
        w.write(path, quote.replaceAll('Q-2026-003', number).replaceAll(goldenFm.customer, customer).replaceAll(goldenFm.title, title));
        records.push({ number, revision: 1, path, date: created, nreMinor: 5_000_000 + Math.floor(rnd() * 100) * 100_000, currency: 'CNY' });
        quotes++;
      }
    }
    const fm = {
      kind: goldenFm.kind,
      schemaVersion: 1,
      id,
      customer,
      title,
      capabilities,
      broughtBy: goldenFm.broughtBy,
      dealSize: { amount: 100_000 * (1 + Math.floor(rnd() * 50)), currency: 'CNY' },
      language: lang,
      created,
      status,
      adr: adr ? { path: adr.path, ...(adr.number !== undefined ? { number: adr.number } : {}), title: adr.title, status: adr.status } : null,
      quotes: records,
      ...(status === 'accepted' ? { accepted: { quote: records.at(-1)!.number, date: created } } : {}),
      ...(status === 'draft' ? {} : { estimate: goldenFm.estimate }),
    } as AssessmentFrontMatter;
    const text = assessmentText(fm, body.replaceAll(goldenFm.title, title).replaceAll(goldenFm.customer, customer), status === 'draft' ? estimateHint(lang, 'CNY', { dayRate: 3000, roundFeesTo: 0, taxRatePercent: 0 }) : '');
    w.write(`${folder}/assessment.md`, text);
    if (status === 'estimated' && adr && lang === 'en' && quoteTargets.length < 12) quoteTargets.push(`${folder}/assessment.md`);
  }

  // Source files up to the total: packages/pkg-NN/src/<area>/<module>/<file>.ts
  const filler = TOTAL_FILES - w.files - 2 * PACKAGES;
  const areas = ['api', 'core', 'ui', 'util', 'jobs', 'store'];
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = `packages/pkg-${pad(p, 2)}`;
    w.write(`${pkg}/package.json`, JSON.stringify({ name: `@robofleet/pkg-${pad(p, 2)}`, version: '1.0.0', main: 'dist/index.js' }, null, 2) + '\n');
    w.write(`${pkg}/README.md`, `# pkg-${pad(p, 2)}\n`);
    const share = Math.floor(filler / PACKAGES) + (p < filler % PACKAGES ? 1 : 0);
    for (let f = 0; f < share; f++) {
      const area = areas[f % areas.length];
      const module = `mod-${pad(Math.floor(f / areas.length) % 8, 2)}`;
      w.write(`${pkg}/src/${area}/${module}/file-${pad(f, 4)}.ts`, `export const value${f} = ${f};\nexport function compute${f}(x: number): number {\n  return x * ${p + 1} + value${f};\n}\n`);
    }
  }
  if (w.files !== TOTAL_FILES) throw new Error(`generated ${w.files} files, expected ${TOTAL_FILES}`);
  if (quoteTargets.length < 12) throw new Error('too few estimated assessments with an ADR to quote');
  return { root, files: w.files, adrFolders, adrs: allAdrs.length, assessments: ASSESSMENTS, quotes, quoteTargets, ms: Date.now() - started };
}
