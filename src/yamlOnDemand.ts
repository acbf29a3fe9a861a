/**
 * The `yaml` package as dist/desk.js sees it: esbuild.mjs points desk's
 * `yaml` imports here, and the package itself is dist/yaml.js, loaded the
 * first time one of these is called. The tree's first load reads front
 * matter with the fast reader (src/core/plainYaml.ts) and needs no yaml, so
 * the desk bundle it waits for is a third smaller; writing a document, or
 * front matter outside the plain subset, loads yaml then (a few ms, once).
 * Unit tests and the other bundles import `yaml` itself.
 */
import nodePath from 'node:path';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own next to desk.js, deliberately not in it
  return (loaded ??= require(nodePath.join(__dirname, 'yaml.js')) as typeof Yaml);
}

export const parse = ((...args: Parameters<typeof Yaml.parse>) => yaml().parse(...args)) as typeof Yaml.parse;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const stringify = ((...args: Parameters<typeof Yaml.stringify>) => yaml().stringify(...args)) as typeof Yaml.stringify;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
/** The classes by a function each that makes one (`new` on it returns the instance): enough for `new Parser(…)`, not for `instanceof`. */
function lazyClass<K extends 'Composer' | 'LineCounter' | 'Parser'>(name: K): (typeof Yaml)[K] {
  return function (...args: unknown[]) {
    const Class = yaml()[name] as unknown as new (...args: unknown[]) => unknown;
    return new Class(...args);
  } as unknown as (typeof Yaml)[K];
}
export const Composer = lazyClass('Composer');
export const LineCounter = lazyClass('LineCounter');
export const Parser = lazyClass('Parser');
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
