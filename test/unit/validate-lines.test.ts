// Issue 15 items 2 and 3: line numbers from one pass over the text, and no input that overflows the stack.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { lineOfPath, MAX_NESTING, parseWorkbook } from '../../shared/model/validate';

const exampleText = readFileSync('examples/example-workbook.json', 'utf8');
const example = JSON.parse(exampleText);
const pretty = (doc: unknown) => JSON.stringify(doc, null, 2);

/** 1-based line of the first occurrence of `needle` at or after `from`, by a plain scan (the test's own oracle). */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  return text.slice(0, at).split('\n').length;
}

async function contrib(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('issue 15 item 2: validation is linear', () => {
  // Was 49.5 s (every problem's line found by scanning from the start). The limit is generous: a hang fails, a slow
  // machine does not; bench/validate prints the real figures.
  it('item 2: 16,000 duplicated payments are all refused, each at its own line, in seconds', () => {
    const doc = structuredClone(example);
    const n = 16_000;
    for (let i = 0; i < n; i++) doc.payments.push({ ...doc.payments[0] });
    const text = pretty(doc);
    const r = parseWorkbook(text);
    expect(r.workbook).toBeUndefined();
    expect(r.problems).toHaveLength(n);
    expect(r.problems[0].path).toBe(`payments[${example.payments.length}].id`);
    // Spot checks against a plain scan: the k-th copy's id is on the line of the k-th "pay-0001" after the first.
    let at = text.indexOf('"pay-0001"');
    for (let k = 0; k < n; k++) {
      at = text.indexOf('"pay-0001"', at + 1);
      if (k % 3999 === 0 || k === n - 1) expect(r.lines[k]).toBe(lineOf(text, '"pay-0001"', at));
    }
  }, 20_000);

  it('item 2: 50,000 duplicated members are refused with their lines, in seconds', () => {
    const doc = structuredClone(example);
    const n = 50_000;
    for (let i = 0; i < n; i++) doc.members.push({ ...doc.members[0] });
    const text = pretty(doc);
    const r = parseWorkbook(text);
    expect(r.problems).toHaveLength(n);
    expect(r.lines.every((l) => typeof l === 'number' && l > 0)).toBe(true);
    expect(r.lines[n - 1]).toBeGreaterThan(r.lines[0]!);
    expect(new Set(r.lines).size).toBe(n);
  }, 20_000);

  it('item 2: lineOfPath finds the line of a value, and of a missing key its object', () => {
    expect(lineOfPath(exampleText, 'payments[0].amount')).toBe(lineOf(exampleText, '"amount": "135541.65"'));
    expect(lineOfPath(exampleText, 'budgets[1]')).toBeGreaterThan(1);
    // A missing item or key: the line of what encloses it, not line 1 (the object the key is missing from).
    expect(lineOfPath(exampleText, 'payments[999999]')).toBe(lineOf(exampleText, '"payments"'));
    expect(lineOfPath(exampleText, 'payments[0].nothing')).toBe(lineOf(exampleText, '"id": "pay-0001"') - 1);
    expect(lineOfPath('{"a":\r\n[1,\n2]}', 'a[1]')).toBe(3);
  });
});

describe('issue 15 item 3: no input overflows the stack', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('item 3: a list nested 5,000 and 1,000,000 deep is refused naming the line, no stack overflow', () => {
    for (const n of [5_000, 1_000_000]) {
      const r = parseWorkbook(`\n\n${deep(n)}`);
      expect(r.workbook).toBeUndefined();
      expect(r.problems[0].message).toMatch(new RegExp(`nested more than ${MAX_NESTING} levels deep at line 3`));
      expect(r.lines[0]).toBe(3);
    }
  });

  it('item 3: deep nesting in a value the checks read (format) or never read (an extra key) is refused', () => {
    const inFormat = `{\n"format": ${deep(10_000)}\n}`;
    expect(parseWorkbook(inFormat).lines[0]).toBe(2);
    // Valid otherwise: accepting it would crash later, when the workbook is saved (JSON.stringify recurses).
    const text = pretty({
      ...example,
      members: [{ ...example.members[0], note: 'DEEP' }, ...example.members.slice(1)],
    }).replace('"DEEP"', deep(10_000));
    const r = parseWorkbook(text);
    expect(r.workbook).toBeUndefined();
    expect(r.lines[0]).toBe(lineOf(text, '"note"'));
    expect(r.problems[0].message).toMatch(/nested more than/);
  });

  it('item 3: damaged JSON nested deep (no closing brackets, comments, unterminated strings) is refused, no overflow', () => {
    for (const text of [
      `{\n"format":\n${'['.repeat(200_000)}`,
      `// "\n${'{"a":'.repeat(50_000)}`,
      `["\n${'['.repeat(50_000)}`,
    ]) {
      const r = parseWorkbook(text);
      expect(r.workbook).toBeUndefined();
      expect(r.problems[0].message).toMatch(/line \d+/);
      expect(r.lines[0]).toBeGreaterThan(0);
    }
  });

  it('item 3: nesting up to the limit is still read (the format itself nests a few levels)', () => {
    const ok = (n: number) =>
      pretty({
        ...example,
        members: [{ ...example.members[0], note: JSON.parse(deep(n)) }, ...example.members.slice(1)],
      });
    // The note sits at depth 3 (root, members, member): MAX_NESTING - 3 more levels fit.
    expect(parseWorkbook(ok(MAX_NESTING - 3)).workbook).toBeDefined();
    expect(parseWorkbook(ok(MAX_NESTING - 2)).workbook).toBeUndefined();
  });

  it('item 3: lineOfPath on a deep text answers, no overflow', () => {
    expect(() => lineOfPath(deep(100_000), '[0]')).not.toThrow();
  });

  it('item 3: contrib validate on a 100,000-deep file exits 1 with file:line, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contrib-deep-'));
    const file = join(dir, 'deep.json');
    writeFileSync(file, `{\n  "format": "contribution-calculator-workbook",\n  "x": ${deep(100_000)}\n}\n`);
    const r = await contrib('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:3: `);
    expect(r.out + r.err).not.toMatch(/Maximum call stack|at .*\.ts:\d+/);
    const a = await contrib('apportion', file, '--budget', 'x', '--year', '2026');
    expect(a.code).toBe(2);
    expect(a.err).toContain(`${file}:3: `);
  });
});

