// The fuzz harness (issue 15): `npm run fuzz` (scripts/fuzz.mjs) runs every test/fuzz/*.fuzz.ts target in a child
// process made by this file, and test/unit/fuzz-sample.test.ts runs a fixed-seed sample of each in the unit tests.
//
// ADDING A TARGET: create test/fuzz/NAME.fuzz.ts whose default export is a FuzzTarget:
//
//   export default {
//     name: 'tabular',                       // printed in the counts; `npm run fuzz -- tabular` runs it alone
//     arbitrary: fc.string(),                // fast-check arbitrary of one input (keep one input under ~50 ms)
//     run(input) {                           // may also return a Promise of the same
//       ...call the code under test...
//       return 'accepted';                   // it took the input and the output checked out exactly (an oracle)
//       return 'refused';                    // it said no in the intended way (file, line, field in the message)
//       return { defect: 'why' };            // wrong output, a refusal without its line, an unreadable message...
//     },
//   } satisfies FuzzTarget<string>;
//
// Whatever `run` throws is counted as a crash, and an input that takes longer than the time limit as a hang
// (the parent process kills a child that stops answering and carries on after that input). Every defect is printed
// with the seed and index that reproduce it: `npm run fuzz -- NAME --seed S --from I --runs 1`.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Verdict = 'accepted' | 'refused' | { defect: string };

export interface FuzzTarget<T = unknown> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  run(input: T): Verdict | Promise<Verdict>;
}

/** How one input ended: the two good outcomes, or one of the three kinds of defect. */
export type Outcome = 'accepted' | 'refused' | 'crash' | 'hang' | 'wrong';
export const OUTCOMES: readonly Outcome[] = ['accepted', 'refused', 'crash', 'hang', 'wrong'];

export interface Judged {
  outcome: Outcome;
  detail?: string;
  ms: number;
}

export const FUZZ_DIR = 'test/fuzz';

/** The target files, sorted, by name (the file name without .fuzz.ts). */
export function targetFiles(dir = FUZZ_DIR): { name: string; file: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.fuzz.ts'))
    .sort()
    .map((f) => ({ name: basename(f, '.fuzz.ts'), file: join(dir, f) }));
}

export async function loadTarget(file: string): Promise<FuzzTarget> {
  const mod = (await import(pathToFileURL(file).href)) as { default?: FuzzTarget };
  const t = mod.default;
  if (!t || typeof t.name !== 'string' || !t.arbitrary || typeof t.run !== 'function')
    throw new Error(`${file}: the default export is not a FuzzTarget`);
  return t;
}

/** Input `i` of a run with `seed`: each index has its own seed, so any input is made again on its own. */
export function inputAt<T>(target: FuzzTarget<T>, seed: number, i: number): T {
  return fc.sample(target.arbitrary, { seed: (seed + Math.imul(i, 0x9e3779b1)) | 0, numRuns: 1 })[0];
}

/** Runs one input and classifies it; never throws. */
export async function judge<T>(target: FuzzTarget<T>, input: T, limitMs: number): Promise<Judged> {
  const t0 = performance.now();
  let v: Verdict;
  try {
    v = await target.run(input);
  } catch (e) {
    return {
      outcome: 'crash',
      detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      ms: performance.now() - t0,
    };
  }
  const ms = performance.now() - t0;
  if (ms > limitMs) return { outcome: 'hang', detail: `took ${Math.round(ms)} ms (limit ${limitMs} ms)`, ms };
  if (v === 'accepted' || v === 'refused') return { outcome: v, ms };
  if (v && typeof v === 'object' && typeof v.defect === 'string') return { outcome: 'wrong', detail: v.defect, ms };
  return { outcome: 'wrong', detail: `run() returned ${String(v)}, not a verdict`, ms };
}

/** A short, printable picture of an input for a defect report. */
export function describe(input: unknown, max = 300): string {
  let s: string;
  try {
    s =
      typeof input === 'string'
        ? JSON.stringify(input)
        : JSON.stringify(input, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch {
    s = String(input);
  }
  s ??= String(input);
  return s.length > max ? `${s.slice(0, max)}… (${s.length.toLocaleString('en')} characters)` : s;
}

// Child mode (started by scripts/fuzz.mjs): `node --import tsx test/fuzz/harness.ts FILE SEED FROM RUNS LIMIT_MS`.
// Tells the parent which input it starts (so a hang or a dying process is pinned on it) and how each one ended.
async function child(): Promise<void> {
  const [file, seed, from, runs, limit] = process.argv.slice(2);
  const target = await loadTarget(file);
  const send = (m: unknown) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
  for (let i = Number(from); i < Number(runs); i++) {
    await send({ type: 'start', i });
    let input: unknown;
    try {
      input = inputAt(target, Number(seed), i);
    } catch (e) {
      await send({
        type: 'done',
        i,
        outcome: 'crash',
        detail: `the arbitrary itself threw: ${(e as Error).message}`,
        ms: 0,
      });
      continue;
    }
    const j = await judge(target, input, Number(limit));
    await send({
      type: 'done',
      i,
      ...j,
      input: j.outcome === 'accepted' || j.outcome === 'refused' ? undefined : describe(input),
    });
  }
  await send({ type: 'end' });
  process.disconnect();
}

if (process.send && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  child().catch((e) => {
    console.error(e);
    process.exit(3);
  });
}
