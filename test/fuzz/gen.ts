// Generators shared by the fuzz targets: decimals in every spelling, plausible workbooks, and ways to damage them.
import fc from 'fast-check';
import { emptyWorkbook } from '../../shared/model/empty';
import { WIPO_CONVENTION, WIPO_UNITARY } from '../../shared/model/schemes';
import type { Workbook } from '../../shared/model/types';

/** A non-negative decimal n / 10^k written one of the ways a file may write it: "1", "1.0", "01", ".5", "5.". */
export function spell(n: bigint, k: number, how: number, engineOnly = false): string {
  let int = (n / 10n ** BigInt(k)).toString();
  let frac = k > 0 ? (n % 10n ** BigInt(k)).toString().padStart(k, '0') : '';
  const styles = engineOnly ? 6 : 3; // files (validation) take only digits[.digits]; the engine reads ".5" and "5." too
  switch (how % styles) {
    case 1:
      frac += '0'.repeat(1 + (how % 3));
      break;
    case 2:
      int = '0'.repeat(1 + (how % 2)) + int;
      break;
    case 3:
      if (int === '0' && frac !== '') int = '';
      break;
    case 4:
      if (frac === '') return `${int}.`;
      break;
    case 5:
      frac = frac.replace(/0+$/, '');
      break;
  }
  return frac === '' ? int : `${int}.${frac}`;
}

export const decimalArb = (maxDigits = 12, engineOnly = false) =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(maxDigits) }), fc.nat(5), fc.nat(20))
    .map(([n, k, how]) => spell(n, k, how, engineOnly));

export const codeArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Z]{2,3}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'A', 'é', 'e\u0301', '𝔸', 'Ω', 'zz', '10', '9') },
);

const roundingUnits = ['0.01', '1', '0.05', '100', '0.25', '1000'];

/** A workbook that is valid more often than not: schemes, members, budgets, participations, payments, WCF. */
export const workbookArb: fc.Arbitrary<Workbook> = fc
  .record({
    customUnits: fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.nat(4), fc.nat(5)), {
      minLength: 1,
      maxLength: 5,
    }),
    codes: fc.uniqueArray(codeArb, { minLength: 1, maxLength: 25 }),
    budgets: fc.array(
      fc.record({
        scheme: fc.constantFrom('wipo-convention', 'wipo-unitary', 'custom', 'scale'),
        unit: fc.constantFrom(...roundingUnits),
        rounding: fc.constantFrom('half-up', 'half-even'),
        years: fc.array(
          fc.record({
            method: fc.constantFrom('total', 'unit-value'),
            level: fc.bigInt({ min: 0n, max: 10n ** 9n }),
            adopted: fc.boolean(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    picks: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
    payments: fc.array(
      fc.record({
        who: fc.nat(),
        amount: fc.bigInt({ min: 1n, max: 10n ** 8n }),
        month: fc.integer({ min: 1, max: 12 }),
        year: fc.integer({ min: 2019, max: 2027 }),
      }),
      { maxLength: 8 },
    ),
    wcf: fc.option(
      fc.record({ budget: fc.nat(), proportion: fc.boolean(), value: fc.bigInt({ min: 1n, max: 10n ** 7n }) }),
    ),
    newMemberRule: fc.constantFrom('full', 'full', 'months', 'days'),
  })
  .map(({ customUnits, codes, budgets, picks, payments, wcf, newMemberRule }): Workbook => {
    const pick = (i: number, n: number) => picks[i % picks.length] % n;
    const custom = {
      id: 'custom',
      name: 'Custom',
      kind: 'classes' as const,
      classes: customUnits.map(([n, k, how], i) => ({ code: `K${i}`, units: spell(n, k, how) })),
    };
    const schemes = [
      structuredClone(WIPO_CONVENTION),
      structuredClone(WIPO_UNITARY),
      custom,
      { id: 'scale', name: 'Scale', kind: 'scale' as const },
    ]; // copies: mutate() changes them
    const classesOf = (id: string) => schemes.find((s) => s.id === id)!;
    const bs = budgets.map((b, i) => ({
      id: `b${i}`,
      name: `Budget ${i}`,
      schemeId: b.scheme,
      currency: 'CHF',
      roundingUnit: b.unit,
      rounding: b.rounding as 'half-up' | 'half-even',
      years: b.years.map((y, k) => ({
        year: 2020 + 2 * i + k,
        method: y.method as 'total' | 'unit-value',
        amount:
          y.method === 'total' ? spell(y.level * BigInt(Math.round(Number(b.unit) * 100)), 2, 0) : spell(y.level, 3, 0),
        adopted: y.adopted || k === 0,
      })),
    }));
    const members = codes.map((code, i) => ({
      code,
      name: `Member ${i}`,
      ...(pick(i, 4) === 0 ? { joined: `20${19 + pick(i + 1, 8)}-0${1 + pick(i + 2, 9)}-15` } : {}),
    }));
    const participations = [];
    for (const [i, m] of members.entries()) {
      for (const [j, b] of bs.entries()) {
        if (pick(i * 7 + j, 5) === 0 && i > 0) continue;
        const s = classesOf(b.schemeId);
        const entry =
          s.kind === 'scale'
            ? { year: 2000, weight: spell(BigInt(1 + pick(i + j, 997)), pick(i, 3), pick(j + i, 9)) }
            : { year: 2000, class: s.classes[pick(i + 3 * j, s.classes.length)].code };
        participations.push({ member: m.code, budget: b.id, classes: [entry] });
      }
    }
    return emptyWorkbook({
      organization: { name: 'Fuzz' },
      settings: { newMemberRule: newMemberRule as 'full', creditingOrder: 'wcf-then-oldest' },
      schemes,
      members,
      budgets: bs,
      participations,
      payments: payments.map((p, i) => ({
        id: `p${i}`,
        member: members[p.who % members.length].code,
        date: `${p.year}-${String(p.month).padStart(2, '0')}-10`,
        amount: spell(p.amount, 2, 0),
        currency: 'CHF',
      })),
      wcfDecisions: wcf
        ? [
            {
              id: 'w0',
              budget: bs[wcf.budget % bs.length].id,
              year: bs[wcf.budget % bs.length].years[0].year,
              ...(wcf.proportion
                ? { proportion: spell(wcf.value, 7, 0) }
                : {
                    amount: spell(
                      wcf.value * BigInt(Math.round(Number(bs[wcf.budget % bs.length].roundingUnit) * 100)),
                      2,
                      0,
                    ),
                  }),
            },
          ]
        : [],
    });
  });

/** A value that does not belong where it is put. */
export const wrongValueArb = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    1e21,
    '',
    ' ',
    '-1',
    '1e3',
    '0',
    '２',
    '1,5',
    [],
    {},
    '2026-02-30',
    '9999-01-01',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: 1, max: 3_000 }).map((d) => JSON.parse('['.repeat((d % 149) + 1) + ']'.repeat((d % 149) + 1))),
  fc.jsonValue({ maxDepth: 3 }),
);

export interface Mutation {
  pick: number;
  kind: number;
  value: unknown;
}
export const mutationsArb = fc.array(fc.record({ pick: fc.nat(), kind: fc.nat(7), value: wrongValueArb }), {
  maxLength: 4,
});

/** Every container and the keys/indices in it, found without recursion. */
function places(doc: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const todo: unknown[] = [doc];
  for (let v = todo.pop(); v !== undefined; v = todo.pop()) {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        out.push({ parent: v, key: i });
        todo.push(x);
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        todo.push(x);
      }
    }
  }
  return out;
}

