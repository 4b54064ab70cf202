#!/usr/bin/env node
// npm run fuzz [-- NAME ...] [--runs 10000] [--seed S] [--from I] [--time-limit MS]
// Runs each test/fuzz/NAME.fuzz.ts target (see test/fuzz/harness.ts for how to add one) over generated inputs and
// prints, per target, how many were accepted, refused, and how many were defects: crashes, hangs, wrong outputs.
// Exits 1 on any defect.
//
// Why a child process per target under plain Node (tsx as loader) rather than vitest: a hang is synchronous code
// that never returns, which no in-process timeout can stop; here the parent kills a child that stops answering,
// counts the input as a hang and starts a new child after it. The output is the counts, not a test report.
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    from: { type: 'string', default: '0' },
    'time-limit': { type: 'string', default: '10000' },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const limit = Number(values['time-limit']);
const all = readdirSync('test/fuzz')
  .filter((f) => f.endsWith('.fuzz.ts'))
  .sort()
  .map((f) => f.slice(0, -'.fuzz.ts'.length));
const names = positionals.length ? positionals : all;
for (const n of names) {
  if (!all.includes(n)) {
    console.error(`fuzz: no test/fuzz/${n}.fuzz.ts (have: ${all.join(', ')})`);
    process.exit(2);
  }
}

const OUTCOMES = ['accepted', 'refused', 'crash', 'hang', 'wrong'];
const SHOWN = 5; // defects printed in full per target; all are counted

/** Runs inputs [from, runs) of one target; a child that hangs or dies is replaced, starting after that input. */
async function runTarget(name) {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  const defects = [];
  const t0 = Date.now();
  let next = Number(values.from);
  while (next < runs) {
    next = await new Promise((resolve) => {
      const child = fork(
        'test/fuzz/harness.ts',
        [`test/fuzz/${name}.fuzz.ts`, String(seed), String(next), String(runs), String(limit)],
        {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        },
      );
      let current = next;
      let settled = false;
      let watchdog;
      const arm = () => {
        clearTimeout(watchdog);
        // The child checks its own time per input; this catches the input that never returns (plus start-up).
        watchdog = setTimeout(
          () => {
            record(current, 'hang', `no answer after ${limit * 2} ms: killed`);
            child.kill('SIGKILL');
          },
          limit * 2 + 5_000,
        );
      };
      const record = (i, outcome, detail, input) => {
        if (settled) return;
        counts[outcome]++;
        if (outcome !== 'accepted' && outcome !== 'refused') defects.push({ i, outcome, detail, input });
        current = i + 1;
      };
      arm();
      child.on('message', (m) => {
        if (m.type === 'start') {
          current = m.i;
          arm();
        } else if (m.type === 'done') record(m.i, m.outcome, m.detail, m.input);
        else if (m.type === 'end') {
          settled = true;
          current = runs;
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(watchdog);
        if (!settled && current < runs && signal !== 'SIGKILL')
          record(current, 'crash', `the process ended (${signal ?? `exit ${code}`}) during this input`);
        settled = true;
        resolve(current);
      });
    });
    if (runs - next > 0 && (Date.now() - t0) / 1000 > 3600) break; // an hour per target is enough
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const total = OUTCOMES.reduce((s, o) => s + counts[o], 0);
  console.log(
    `${name.padEnd(12)} ${String(total).padStart(6)} inputs: ${counts.accepted} accepted, ${counts.refused} refused, ` +
      `${counts.crash} crashes, ${counts.hang} hangs, ${counts.wrong} wrong outputs (${secs} s)`,
  );
  for (const d of defects.slice(0, SHOWN)) {
    console.log(`  ${d.outcome} at input ${d.i}: ${d.detail}`);
    if (d.input) console.log(`    input: ${d.input}`);
    console.log(`    again: npm run fuzz -- ${name} --seed ${seed} --from ${d.i} --runs ${d.i + 1}`);
  }
  if (defects.length > SHOWN) console.log(`  … and ${defects.length - SHOWN} more defects`);
  return counts;
}

console.log(`fuzz: seed ${seed}, inputs ${values.from}–${runs - 1} per target, time limit ${limit} ms per input`);
const totals = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
for (const name of names) {
  const c = await runTarget(name);
  for (const o of OUTCOMES) totals[o] += c[o];
}
const defects = totals.crash + totals.hang + totals.wrong;
console.log(
  `total        ${OUTCOMES.reduce((s, o) => s + totals[o], 0)} inputs: ${totals.accepted} accepted, ${totals.refused} refused, ` +
    `${totals.crash} crashes, ${totals.hang} hangs, ${totals.wrong} wrong outputs`,
);
process.exit(defects > 0 ? 1 : 0);
