// `npm run package`: the .vsix a user installs, built the one way the tests
// build it too (test/e2e installs this very file into code-server).
//
//   node scripts/package.mjs [--out <file.vsix>]
//
// The extension is staged in a folder of its own (.cache/package/stage): the
// production bundle built there, the manifest, its translations and media,
// CHANGELOG, LICENSE and the packaged README (scripts/packaged-readme.mjs).
// vsce packages that folder, so the development build in dist/ is never
// touched and a run beside the other suites is safe. What ships is checked
// against SHIPPING: a source, test, fixture or map file fails the package.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { packagedReadme, unsafeTargets } from './packaged-readme.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A package that could not be made or must not ship; the message says which file or step. */
export class PackageError extends Error {}

/** What the package must hold, and what it must never hold (paths relative to the extension's folder). */
export const SHIPPING = {
  required: ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png', 'media/form.css', 'dist/extension.js', 'dist/desk.js', 'dist/webview.js'],
  forbidden: [
    { pattern: /^(src|test|scripts|templates|node_modules|\.cache|test-output|\.ci)\//, why: 'sources, tests and build inputs stay in the repository' },
    { pattern: /(^|\/)fixtures?\//, why: 'test fixtures' },
    { pattern: /\.map$/, why: 'source maps' },
    { pattern: /\.meta\.json$/, why: "the bundler's size reports" },
    { pattern: /\.(ts|mts|cts|tsx)$/, why: 'TypeScript sources' },
    { pattern: /(^|\/)\.(git|vscode|env)/, why: 'repository and editor settings' },
    { pattern: /\.vsix$/, why: 'another package' },
    { pattern: /^media\/readme\//, why: 'the README images, which the packaged README carries inline' },
  ],
};

/**
 * The files of a package that break SHIPPING, one line each; [] when it is fine.
 * @param {string[]} files paths relative to the extension's folder, with "/"
 * @returns {string[]}
 */
export function shippingProblems(files) {
  const problems = [];
  // vsce stores README.md, CHANGELOG.md and LICENSE as readme.md, changelog.md and LICENSE.txt.
  const present = new Set(files.map((file) => file.toLowerCase().replace(/^license\.txt$/, 'license')));
  for (const file of SHIPPING.required) if (!present.has(file.toLowerCase())) problems.push(`${file} is missing`);
  for (const file of files) {
    const rule = SHIPPING.forbidden.find(({ pattern }) => pattern.test(file));
    if (rule) problems.push(`${file} must not ship (${rule.why})`);
  }
  return problems;
}

/** Every file under `dir`, relative, with "/". @param {string} dir @returns {string[]} */
export function filesUnder(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** @param {string} command @param {string[]} args @param {string} cwd @param {string} what */
function run(command, args, cwd, what) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.error || result.status !== 0) throw new PackageError(`[package] ${what} failed (${result.error?.message ?? `exit code ${result.status}`})\n${output}`);
  return output;
}

/**
 * Builds the staged extension and packages it.
 * @param {{ out?: string, stage?: string }} [options]
 * @returns {{ vsix: string, bytes: number, files: string[] }}
 */
export function packageExtension(options = {}) {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const out = resolve(options.out ?? join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`));
  const stage = resolve(options.stage ?? join(REPO_ROOT, '.cache', 'package', 'stage'));
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });

  run(process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(stage, 'dist')}`], REPO_ROOT, 'the production build (node esbuild.mjs --production)');
  for (const file of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'l10n', 'media']) {
    cpSync(join(REPO_ROOT, file), join(stage, file), { recursive: true });
  }
  const readme = packagedReadme(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
  const unsafe = unsafeTargets(readme);
  if (unsafe.length > 0) throw new PackageError(`[package] the packaged README would show broken images or links: ${unsafe.join(', ')}`);
  writeFileSync(join(stage, 'README.md'), readme);

  // No repository to link to: the packaged README links nothing relative, so vsce needs none.
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = run(process.execPath, [vsce, 'ls', '--no-dependencies'], stage, 'vsce ls').split('\n').map((line) => line.trim()).filter(Boolean);
  const problems = shippingProblems(listed);
  if (problems.length > 0) throw new PackageError(`[package] the package would be wrong:\n  ${problems.join('\n  ')}`);
  mkdirSync(dirname(out), { recursive: true });
  const said = run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], stage, 'vsce package');
  // vsce's own warnings (a missing field, a large file, a link) are errors here: what it would say to a user is a defect.
  const warnings = said.split('\n').filter((line) => /WARNING|warn/i.test(line));
  if (warnings.length > 0) throw new PackageError(`[package] vsce warned:\n  ${warnings.join('\n  ')}`);
  return { vsix: out, bytes: statSync(out).size, files: listed };
}

/** "412 KB, 23 files" @param {{ bytes: number, files: string[] }} built */
export function describePackage(built) {
  return `${Math.round(built.bytes / 1024)} KB, ${built.files.length} files`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // --results <file>: the package's path, size and files as JSON (scripts/test.mjs prints them).
  const { values } = parseArgs({ options: { out: { type: 'string' }, results: { type: 'string' } } });
  try {
    const built = packageExtension(values.out ? { out: values.out } : {});
    console.log(`[package] ${relative(process.cwd(), built.vsix) || built.vsix}: ${describePackage(built)}`);
    if (values.results) {
      mkdirSync(dirname(resolve(values.results)), { recursive: true });
      writeFileSync(values.results, JSON.stringify(built, null, 2));
    }
    if (!existsSync(built.vsix)) process.exitCode = 1;
  } catch (error) {
    console.error(error instanceof PackageError ? error.message : error);
    process.exitCode = 1;
  }
}
