import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeContributions,
  contributionColumns,
  withCredit,
  type Assessee,
  type ContributionTable,
} from '../../shared/engine/assess';
import { contributionCsv, contributionCsvChunks } from '../../shared/export/contribution-table';
import { readMembersColumns, readMembersFile, type MembersColumns } from '../../shared/model/members-csv';
import { readTabular, type TabularProblem } from '../../shared/model/tabular';
import { WIPO_UNITARY } from '../../shared/model/schemes';
import { contrib, tmp } from './cli-helpers';

// Issue 13: a million members without an object per member. The file read row by row as it is split (scanTabular,
// readMembersColumns), the members held as columns (contributionColumns) and the CSV written in pieces
// (contributionCsvChunks) must give exactly what the whole-file reader, the list of assessees and the one-string
// CSV gave: compared here over generated files and members, the old way computed beside the new.

const enc = (s: string) => new TextEncoder().encode(s);
const problemsOf = (ps: readonly TabularProblem[]) => ps.map((p) => [p.line, p.field, p.message]);

// Cells that touch every rule of the reader: quotes, delimiters inside quotes, comments, white space to trim,
// damaged text, a class written in another case, empty cells.
const cellArb = fc
  .array(
    fc.constantFrom('A', 'b', 'Ü', '1', ' ', '\t', '#', ',', ';', '"', '""', '\ufffd', '\u0001', 'x y', '=', '-'),
    { maxLength: 5 },
  )
  .map((cs) => cs.join(''));
const classArb = fc.constantFrom('I', 'II', 'IVbis', 'vi', 'Ster', 'S', ' IX ', 'Z', '', '"V"', '"VII, "');
const weightArb = fc.constantFrom('1', '2.5', '0,125', '1.000', '1 000', 'x', '', '"3,5"');
const codeArb = fc.constantFrom('P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', ' P', '', '"Q"');
const headerArb = fc.constantFrom(
  ['code', 'name', 'class'],
  ['code', 'name', 'class', 'weight'],
  ['Code', 'Name', 'CLASS'],
  ['code', 'class'],
  ['code', 'name', 'class', 'note'],
  ['code', 'nme', 'class'],
  ['name', 'code', 'weight'],
);
const lineEndArb = fc.constantFrom('\n', '\r\n', '\r');
const delimiterArb = fc.constantFrom(',', ';', '\t');

const fileArb = fc
  .record({
    header: headerArb,
    delimiter: delimiterArb,
    end: lineEndArb,
    bom: fc.boolean(),
    rows: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.tuple(codeArb, cellArb, classArb, weightArb, cellArb) },
        { weight: 1, arbitrary: fc.constantFrom('', '# a comment, "quoted"', '  ', ',,') },
      ),
      { maxLength: 30 },
    ),
  })
  .map(({ header, delimiter, end, bom, rows }) => {
    const lines = [header.join(delimiter)];
    for (const r of rows) {
      if (typeof r === 'string') lines.push(r);
      else {
        const [code, name, cls, weight, extra] = r;
        const cell: Record<string, string> = { code, name, class: cls, weight, note: extra };
        lines.push(header.map((h) => cell[h.toLowerCase()] ?? extra).join(delimiter));
      }
    }
    return `${bom ? '\ufeff' : ''}${lines.join(end)}${end}`;
  });

/** readMembersFile's members as readMembersColumns holds them. */
function asColumns(bytes: Uint8Array, file: string, want: 'class' | 'weight') {
  const r = readMembersFile(bytes, file, want);
  return {
    lines: r.members.map((m) => m.line),
    codes: r.members.map((m) => m.code),
    names: r.members.map((m) => m.name),
    values: r.members.map((m) => (want === 'class' ? m.class : m.weight)),
    problems: problemsOf(r.problems),
    notices: r.notices,
    unit: r.unit,
    named: r.named,
  };
}

const sameShape = (c: MembersColumns) => ({
  lines: c.lines,
  codes: c.codes,
  names: c.names,
  values: c.values,
  problems: problemsOf(c.problems),
  notices: c.notices,
  unit: c.unit,
  named: c.named,
});

