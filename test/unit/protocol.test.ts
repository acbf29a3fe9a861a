/**
 * The form's messages (src/webview/protocol.ts): each schema takes every
 * well-formed message and refuses malformed ones, and parseMessage never
 * throws nor pollutes Object.prototype, whatever arrives (seeded fuzzing).
 */
import assert from 'node:assert/strict';
import { mulberry32 } from '../support/random';
import { extensionToWebviewSchema, parseMessage, webviewToExtensionSchema } from '../../src/webview/protocol';

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
