import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { moduleReferences } from '../support/moduleReferences';
import { REPO_ROOT } from './templateFiles';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = nodePath.join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Node built-ins src/core may use: none today (core reads files through its ReadFs port). */
const CORE_BUILTINS: readonly string[] = [];

/**
 * Every module reference in `coreDir` that leaves it: a relative or absolute
 * path outside the folder, a Node built-in not in CORE_BUILTINS, a package that
 * is not one of `packages` (the runtime dependencies; `vscode` is not one), or a
 * module computed at run time. Lines read "<file>:<line> <kind> <specifier>: <why>".
 */
function coreImportOffenders(coreDir: string, packages: readonly string[]): { offenders: string[]; references: number } {
  const offenders: string[] = [];
  let references = 0;
  for (const file of sourceFiles(coreDir)) {
    for (const ref of moduleReferences(file, readFileSync(file, 'utf8'))) {
      references++;
      const where = `${nodePath.relative(coreDir, file)}:${ref.line} ${ref.kind}`;
      const spec = ref.specifier;
      if (spec === undefined) {
        offenders.push(`${where} (computed): not a string literal`);
      } else if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = nodePath.resolve(nodePath.dirname(file), spec);
        if (target !== coreDir && !target.startsWith(coreDir + nodePath.sep)) offenders.push(`${where} ${spec}: outside src/core`);
      } else if (isBuiltin(spec) || spec.startsWith('node:')) {
        if (!CORE_BUILTINS.includes(spec.replace(/^node:/, ''))) offenders.push(`${where} ${spec}: Node built-in`);
      } else {
        const name = spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
        if (!packages.includes(name)) offenders.push(`${where} ${spec}: ${name === 'vscode' ? 'the editor API' : 'not a runtime dependency'}`);
      }
    }
  }
  return { offenders, references };
}

describe('architecture boundaries', () => {
  it('src/core refers to nothing outside itself but its runtime packages: no vscode, no Node built-ins', () => {
    const packages = Object.keys((JSON.parse(readFileSync(nodePath.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    assert.ok(!packages.includes('vscode'));

    // The check itself, on a throw-away folder with one offender of each kind.
    const scratch = mkdtempSync(nodePath.join(tmpdir(), 'crd-boundaries-'));
    try {
      const core = nodePath.join(scratch, 'src', 'core');
      mkdirSync(nodePath.join(core, 'inner'), { recursive: true });
      writeFileSync(nodePath.join(core, 'inner', 'ok.ts'), "import { parse } from 'yaml';\nimport type { Lang } from '../lang';\nexport * from './sibling';\nconst z = require('zod/mini');\n");
      writeFileSync(
        nodePath.join(core, 'bad.ts'),
        [
          "import 'vscode';",
          "const v = import('vscode');",
          "export { x } from '../commands/x';",
          "import { y } from './../../src/today';",
          "import { Worker } from 'worker_threads';",
          "import fs = require('node:fs/promises');",
          "const u = require('util');",
          "const name = 'v' + 'scode';",
          'const w = import(name);',
          "type T = import('vscode').Uri;",
          "export * from 'lodash';",
        ].join('\n'),
      );
      assert.deepEqual(coreImportOffenders(core, packages).offenders, [
        'bad.ts:1 import vscode: the editor API',
        'bad.ts:2 dynamic-import vscode: the editor API',
        'bad.ts:3 export-from ../commands/x: outside src/core',
        'bad.ts:4 import ./../../src/today: outside src/core',
        'bad.ts:5 import worker_threads: Node built-in',
        'bad.ts:6 import-equals node:fs/promises: Node built-in',
        'bad.ts:7 require util: Node built-in',
        'bad.ts:9 dynamic-import (computed): not a string literal',
        'bad.ts:10 import-type vscode: the editor API',
        'bad.ts:11 export-from lodash: not a runtime dependency',
      ]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }

    const { offenders, references } = coreImportOffenders(nodePath.join(REPO_ROOT, 'src', 'core'), packages);
    assert.ok(references > 10, `only ${references} module references found in src/core`);
    assert.deepEqual(offenders, []);
  });

  it('activation loads a small bundle without yaml, zod or Handlebars; the desk bundle has no zod locales and no yaml (yaml.js has it); both leave vscode external', function () {
    this.timeout(60_000);
    const out = nodePath.join(REPO_ROOT, 'test-output', 'bundle');
    execFileSync(process.execPath, [nodePath.join(REPO_ROOT, 'esbuild.mjs'), '--production', `--outdir=${out}`], { cwd: REPO_ROOT, stdio: 'pipe' });
    /** The inputs esbuild put into a bundle, with their bytes in it. */
    const inputsOf = (name: string) => {
      const meta = JSON.parse(readFileSync(nodePath.join(out, `${name}.meta.json`), 'utf8')) as {
        outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
      };
      return Object.entries(Object.values(meta.outputs).find((o) => Object.keys(o.inputs).length > 0)!.inputs);
    };
    const size = statSync(nodePath.join(out, 'extension.js')).size;
    assert.ok(size < 250 * 1024, `dist/extension.js is ${(size / 1024).toFixed(1)} KB`);
    const eager = inputsOf('extension').filter(([name, v]) => v.bytesInOutput > 0 && /node_modules\/(yaml|zod|handlebars)\//.test(name));
    assert.deepEqual(eager.map(([name]) => name), [], 'what activation loads pulls in no document machinery');
    for (const name of ['extension', 'desk']) assert.match(readFileSync(nodePath.join(out, `${name}.js`), 'utf8'), /require\("vscode"\)/, `${name}.js leaves vscode external`);
    // zod's classic API drags in every locale (400 KB); core uses zod/mini, which tree-shakes.
    const localeBytes = inputsOf('desk').filter(([name]) => name.includes('zod/v4/locales')).reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
    assert.equal(localeBytes, 0);
    assert.ok(inputsOf('desk').some(([name]) => name.includes('node_modules/zod/')), 'the desk bundle is where zod is');
    // yaml is a bundle of its own, loaded by src/yamlOnDemand.ts on first use: the tree's first load does without it.
    assert.deepEqual(inputsOf('desk').filter(([name, v]) => v.bytesInOutput > 0 && name.includes('node_modules/yaml/')).map(([name]) => name), []);
    assert.ok(inputsOf('yaml').some(([name, v]) => v.bytesInOutput > 0 && name.includes('node_modules/yaml/')), 'dist/yaml.js holds yaml');
    assert.match(readFileSync(nodePath.join(out, 'desk.js'), 'utf8'), /"yaml\.js"/, 'desk.js loads yaml.js');
  });
});
