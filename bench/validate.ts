// bench/validate: reading a workbook with many problems, or hostile nesting (issue 15 items 2 and 3).
// Run: npm run bench -- validate   (or npx tsx bench/validate.ts)
// Goal: linear. The example with 16,000 duplicated payments or 50,000 duplicated members is refused, every problem
// with its line, well under a second or two; a file nested a million deep is refused at once, naming the line.
import { readFileSync } from 'node:fs';
import { tooDeepAt } from '../shared/model/json-text';
import { lineOfPath, linesOfPaths, parseWorkbook } from '../shared/model/validate';
import { ms, table, time } from './harness';
import { unitaryLedger } from './workbooks';

const example = JSON.parse(readFileSync('examples/example-workbook.json', 'utf8'));
const pretty = (doc: unknown) => JSON.stringify(doc, null, 2);
const mb = (t: string) => (t.length / 1e6).toFixed(2);

/** The example with `n` copies of its first item of `list` appended: every copy is a problem ("used twice"). */
function duplicated(list: 'payments' | 'members', n: number): string {
  const doc = structuredClone(example);
  for (let i = 0; i < n; i++) doc[list].push(doc[list][0]);
  return pretty(doc);
}

const sizes = (process.env.BENCH_VALIDATE_SIZES ?? '1000,4000,16000').split(',').map(Number);
const rows: (string | number)[][] = [];
const cases: [string, string][] = [
  ...sizes.map((n): [string, string] => [`${n.toLocaleString('en')} duplicated payments`, duplicated('payments', n)]),
  ...sizes
    .map((n) => Math.round(n * 3.125))
    .map((n): [string, string] => [`${n.toLocaleString('en')} duplicated members`, duplicated('members', n)]),
];
for (const [what, text] of cases) {
  const runs = text.length > 10e6 ? 3 : 5;
  let problems = 0;
  let placed = 0;
  const t = time(() => {
    const r = parseWorkbook(text);
    problems = r.problems.length;
    placed = r.lines.filter((l) => l !== undefined).length;
  }, runs);
  rows.push([what, mb(text), runs, problems.toLocaleString('en'), placed.toLocaleString('en'), ms(t)]);
}
console.log('parseWorkbook on the example with duplicated items: every problem placed on its line; median ms');
console.log(table(['input', 'MB', 'runs', 'problems', 'with a line', 'ms'], rows));

// An accepted workbook pays for the nesting check on every load: compare with JSON.parse alone.
const ledger = unitaryLedger(1_000, 4);
const big = pretty(ledger);
const parseOnly = time(() => JSON.parse(big), 5);
const accepted = time(() => parseWorkbook(big), 5);
const deepCheck = time(() => tooDeepAt(big), 5);
const lookups = Number(process.env.BENCH_VALIDATE_LOOKUPS ?? 100);
const paths = Array.from({ length: lookups }, (_, i) => `payments[${(i * 7919) % ledger.payments.length}].amount`);
const one = time(() => lineOfPath(big, paths[lookups - 1]), 3);
const all = time(() => linesOfPaths(big, paths), 3);
console.log(
  `\naccepted workbook, ${mb(big)} MB: JSON.parse ${ms(parseOnly)} ms; the nesting check ${ms(deepCheck)} ms; parseWorkbook (check, parse, validation) ${ms(accepted)} ms`,
);
console.log(
  `line lookups in that file: one lineOfPath ${ms(one)} ms; ${lookups} paths in one linesOfPaths ${ms(all)} ms`,
);

const deepRows: (string | number)[][] = [];
for (const depth of [5_000, 100_000, 1_000_000]) {
  for (const [shape, text] of [
    ['root array', '['.repeat(depth) + ']'.repeat(depth)],
    ['unterminated', `{\n"format":\n${'['.repeat(depth)}`],
    [
      'in a member',
      pretty({ ...example, members: [{ ...example.members[0], note: 'DEEP' }, ...example.members.slice(1)] }).replace(
        '"DEEP"',
        '['.repeat(depth) + ']'.repeat(depth),
      ),
    ],
  ] as const) {
    let message = '';
    let threw = '';
    const t = time(() => {
      try {
        message = parseWorkbook(text).problems[0]?.message ?? 'accepted';
      } catch (e) {
        threw = (e as Error).message;
      }
    }, 3);
    deepRows.push([
      depth.toLocaleString('en'),
      shape,
      mb(text),
      ms(t),
      threw ? `THREW ${threw}` : message.slice(0, 70),
    ]);
  }
}
console.log('\ndeep nesting: refused with the line, never a stack overflow; median ms');
console.log(table(['depth', 'shape', 'MB', 'ms', 'first problem'], deepRows));