describe('issue 13: a members file read row by row gives what the whole-file reader gave', () => {
  it('readMembersColumns equals readMembersFile: members, problems (line, field, words) and notices', () => {
    fc.assert(
      fc.property(fileArb, fc.constantFrom('class', 'weight') as fc.Arbitrary<'class' | 'weight'>, (text, want) => {
        const bytes = enc(text);
        const whole = asColumns(bytes, 'm.csv', want);
        for (const block of [1, 3, 8192])
          expect(sameShape(readMembersColumns(bytes, 'm.csv', want, { block }))).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('readTabular gives the same rows and problems whatever the number of records split at a time', () => {
    fc.assert(
      fc.property(fileArb, (text) => {
        const bytes = enc(text);
        const all = readTabular(bytes, 'm.csv', { comments: true, block: Infinity });
        for (const block of [1, 2, 5]) {
          const t = readTabular(bytes, 'm.csv', { comments: true, block });
          expect(t.rows).toEqual(all.rows);
          expect(problemsOf(t.problems)).toEqual(problemsOf(all.problems));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a file past one block: a bad quote, a wider row and a duplicate code after line 8,192 are each named', () => {
    const lines = ['code,name,class'];
    for (let i = 0; i < 20_000; i++) lines.push(`M${i},Member ${i},${i % 2 ? 'I' : 'VII'}`);
    lines[9000] = 'M8999,Bad "quote,I';
    lines[12000] = 'M11999,Wide,I,extra';
    lines[15000] = 'M1,Again,I';
    lines[17000] = 'M16999,"Quoted, name",II';
    const bytes = enc(`${lines.join('\n')}\n`);
    const got = readMembersColumns(bytes, 'm.csv', 'class');
    expect(sameShape(got)).toEqual(asColumns(bytes, 'm.csv', 'class'));
    expect(got.problems.map((p) => p.line)).toEqual([9001, 12001, 15001]);
    expect(got.names[got.lines.indexOf(17001)]).toBe('Quoted, name');
    // One string per class as written, not one per member.
    expect(got.values[0]).toBe(got.values[2]);
  });
});

// --- the engine and the CSV ---------------------------------------------------------------------------------------

const CLASSES = WIPO_UNITARY.kind === 'classes' ? WIPO_UNITARY.classes : [];
const memberArb = fc.record({
  code: fc.string({ minLength: 1, maxLength: 3 }),
  name: fc.constantFrom('Patria', 'Côte d"Ivoire', 'Korea, Republic of', '=SUM(A1)', '-x', 'line\nbreak', ''),
  k: fc.nat({ max: CLASSES.length - 1 }),
});
const membersArb = fc.uniqueArray(memberArb, { minLength: 1, maxLength: 40, selector: (m) => m.code });

const caseArb = fc.record({
  members: membersArb,
  method: fc.constantFrom('total', 'unit-value') as fc.Arbitrary<'total' | 'unit-value'>,
  level: fc.constantFrom('1000000.00', '999.99', '45579', '0.37'),
  credit: fc.option(fc.constantFrom('300000.01', '0.10', '12'), { nil: undefined }),
  unit: fc.constantFrom('0.01', '1'),
  percent: fc.boolean(),
});

describe('issue 13: members as columns and the CSV in pieces give the list’s table and its CSV', () => {
  it('contributionColumns + contributionCsvChunks equal computeContributions (+ withCredit) + contributionCsv', () => {
    fc.assert(
      fc.property(caseArb, ({ members, method, level, credit, unit, percent }) => {
        // A level that is not a whole number of rounding units is refused: the refusal is compared too.
        const budget = { id: 'b', name: 'B', currency: 'CHF', roundingUnit: unit, rounding: 'half-up' as const };
        const meta = { year: null, carriedOver: false, sourceYear: null };
        const list: Assessee[] = members.map((m) => ({
          code: m.code,
          name: m.name,
          class: CLASSES[m.k].code,
          units: CLASSES[m.k].units,
        }));
        let before: string;
        let tableBefore: ContributionTable | undefined;
        try {
          const t = computeContributions(budget, list, method, level, meta);
          if (credit !== undefined) withCredit(t, list, credit);
          if (percent) t.percentScale = true;
          before = contributionCsv(t);
          tableBefore = t;
        } catch (e) {
          before = `error: ${(e as Error).message}`;
        }
        let after: string;
        try {
          const { table, rows } = contributionColumns(
            budget,
            {
              codes: members.map((m) => m.code),
              names: members.map((m) => m.name),
              weightOf: Int32Array.from(members, (m) => m.k),
              weights: CLASSES.map((c) => c.units),
              classes: CLASSES.map((c) => c.code),
            },
            method,
            level,
            meta,
            credit,
          );
          if (percent) table.percentScale = true;
          after = [...contributionCsvChunks(table, {}, rows)].join('');
          // The table itself, its rows written out: the same figures (totals, credit, net) as the list's.
          expect({ ...table, rows: Array.from({ length: rows.length }, (_, i) => rows.at(i)) }).toEqual(tableBefore);
        } catch (e) {
          after = `error: ${(e as Error).message}`;
        }
        expect(after).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('a CSV past one piece: pieces of about 64 KB that join to the one string', () => {
    const n = 5000;
    const list: Assessee[] = Array.from({ length: n }, (_, i) => ({
      code: `M${i}`,
      name: `Member state ${i}, "the ${i}th"`,
      class: CLASSES[i % CLASSES.length].code,
      units: CLASSES[i % CLASSES.length].units,
    }));
    const budget = { id: 'b', name: 'B', currency: 'CHF', roundingUnit: '0.01', rounding: 'half-up' as const };
    const meta = { year: null, carriedOver: false, sourceYear: null };
    const table = computeContributions(budget, list, 'total', '1000000000.00', meta);
    const pieces = [...contributionCsvChunks(table)];
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1 << 16);
    expect(pieces.join('')).toBe(contributionCsv(table));
    expect(contributionCsv(table).split('\n')).toHaveLength(n + 2);
  });
});

describe('issue 13: contrib apportion --members writes what the list of assessees gave', () => {
  it('the streamed CSV equals the whole-file reader → assessees → table → CSV, over generated files', async () => {
    const dir = tmp('members-columns-');
    const file = join(dir, 'm.csv');
    const samples = fc.sample(
      fc.record({ members: membersArb, credit: fc.boolean(), d: delimiterArb, end: lineEndArb }),
      { numRuns: 25, seed: 13 },
    );
    for (const { members, credit, d, end } of samples) {
      const quote = (s: string) => (/[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
      // Codes a file can hold unquoted, in a generated order (the code-order tie rule, R6, sees them).
      const named = members
        .filter((m) => m.name !== '')
        .map((m, i) => ({ ...m, code: `${m.code.replace(/[^A-Za-z0-9]/g, '')}${i}` }));
      if (named.length === 0) continue;
      const text = [
        ['code', 'name', 'class'].join(d),
        ...named.map((m) => [m.code, quote(m.name), CLASSES[m.k].code].join(d)),
      ].join(end);
      writeFileSync(file, `${text}${end}`);
      const args = ['--scheme', 'wipo-unitary', '--total', '1000000.00', ...(credit ? ['--credit', '1000.00'] : [])];
      const r = await contrib('apportion', '--members', file, ...args, '--format', 'csv');
      // The old way: the whole file read, a list of assessees, one table, one string.
      const read = readMembersFile(enc(`${text}${end}`), file, 'class');
      const list: Assessee[] = read.members.map((m) => {
        const c = CLASSES.find((x) => x.code === m.class)!;
        return { code: m.code, name: m.name.trim(), class: c.code, units: c.units };
      });
      const budget = {
        id: WIPO_UNITARY.id,
        name: `Apportionment (${WIPO_UNITARY.name})`,
        currency: '',
        roundingUnit: '0.01',
        rounding: 'half-up' as const,
      };
      const t = computeContributions(budget, list, 'total', '1000000.00', {
        year: null,
        carriedOver: false,
        sourceYear: null,
      });
      if (credit) withCredit(t, list, '1000.00');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe(contributionCsv(t));
    }
  });
});
