// The CLI's own run() (cli/main.ts) on generated command lines and files: members CSVs in every delimiter and
// encoding, damaged; workbooks, damaged; flags right and wrong. Exit 0: the output checks out (JSON amounts against
// the rational oracle, sums exact). Exit 1 or 2: the refusal names FILE:LINE or is a usage message. Never a throw,
// a stack trace, or another exit code.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/main';
import { WIPO_UNITARY } from '../../shared/model/schemes';
import { badWords, codeArb, decimalArb, garble, mutate, mutationsArb, textMutationArb, workbookArb } from './gen';
import type { FuzzTarget, Verdict } from './harness';
import { apportionOracle, sumsTo, unitValueOracle } from './oracle';

const dir = join(tmpdir(), `contrib-fuzz-${process.pid}`);
mkdirSync(dir, { recursive: true });

const classCodes = WIPO_UNITARY.classes.map((c) => c.code);

const csvArb = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    scale: fc.boolean(),
    rows: fc.uniqueArray(
      fc.record({
        code: codeArb,
        name: fc.oneof(
          fc.constantFrom('Ruritania', 'Côte d’Ivoire', 'A, B', 'Say "hi"', ''),
          fc.string({ maxLength: 6 }),
        ),
        cls: fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...classCodes) },
          { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
        ),
        weight: decimalArb(6),
      }),
      { minLength: 0, maxLength: 30, selector: (r) => r.code },
    ),
    garbling: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.array(textMutationArb, { minLength: 1, maxLength: 2 }) },
    ),
    encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'latin1', 'utf16le'),
  })
  .map((c) => {
    const q = (s: string) => (/[",;\t\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
    const weightText = (w: string) => (c.delimiter !== ',' && c.rows.length % 2 === 0 ? w.replace('.', ',') : w);
    const lines = [
      ['code', 'name', c.scale ? 'weight' : 'class'].join(c.delimiter),
      ...c.rows.map((r) => [q(r.code), q(r.name), c.scale ? weightText(r.weight) : q(r.cls)].join(c.delimiter)),
    ];
    let text = lines.join(c.crlf ? '\r\n' : '\n') + '\n';
    if (c.garbling) text = garble(text, c.garbling);
    const body =
      c.encoding === 'utf16le'
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
        : Buffer.from(text, c.encoding as BufferEncoding);
    return {
      bytes: c.bom && c.encoding === 'utf8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body,
      scale: c.scale,
      rows: c.rows.length,
    };
  });

const commandArb = fc.oneof(
  fc.record({
    kind: fc.constant('csv' as const),
    csv: csvArb,
    level: fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .bigInt({ min: 0n, max: 10n ** 12n })
          .map((n) => `${n / 100n}.${String(n % 100n).padStart(2, '0')}`),
      },
      { weight: 2, arbitrary: decimalArb(10) },
      { weight: 1, arbitrary: fc.constantFrom('1000000.00', '0', '-5', '1e6', 'abc', '') },
    ),
    unitValue: fc.boolean(),
    unit: fc.option(fc.constantFrom('0.01', '0.01', '1', '0.05', '0.001', '0', 'x'), { freq: 2 }),
    rounding: fc.option(fc.constantFrom('half-up', 'half-even', 'up'), { freq: 3 }),
    format: fc.constantFrom('json', 'json', 'csv', 'table'),
  }),
  fc.record({
    kind: fc.constant('workbook' as const),
    wb: fc
      .tuple(
        workbookArb,
        mutationsArb,
        fc.nat(2),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.array(textMutationArb, { maxLength: 2 }) },
        ),
      )
      .map(([wb, ms, k, g]) => {
        const text = JSON.stringify(mutate(wb, ms.slice(0, k === 0 ? 1 : 0)), null, 2);
        return g ? garble(text, g) : text;
      }),
    command: fc.constantFrom('validate', 'apportion', 'status', 'wcf', 'advances', 'whatif'),
    year: fc.constantFrom('2020', '2020', '2021', '2022', '2023', '1999', '20x0'),
    date: fc.constantFrom('2021-06-30', '2026-12-31', '2026-02-30', 'yesterday'),
    budget: fc.constantFrom('b0', 'b0', 'b0', 'b1', 'nope'),
  }),
  fc.record({
    kind: fc.constant('argv' as const),
    argv: fc.array(
      fc.oneof(
        fc.constantFrom(
          'apportion',
          'validate',
          'status',
          '--members',
          '--scheme',
          '--total',
          '--budget',
          '--year',
          '--format',
          'xlsx',
          '--out',
          '-h',
          '--',
          '=',
          '',
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 6 },
    ),
  }),
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

async function contrib(argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A refusal names the file and a line inside it, or is the CLI's own usage or engine message. */
function refusal(r: { out: string; err: string }, files: Record<string, number>, input: string): Verdict {
  const text = r.out + r.err;
  const bad = badWords(text, input);
  if (bad) return { defect: `${bad}: ${text.slice(0, 300)}` };
  for (const [file, lines] of Object.entries(files)) {
    for (const m of text.matchAll(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):`, 'g'))) {
      const n = Number(m[1]);
      if (n < 1 || n > lines + 1) return { defect: `line ${n} of a ${lines}-line file: ${text.slice(0, 300)}` };
    }
    if (text.includes(`${file}:`)) return 'refused';
  }
  // A file named on the command line that is not there: FILE:1: no such file.
  if (Object.keys(files).length === 0 && /^[^\n:]*:\d+: \S/m.test(r.err)) return 'refused';
  if (/^contrib: /m.test(r.err) || /^Usage:/m.test(r.out)) return 'refused';
  return { defect: `a refusal that names no file and line: ${text.slice(0, 300)}` };
}

export async function checkCli(c: Command): Promise<Verdict> {
  if (c.kind === 'argv') {
    const r = await contrib(c.argv);
    if (r.code === 0) return 'accepted';
    if (r.code === 2 || r.code === 1) return refusal(r, {}, c.argv.join(' '));
    return { defect: `exit ${r.code}` };
  }
  if (c.kind === 'csv') {
    const file = join(dir, 'members.csv');
    writeFileSync(file, c.csv.bytes);
    const argv = [
      'apportion',
      '--members',
      file,
      '--scheme',
      c.csv.scale ? 'scale' : 'wipo-unitary',
      c.unitValue ? '--unit-value' : '--total',
      c.level,
      '--format',
      c.format,
    ];
    if (c.unit !== null) argv.push('--rounding-unit', c.unit);
    if (c.rounding !== null) argv.push('--rounding', c.rounding);
    const r = await contrib(argv);
    // Lines as a reader may count them: CR alone ends a line too (old Mac files), in any of the encodings.
    const lines = Math.max(
      ...['latin1', 'utf16le'].map((e) => c.csv.bytes.toString(e as BufferEncoding).split(/\r\n|\r|\n/).length),
    );
    if (r.code === 1 || r.code === 2) return refusal(r, { [file]: lines }, c.csv.bytes.toString('utf8'));
    if (r.code !== 0) return { defect: `exit ${r.code}` };
    if (c.format !== 'json')
      return badWords(r.out + r.err, c.csv.bytes.toString('utf8'))
        ? { defect: `odd words in the output: ${r.out.slice(0, 200)}` }
        : 'accepted';
    const t = JSON.parse(r.out) as {
      method: string;
      level: string;
      roundingUnit: string;
      rounding: 'half-up' | 'half-even';
      rows: { code: string; units: string; amount: string }[];
      total: string;
    };
    const want =
      t.method === 'total'
        ? apportionOracle(t.rows, t.level, t.roundingUnit)
        : unitValueOracle(t.rows, t.level, t.roundingUnit, t.rounding);
    if ('invalid' in want) return { defect: `computed where the oracle refuses (${want.invalid})` };
    for (const [i, row] of t.rows.entries())
      if (row.amount !== want.amounts[i])
        return { defect: `${row.code} (units ${row.units}): ${row.amount}, oracle ${want.amounts[i]}` };
    if (
      !sumsTo(
        t.rows.map((x) => x.amount),
        t.total,
      )
    )
      return { defect: 'the total is not the sum of the amounts' };
    if (t.method === 'total' && t.total !== t.level && !sumsTo([t.total], t.level))
      return { defect: `R5: total ${t.total} for a level of ${t.level}` };
    return 'accepted';
  }
  const file = join(dir, 'workbook.json');
  writeFileSync(file, c.wb);
  const argv = [c.command, file];
  if (c.command === 'apportion' || c.command === 'whatif')
    argv.push('--budget', c.budget, '--year', c.year, '--format', 'json');
  if (c.command === 'whatif') argv.push('--set', 'AA=I');
  if (c.command === 'status' || c.command === 'wcf' || c.command === 'advances')
    argv.push('--date', c.date, '--format', 'json');
  const r = await contrib(argv);
  if (r.code === 1 || r.code === 2) return refusal(r, { [file]: c.wb.split('\n').length }, c.wb);
  if (r.code !== 0) return { defect: `exit ${r.code}` };
  const bad = badWords(r.out + r.err, c.wb);
  if (bad) return { defect: `${bad}: ${(r.out + r.err).slice(0, 300)}` };
  if (c.command === 'apportion') {
    const t = JSON.parse(r.out) as {
      method: string;
      level: string;
      total: string;
      rows: { amount: string; proRata?: unknown }[];
    };
    if (
      !sumsTo(
        t.rows.map((x) => x.amount),
        t.total,
      )
    )
      return { defect: 'the total is not the sum of the amounts' };
    if (t.method === 'total' && !t.rows.some((x) => x.proRata) && !sumsTo([t.total], t.level))
      return { defect: `R5: the amounts sum to ${t.total}, not ${t.level}` };
  }
  return 'accepted';
}

export default {
  name: 'cli',
  arbitrary: commandArb,
  run: checkCli,
} satisfies FuzzTarget<Command>;