describe('issue 15 item 2: the checks themselves are linear, and never crash on a malformed list', () => {
  const base = () => structuredClone(example) as Record<string, unknown[]> & { budgets: Record<string, unknown>[] };

  it('item 2: 5,000 holdings naming an unknown class of a 5,000-class scheme: short messages, no N×M lookups', () => {
    const doc = base();
    const n = 5_000;
    doc.schemes.push({
      id: 'big',
      name: 'Big',
      kind: 'classes',
      classes: Array.from({ length: n }, (_, k) => ({ code: `K${k}`, units: '1' })),
    });
    doc.budgets.push({
      id: 'bigb',
      name: 'Big budget',
      schemeId: 'big',
      currency: 'CHF',
      roundingUnit: '1',
      rounding: 'half-up',
      years: [{ year: 2026, method: 'total', amount: '100', adopted: true }],
    });
    const codes = (doc.members as { code: string }[]).map((m) => m.code);
    for (let k = 0; k < n; k++)
      doc.participations.push({
        member: codes[k % codes.length],
        budget: 'bigb',
        classes: [{ year: 2000 + (k % 200), class: 'nope' }],
      });
    const r = parseWorkbook(pretty(doc));
    const unknown = r.problems.filter((p) => /class nope is not a class of big/.test(p.message));
    expect(unknown.length).toBeGreaterThan(0);
    // Each message names some classes, not all 5,000 (5,000 messages × 5,000 codes was 150 MB of text).
    for (const p of unknown) expect(p.message.length).toBeLessThan(1_000);
    expect(unknown[0].message).toMatch(/K0, K1, .*and 4,9\d\d more/);
  }, 20_000);

  it('item 2/3: a scheme whose classes are not a list, or hold null, gives problems, not a crash', () => {
    for (const classes of ['abc', [null, 7], { code: 'X' }]) {
      const doc = base();
      (doc.schemes[0] as { classes: unknown }).classes = classes;
      const r = parseWorkbook(pretty(doc));
      expect(r.workbook).toBeUndefined();
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it('item 3: a budget with 300,000 year entries and opening balances: problems, not a stack overflow', () => {
    const doc = base();
    doc.budgets[0].years = Array.from({ length: 300_000 }, () => ({
      year: 2026,
      method: 'total',
      amount: '100',
      adopted: true,
    }));
    doc.openingBalances = [
      {
        member: (doc.members[0] as { code: string }).code,
        budget: doc.budgets[0].id,
        year: 1990,
        assessed: '1',
        unpaid: '1',
      },
    ];
    expect(() => parseWorkbook(JSON.stringify(doc))).not.toThrow();
  }, 60_000); // 300,000 problems placed by line: ~3 s idle, 12–21 s on a loaded 2-core machine
});
