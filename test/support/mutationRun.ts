/**
 * StrykerJS (npm run test:mutation) reruns the tests that cover each changed
 * build of the code, thousands of builds in all, in worker processes it marks
 * with STRYKER_MUTATOR_WORKER. There the random and brute-force batteries run
 * a twentieth of their cases, so a run takes minutes; npm test always runs
 * them in full. The cases a battery keeps are its first ones: fixed seeds,
 * the same cases every run. The workflow tests that run the real adr-tools
 * (a second each, and they cover most of the core) are left out there; the
 * in-memory tests pin the same numbering.
 */
export const inMutationRun = process.env.STRYKER_MUTATOR_WORKER !== undefined;

/** `full` under npm test; in a mutation run a twentieth of it, and never fewer than `least`. */
export const scaled = (full: number, least = 1): number => (inMutationRun ? Math.max(least, Math.round(full / 20)) : full);
