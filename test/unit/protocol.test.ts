/**
 * The form's messages (src/webview/protocol.ts): each schema takes every
 * well-formed message and refuses malformed ones, and parseMessage never
 * throws nor pollutes Object.prototype, whatever arrives (seeded fuzzing).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FIELD_LIMITS, PATH_MAX } from '../../src/core/fieldLimits';
import { loadFor, sendable, type LoadInput } from '../../src/views/formMessages';
import { mulberry32 } from '../support/random';
import { EXTENSION_MESSAGE_TYPES, extensionToWebviewSchema, parseMessage, webviewToExtensionSchema } from '../../src/webview/protocol';
import { scaled } from '../support/mutationRun';

const DEFAULTS = { currency: 'CNY', dayRate: 800, roundFeesTo: 0, taxRatePercent: 6 };
const KEY = 'file:///ws/docs/custom-requests/a/assessment.md';

const TO_WEBVIEW_OK: unknown[] = [
  { type: 'init', lang: 'en', strings: { assessment: 'Assessment' } },
  { type: 'init', lang: 'zh-cn', strings: {} },
  { type: 'assessments', items: [] },
  { type: 'assessments', items: [{ key: KEY, label: 'Acme', detail: 'docs/a/assessment.md' }], selected: KEY },
  { type: 'load', key: KEY, label: 'Acme', defaults: DEFAULTS },
  { type: 'load', key: KEY, label: 'Acme', estimate: { anything: ['goes'] }, defaults: DEFAULTS, problem: 'bad YAML' },
  { type: 'saved', key: KEY, message: 'Saved.' },
  { type: 'failed', message: 'Nothing written.' },
  { type: 'failed', key: KEY, message: 'Nothing written.' },
];

const TO_WEBVIEW_BAD: unknown[] = [
  undefined,
  null,
  'init',
  42,
  [],
  {},
  { type: 'unknown' },
  { type: 'init', lang: 'fr', strings: {} },
  { type: 'init', lang: 'en' },
  { type: 'init', lang: 'en', strings: { a: 1 } },
  { type: 'init', lang: 'en', strings: { a: 'x'.repeat(2001) } },
  { type: 'assessments', items: [{ key: KEY, label: 'Acme' }] },
  { type: 'assessments', items: {} },
  { type: 'assessments', items: [], selected: 7 },
  { type: 'load', key: KEY, label: 'Acme' },
  { type: 'load', key: KEY, label: 'Acme', defaults: { ...DEFAULTS, dayRate: '800' } },
  { type: 'load', key: KEY, label: 'Acme', defaults: { ...DEFAULTS, currency: 'EURO' } },
  { type: 'load', key: 'k'.repeat(4001), label: 'Acme', defaults: DEFAULTS },
  { type: 'load', label: 'Acme', defaults: DEFAULTS },
  { type: 'saved', key: KEY },
  { type: 'saved', message: 'x' },
  { type: 'failed' },
  { type: 'failed', key: null, message: 'x' },
  { type: 'save', key: KEY, estimate: {} },
];

const TO_EXTENSION_OK: unknown[] = [
  { type: 'ready' },
  { type: 'ready', key: KEY, dirty: true },
  { type: 'select', key: KEY, dirty: false },
  { type: 'select', key: KEY, dirty: true, estimate: { currency: 'CNY' } },
  { type: 'dirty', key: KEY, dirty: true },
  { type: 'save', key: KEY, estimate: { currency: 'CNY' } },
  { type: 'save', key: KEY, estimate: 'not checked here' },
  { type: 'generateQuote', key: KEY, estimate: {} },
  { type: 'newAssessment' },
  { type: 'open', key: KEY },
];

const TO_EXTENSION_BAD: unknown[] = [
  undefined,
  null,
  'ready',
  { type: 'READY' },
  { type: 'ready', dirty: 'yes' },
  { type: 'ready', key: 5 },
  { type: 'select', key: KEY },
  { type: 'select', dirty: true },
  { type: 'dirty', key: KEY },
  { type: 'save', estimate: {} },
  { type: 'generateQuote', estimate: {} },
  { type: 'open' },
  { type: 'open', key: 'k'.repeat(4001) },
  { type: 'init', lang: 'en', strings: {} },
];


const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'type', 'key', 'estimate', 'items', 'strings', 'defaults', 'hasOwnProperty', ''];
const TYPES = ['init', 'assessments', 'load', 'saved', 'failed', 'ready', 'select', 'dirty', 'save', 'generateQuote', 'newAssessment', 'open', '__proto__', 'constructor'];

function fuzzValue(random: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const kind = Math.floor(random() * (depth > 3 ? 7 : 10));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return pick([0, -1, 1.5, Number.NaN, Infinity, -Infinity, 1e308, Number.MAX_SAFE_INTEGER + 2, -0]);
    case 3:
      return pick(['', 'en', 'zh-cn', 'x'.repeat(5000), 'k'.repeat(100_000), '\u0000\uFFFF\uD800', '<script>alert(1)</script>', '{{x}}', ...TYPES]);
    case 4:
      return random() < 0.5;
    case 5:
      return pick([Symbol('s'), 10n, () => 1, new Date(0), /re/]);
    case 6:
      return pick(TYPES);
    case 7: {
      const out: unknown[] = [];
      const n = Math.floor(random() * 5);
      for (let i = 0; i < n; i++) out.push(fuzzValue(random, depth + 1));
      return out;
    }
    default: {
      // An object built like JSON.parse builds it, so "__proto__" is an own key, plus a plausible type.
      const entries: [string, unknown][] = [];
      if (random() < 0.7) entries.push(['type', pick(TYPES)]);
      const n = Math.floor(random() * 6);
      for (let i = 0; i < n; i++) entries.push([pick(NASTY_KEYS), fuzzValue(random, depth + 1)]);
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
      return out;
    }
  }
}

describe('form protocol', () => {
  it('EXTENSION_MESSAGE_TYPES lists exactly the types the extension→webview schema takes', () => {
    const inSchema = extensionToWebviewSchema._zod.def.options.map((option) => option._zod.def.shape.type._zod.def.values[0]);
    assert.deepEqual([...EXTENSION_MESSAGE_TYPES].sort(), [...inSchema].sort());
  });

  it('the extension→webview schema takes every well-formed message', () => {
    for (const message of TO_WEBVIEW_OK) {
      const result = parseMessage(extensionToWebviewSchema, message);
      assert.equal(result.ok, true, JSON.stringify(message));
    }
  });

  it('the extension→webview schema refuses malformed messages, with a reason', () => {
    for (const message of TO_WEBVIEW_BAD) {
      const result = parseMessage(extensionToWebviewSchema, message);
      assert.equal(result.ok, false, JSON.stringify(message));
      if (!result.ok) assert.ok(result.reason.length > 0);
    }
  });

  it('the webview→extension schema takes every well-formed message', () => {
    for (const message of TO_EXTENSION_OK) assert.equal(parseMessage(webviewToExtensionSchema, message).ok, true, JSON.stringify(message));
  });

  it('the webview→extension schema refuses malformed messages', () => {
    for (const message of TO_EXTENSION_BAD) assert.equal(parseMessage(webviewToExtensionSchema, message).ok, false, JSON.stringify(message));
  });

  it('names the wrong field in the reason', () => {
    const result = parseMessage(extensionToWebviewSchema, { type: 'saved', key: KEY, message: 5 });
    assert.deepEqual(result, { ok: false, reason: 'message: invalid_type' });
    const nested = parseMessage(extensionToWebviewSchema, { type: 'load', key: KEY, label: 'A', defaults: { ...DEFAULTS, dayRate: 'x' } });
    assert.deepEqual(nested, { ok: false, reason: 'defaults.dayRate: invalid_type' });
  });

  it('parses a JSON message carrying "__proto__" without polluting Object.prototype', () => {
    const message = JSON.parse('{"type":"load","key":"k","label":"A","defaults":{"currency":"CNY","dayRate":1,"roundFeesTo":0,"taxRatePercent":0},"estimate":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}') as unknown;
    const result = parseMessage(extensionToWebviewSchema, message);
    assert.equal(result.ok, true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('never throws and never pollutes Object.prototype, for 6,000 random values per direction', () => {
    const random = mulberry32(0xc0ffee);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    let accepted = 0;
    for (let i = 0; i < 6000; i++) {
      const value = fuzzValue(random);
      for (const schema of [extensionToWebviewSchema, webviewToExtensionSchema] as const) {
        let result: ReturnType<typeof parseMessage>;
        try {
          result = parseMessage(schema as Parameters<typeof parseMessage>[0], value);
        } catch (error) {
          assert.fail(`value #${i} threw: ${String(error)}`);
        }
        if (result.ok) accepted++;
        else assert.equal(typeof result.reason, 'string');
      }
    }
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys);
    for (const key of ['polluted', 'type', 'key', 'estimate', 'items']) assert.equal(key in {}, false, `Object.prototype got "${key}"`);
    // Some random values are well-formed (e.g. {type: 'newAssessment'}): the fuzzer reaches past the first check.
    assert.ok(accepted > 0, 'some fuzzed values were valid messages');
  });
});

describe('form protocol: what the extension builds, the webview takes (issue 20, item 6)', () => {
  const FILE = 'docs/custom-requests/a/assessment.md';
  const input = (frontMatter: Record<string, unknown>, lang: LoadInput['lang'] = 'en'): LoadInput => ({ key: KEY, file: FILE, defaults: DEFAULTS, frontMatter, lang });
  const ESTIMATE = { currency: 'CNY', workItems: [] };

  it('a 201-character tag is left out and named in the notice; the key, name, other tags and estimate still go', () => {
    const long = 't'.repeat(201);
    const message = loadFor(input({ customer: 'Acme', title: 'Push data', capabilities: ['sso', long], estimate: ESTIMATE }));
    assert.equal(parseMessage(extensionToWebviewSchema, message).ok, true);
    assert.deepEqual({ ...message, notice: undefined }, { type: 'load', key: KEY, label: 'Acme: Push data', defaults: DEFAULTS, capabilities: ['sso'], estimate: ESTIMATE, notice: undefined });
    assert.equal(
      message.notice,
      `The capability tag "${'t'.repeat(40)}…" in ${FILE} is longer than 60 characters; shorten it in the front matter's "capabilities". Until then the form leaves it out.`,
    );
    const zh = loadFor(input({ customer: 'Acme', title: 'Push data', capabilities: [long] }, 'zh-cn'));
    assert.equal(zh.notice, `${FILE} 中的能力标签“${'t'.repeat(40)}…”超过 60 个字符，请在 front matter 的 “capabilities” 中缩短。在此之前，表单不显示该标签。`);
    // At the front matter's limit the tag goes, with no notice: the same limit as the schema that reads the file.
    const atLimit = loadFor(input({ customer: 'Acme', title: 'Push data', capabilities: ['t'.repeat(FIELD_LIMITS.capabilityTag)] }));
    assert.deepEqual([atLimit.capabilities, atLimit.notice], [['t'.repeat(60)], undefined]);
  });

  it('a 1,001-character customer is named in the notice and the request goes by its file', () => {
    const message = loadFor(input({ customer: 'C'.repeat(1001), title: 'Push data', estimate: ESTIMATE }));
    assert.equal(parseMessage(extensionToWebviewSchema, message).ok, true);
    assert.equal(message.key, KEY);
    assert.equal(message.label, FILE);
    assert.deepEqual(message.estimate, ESTIMATE);
    assert.equal(
      message.notice,
      `The customer in ${FILE} is longer than 200 characters (it has 1001); shorten "customer" in its front matter. Until then the form names the request by its file.`,
    );
    const zh = loadFor(input({ customer: 'Acme', title: '标'.repeat(301) }, 'zh-cn'));
    assert.equal(zh.notice, `${FILE} 中的需求标题超过 300 个字符（现有 301 个），请在其 front matter 中缩短 “title”。在此之前，表单以文件路径称呼该需求。`);
  });

  it('31 tags: the first 30 go and the notice says how many there are', () => {
    const tags = Array.from({ length: 31 }, (_, i) => `tag-${i}`);
    const message = loadFor(input({ customer: 'Acme', title: 'T', capabilities: tags }));
    assert.deepEqual(message.capabilities, tags.slice(0, 30));
    assert.equal(message.notice, `${FILE} has 31 capability tags; at most 30 are allowed. Remove some from the front matter's "capabilities"; until then the form shows the first 30.`);
  });

  it('a message the webview schema refuses is sent as a "failed" one naming the field, which the webview takes', () => {
    const tooLong = { type: 'load' as const, key: 'k'.repeat(PATH_MAX + 1), label: 'A', defaults: DEFAULTS };
    const { message, dropped } = sendable(tooLong, 'en');
    assert.equal(dropped, 'key: too_big');
    assert.equal(message.type, 'failed');
    assert.equal(parseMessage(extensionToWebviewSchema, message).ok, true);
    assert.ok(message.type === 'failed' && message.message.includes('Field "key" must be at most 4000 characters'), JSON.stringify(message));
    const ok = { type: 'saved' as const, key: KEY, message: 'Saved.' };
    assert.deepEqual(sendable(ok, 'en'), { message: ok });
  });

  it('whatever front matter the extension reads, the webview takes the load message it builds (property)', () => {
    const longText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constantFrom('x'.repeat(201), 'x'.repeat(1001), '\uFDFD'.repeat(60), ' a\nb ', ''));
    const anyValue = fc.oneof(longText, fc.integer(), fc.constant(null), fc.array(longText, { maxLength: 3 }));
    const frontMatter = fc.record(
      {
        customer: fc.oneof(longText, anyValue),
        title: fc.oneof(longText, anyValue),
        capabilities: fc.oneof(fc.array(fc.oneof(longText, anyValue), { maxLength: 40 }), anyValue),
        estimate: fc.oneof(anyValue, fc.object()),
      },
      { requiredKeys: [] },
    );
    const file = fc.oneof(fc.constant(FILE), fc.string({ minLength: 1, maxLength: PATH_MAX }));
    fc.assert(
      fc.property(frontMatter, file, fc.constantFrom('en', 'zh-cn') as fc.Arbitrary<LoadInput['lang']>, (fm, path, lang) => {
        const message = loadFor({ key: KEY, file: path, defaults: DEFAULTS, frontMatter: fm, lang });
        const parsed = parseMessage(extensionToWebviewSchema, message);
        assert.equal(parsed.ok, true, parsed.ok ? '' : parsed.reason);
        assert.equal(message.key, KEY, 'always the request asked for');
        assert.equal(sendable(message, lang).dropped, undefined);
      }),
      { seed: 20_206, numRuns: scaled(400, 10) },
    );
  });
});
