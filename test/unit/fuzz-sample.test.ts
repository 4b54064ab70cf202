// A fixed-seed sample of every fuzz target (test/fuzz/*.fuzz.ts, issue 15): the same few hundred inputs on every
// run, so CI catches a regression that `npm run fuzz` (10,000+ new inputs a run) found once.
import { describe as group, expect, it } from 'vitest';
import { describe, inputAt, judge, loadTarget, targetFiles } from '../fuzz/harness';

const SEED = 15;
const PER_TARGET = 200;

group('fuzz sample (issue 15): no crash, hang or wrong output', () => {
  for (const { name, file } of targetFiles()) {
    it(`${name}: ${PER_TARGET} inputs from seed ${SEED}`, async () => {
      const target = await loadTarget(file);
      const defects: string[] = [];
      const seen = { accepted: 0, refused: 0 };
      for (let i = 0; i < PER_TARGET; i++) {
        const input = inputAt(target, SEED, i);
        const j = await judge(target, input, 10_000);
        if (j.outcome === 'accepted' || j.outcome === 'refused') seen[j.outcome]++;
        else defects.push(`${j.outcome} at input ${i}: ${j.detail}\n  input: ${describe(input)}`);
      }
      expect(defects).toEqual([]);
      expect(seen.accepted + seen.refused).toBe(PER_TARGET);
    }, 300_000);
  }
});