/** Damages a workbook in place: a value replaced, removed, duplicated, a decimal written as a number, a deep value. */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  for (const m of mutations) {
    const all = places(doc);
    if (all.length === 0) return doc;
    const { parent, key } = all[m.pick % all.length];
    const p = parent as Record<string | number, unknown>;
    switch (m.kind) {
      case 0:
      case 1:
        p[key] = m.value;
        break;
      case 2:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete p[key];
        break;
      case 3:
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        else p[key] = m.value;
        break;
      case 4:
        if (typeof p[key] === 'string' && /^\d+(\.\d+)?$/.test(p[key] as string)) p[key] = Number(p[key]);
        else p[key] = m.value;
        break;
      case 5:
        if (typeof p[key] === 'string') p[key] = `${p[key] as string}${typeof m.value === 'string' ? m.value : 'x'}`;
        break;
      case 6:
        if (typeof p[key] === 'string' && /^\d/.test(p[key] as string)) p[key] = `-${p[key] as string}`;
        break;
      default:
        if (Array.isArray(parent)) parent.push(m.value);
        else p[`extra${m.pick % 5}`] = m.value;
    }
  }
  return doc;
}

/** Ways to garble text: characters changed, ranges cut, copied many times, deep nesting or odd bytes put in. */
export const textMutationArb = fc.oneof(
  fc.record({
    op: fc.constant('char' as const),
    at: fc.nat(),
    ch: fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      ',',
      ':',
      '0',
      '-',
      '.',
      'e',
      '\\',
      ' ',
      '\n',
      '\u0000',
      '\uFEFF',
      '\uD800',
      'é',
      '/',
    ),
  }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.nat(200) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 200 }),
    times: fc.oneof(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 2, max: 2_000 })),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    what: fc.oneof(
      fc.oneof(fc.integer({ min: 50, max: 200 }), fc.integer({ min: 50, max: 60_000 })).map((d) => '['.repeat(d)),
      fc.integer({ min: 50, max: 20_000 }).map((d) => '{"a":'.repeat(d)),
      fc.integer({ min: 50, max: 20_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
      fc.integer({ min: 1, max: 5_000 }).map((d) => '[},'.repeat(d)),
      fc.constantFrom(
        '// "\n',
        '/* [ */',
        '1e999',
        '-0',
        '"\\u0000"',
        '"\\ud800"',
        ',',
        ',,',
        'null',
        '\u2028',
        '"a":1,',
        '\r\n',
      ),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
  }),
);
export type TextMutation = typeof textMutationArb extends fc.Arbitrary<infer T> ? T : never;

export function garble(text: string, ms: readonly TextMutation[]): string {
  for (const m of ms) {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    switch (m.op) {
      case 'char':
        text = text.slice(0, at) + m.ch + text.slice(at + 1);
        break;
      case 'cut':
        text = text.slice(0, at) + text.slice(at + m.len);
        break;
      case 'truncate':
        text = text.slice(0, at);
        break;
      case 'repeat':
        text = text.slice(0, at) + text.slice(at, at + m.len).repeat(m.times) + text.slice(at + m.len);
        break;
      case 'insert':
        text = text.slice(0, at) + m.what + text.slice(at);
        break;
    }
  }
  return text;
}

/** What no message to a user should contain (unless the input itself says it). */
export function badWords(message: string, input = ''): string | undefined {
  if (message.trim() === '') return 'an empty message';
  for (const w of ['undefined', '[object Object]', 'NaN', 'Maximum call stack'])
    if (message.includes(w) && !input.includes(w)) return `"${w}" in the message`;
  if (/\n\s+at .+:\d+:\d+/.test(message)) return 'a stack trace in the message';
  return undefined;
}
