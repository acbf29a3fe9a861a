/**
 * `npm run bench:hostile [-- scale] [-- filter]`: every scanner of user or
 * repository text (scripts/bench/hostileScanners.ts) on a hostile input built
 * for it at 0.5 MB and 1 MB, and on an ordinary input of 1 MB. For each it
 * prints both times, the growth ratio from 0.5 MB to 1 MB (about 2 for linear
 * time, about 4 for quadratic) and the hostile input's time over the ordinary
 * one's, and flags any scanner whose growth ratio is over 3.
 *
 * Printed, never asserted: the unit tests (test/unit/hardening-regex.test.ts,
 * test/unit/exportHtml.test.ts) check the results with inputs large enough
 * that a quadratic scanner would run into mocha's timeout. `scale` multiplies
 * the sizes (default 1); `filter` keeps the scanners whose name contains it.
 *
 * A growth over 3 is checked with one more doubling (2 MB), so a size step
 * of V8's own is not taken for a quadratic scanner; both figures are printed.
 *
 * A scanner is first probed at 32 KB and 64 KB; if its growth there projects
 * more than 20 s at 1 MB it is flagged and not run at full size (a quadratic
 * one would take minutes to hours).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SCANNERS, type Scanner } from './bench/hostileScanners';

// A full collection before each round, so one scanner's garbage is not charged to the next figure.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const scale = Number(process.argv[2] ?? 1) || 1;
const filter = process.argv[3] ?? '';
const MB = 1024 * 1024;
const FLAG_GROWTH = 3;
/** Over FLAG_GROWTH from 0.5 to 1 MB, and again from 1 to 2 MB (or projected too slow to run): super-linear. */
const isFlagged = (r: Result) => r.growth > FLAG_GROWTH && (r.confirm === undefined || r.confirm > FLAG_GROWTH);
const PROJECTED_LIMIT_MS = 20_000;
/** Each figure is the best of ROUNDS, each round repeating the call until MIN_ROUND_MS has passed. */
const ROUNDS = 3;
const MIN_ROUND_MS = 30;

async function msPerCall(run: Scanner['run'], input: string): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    gc();
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      await run(input);
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < MIN_ROUND_MS && calls < 10_000);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

interface Result {
  name: string;
  hostile: string;
  half?: number;
  full?: number;
  ordinary?: number;
  growth: number;
  /** growth from 1 MB to 2 MB, measured when `growth` is over FLAG_GROWTH */
  confirm?: number;
  projectedMs?: number;
}

async function measure(scanner: Scanner): Promise<Result> {
  const size = (bytes: number) => Math.round(bytes * scale);
  await scanner.run(scanner.make(4096)); // warm up
  const small = await msPerCall(scanner.run, scanner.make(size(32 * 1024)));
  const double = await msPerCall(scanner.run, scanner.make(size(64 * 1024)));
  const probeGrowth = double / Math.max(small, 1e-6);
  // Growth per doubling, four doublings from 64 KB to 1 MB.
  const projectedMs = double * Math.max(probeGrowth, 1) ** 4;
  if (projectedMs > PROJECTED_LIMIT_MS) return { name: scanner.name, hostile: scanner.hostile, growth: probeGrowth, projectedMs };
  const halfInput = scanner.make(size(MB / 2));
  const fullInput = scanner.make(size(MB));
  let half = await msPerCall(scanner.run, halfInput);
  let full = await msPerCall(scanner.run, fullInput);
  if (full / Math.max(half, 1e-6) > FLAG_GROWTH) {
    // Measured again before it is flagged: a collection or a tier-up landing in one figure can double it.
    half = Math.min(half, await msPerCall(scanner.run, halfInput));
    full = Math.min(full, await msPerCall(scanner.run, fullInput));
  }
  let confirm: number | undefined;
  if (full / Math.max(half, 1e-6) > FLAG_GROWTH) {
    // V8 has size steps of its own (String.prototype.replace jumps about 7× from 0.5 to 1 MB, then grows 2× per
    // doubling): one more doubling tells such a step from a quadratic scanner, which grows about 4× again.
    confirm = (await msPerCall(scanner.run, scanner.make(size(2 * MB)))) / Math.max(full, 1e-6);
  }
  const ordinary = await msPerCall(scanner.run, scanner.ordinary(size(MB)));
  return { name: scanner.name, hostile: scanner.hostile, half, full, ordinary, growth: full / Math.max(half, 1e-6), confirm };
}

const ms = (value: number | undefined) => (value === undefined ? '—' : value < 0.1 ? value.toFixed(4) : value.toFixed(1)).padStart(10);
const times = (value: number) => `${value.toFixed(2)}×`.padStart(9);

async function main(): Promise<void> {
  const scanners = SCANNERS.filter((s) => s.name.includes(filter));
  console.log(`${scanners.length} scanners, hostile inputs of ${(0.5 * scale).toFixed(2)} MB and ${scale.toFixed(2)} MB, ordinary input of ${scale.toFixed(2)} MB (times in ms per call)\n`);
  console.log(`${'0.5 MB'.padStart(10)} ${'1 MB'.padStart(10)} ${'growth'.padStart(9)} ${'1 MB ord.'.padStart(10)} ${'vs ord.'.padStart(9)}  scanner: hostile input`);
  const results: Result[] = [];
  for (const scanner of scanners) {
    const r = await measure(scanner);
    results.push(r);
    const flag = isFlagged(r) ? '  ⚠ SUPER-LINEAR' : r.confirm !== undefined ? `  (a step, not a trend: 1 → 2 MB grows ${r.confirm.toFixed(2)}×)` : '';
    if (r.projectedMs !== undefined) {
      console.log(`${ms(undefined)} ${ms(undefined)} ${times(r.growth)} ${ms(undefined)} ${''.padStart(9)}  ${r.name}: ${r.hostile} — skipped, 1 MB projected at ${(r.projectedMs / 1000).toFixed(0)} s${flag}`);
    } else {
      console.log(`${ms(r.half)} ${ms(r.full)} ${times(r.growth)} ${ms(r.ordinary)} ${times(r.full! / Math.max(r.ordinary!, 1e-6))}  ${r.name}: ${r.hostile}${flag}`);
    }
  }
  const flagged = results.filter(isFlagged);
  const measured = results.filter((r) => r.full !== undefined);
  const worst = [...measured].sort((a, b) => b.growth - a.growth)[0];
  const slowest = [...measured].sort((a, b) => b.full! - a.full!)[0];
  console.log(`\nSummary: ${results.length} scanners; growth 0.5 → 1 MB from ${Math.min(...measured.map((r) => r.growth)).toFixed(2)}× to ${worst?.growth.toFixed(2)}× (${worst?.name});`);
  console.log(`slowest at 1 MB: ${slowest?.name} ${slowest?.full?.toFixed(1)} ms; flagged (growth > ${FLAG_GROWTH}): ${flagged.length === 0 ? 'none' : flagged.map((r) => r.name).join(', ')}`);
  if (flagged.length > 0) process.exitCode = 1;
}

void main();
