import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say, setOnMissingMessage, type Message } from '../../shared/i18n/intl';
import { LANGS } from '../../shared/i18n/languages';
import type { Problem } from '../../shared/model/types';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';

// Messages as data in the workbook checks (issues 11 and 13): every problem carries a Message of the `validation`
// area whose English text is its `message`, said only when read, and every language says it.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const exampleText = readFileSync('examples/example-workbook.json', 'utf8');
const example = (): { [k: string]: Json } => JSON.parse(exampleText);

/** Every place in a document: [path of keys and indexes]. */
function places(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => places(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) places(x, [...at, k], out);
  return out;
}

/** The document with the value at `at` replaced (undefined: removed). */
function mutate(doc: { [k: string]: Json }, at: (string | number)[], value: Json | undefined) {
  let o = doc as Record<string | number, Json>;
  for (const k of at.slice(0, -1)) o = o[k] as Record<string | number, Json>;
  const last = at[at.length - 1];
  if (value === undefined) {
    if (Array.isArray(o)) o.splice(last as number, 1);
    else delete o[last];
  } else o[last] = value;
  return doc;
}

const BAD: (Json | undefined)[] = [
  undefined,
  null,
  42,
  1500000.5,
  -1,
  '',
  ' ',
  'x',
  '-3',
  '0',
  '0.00',
  '2026-02-30',
  'chf',
  'ZZZ',
  true,
  [],
  {},
  [{}],
];

function idsOf(m: Message, out: string[] = []): string[] {
  out.push(m.id);
  for (const p of Object.values(m.parts ?? {})) idsOf(p, out);
  return out;
}

function checkSaid(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.msg, p.message).toBeDefined();
    expect(p.message).toBe(say(p.msg!));
    for (const id of idsOf(p.msg!)) expect(id.startsWith('validation.') || id.startsWith('scales.'), id).toBe(true);
    for (const lang of LANGS) {
      const text = say(p.msg!, lang);
      expect(text, `${lang}: ${p.message}`).not.toMatch(/validation\.|\{[a-zA-Z]+\}/);
      expect(text.length).toBeGreaterThan(0);
    }
  }
}

describe('workbook problems as messages (issues 11, 13)', () => {
  beforeAll(() =>
    setOnMissingMessage((id, locale) => {
      throw new Error(`missing message ${id} in ${locale}`);
    }),
  );
  afterAll(() => setOnMissingMessage(() => {}));

  const all = places(example());

  it('a value made wrong anywhere in the example is refused with a Message every language says (generated)', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.constantFrom(...BAD), (k, bad) => {
        const problems = validateWorkbook(mutate(example(), all[k], bad));
        if (problems.length > 0) refused++;
        // Only the scales' own checks (scales.ts) may still come as English text without a Message.
        checkSaid(
          problems.filter(
            (p) => p.msg || !/^(baseScales|settings\.thresholdOn)|\.(scale|biennia|credit)\b/.test(p.path),
          ),
        );
      }),
      { numRuns: 150, seed: 11 },
    );
    expect(refused).toBeGreaterThan(60);
  });

  it('the ledger, opening balances, scenarios and whole-file problems say themselves in every language', () => {
    const doc = example();
    const payments = doc.payments as { [k: string]: Json }[];
    payments.push({ ...payments[0] }, { ...payments[0], id: 'p-x', currency: 'EUR', budget: 'paris' });
    payments.push({ ...payments[0], id: 'p-y', budget: 'nope', member: 'QQ', amount: 5, date: '2026-13-01' });
    (doc.openingBalances as Json[]).push({ member: 'AF', budget: 'paris', year: 2100, assessed: '1', unpaid: '2' });
    (doc.wcfDecisions as Json[]).push({ id: 'w', budget: 'paris', year: 2026, amount: '0.5' }, { id: 'w2' });
    (doc.votingDecisions as Json[]).push({ id: 'v', member: 'AF', from: '2026-02-01', to: '2026-01-01' });
    (doc.scenarios as Json[]).push({ id: 's', name: 'S', overrides: [{ kind: 'units', scheme: 'q' }, 7] });
    (doc.classChanges as Json[]).push({ id: 'c', member: 'AF', budget: 'paris', toClass: 'Z', notifiedOn: 'x' });
    const problems = validateWorkbook(doc);
    expect(problems.length).toBeGreaterThan(15);
    checkSaid(problems);
    const liquidity = example();
    liquidity.liquidity = {
      cash: [{ budget: 'nope', year: 1800, amount: 5 }, { budget: 'paris', year: 2026, amount: '-1', wcf: 'x' }, 3],
      spending: [
        { budget: 'paris', year: 2026, months: ['1'] },
        { year: 2026, months: Array(12).fill('-1') },
      ],
      expected: [
        { member: 'QQ', year: 2026, date: '2025-01-01', notPaying: 'yes' },
        { year: 'x', notPaying: 'no' },
      ],
    };
    const liquidityProblems = validateWorkbook(liquidity);
    expect(liquidityProblems.filter((p) => p.path.startsWith('liquidity')).length).toBeGreaterThan(12);
    checkSaid(liquidityProblems);
    checkSaid(validateWorkbook({ ...example(), liquidity: [] }));
    for (const text of ['[', '{"format": 1}', '[1]', '{"format":"contribution-calculator-workbook","version":9}'])
      checkSaid(parseWorkbook(text).problems);
    checkSaid(parseWorkbook('['.repeat(100_000)).problems);
  });

  it('English stays as it was written before the catalogs', () => {
    const doc = example();
    (doc.payments as { [k: string]: Json }[])[0].amount = 12.5;
    (doc.members as { [k: string]: Json }[])[0].name = '';
    const texts = validateWorkbook(doc).map((p) => p.message);
    expect(texts).toContain(
      `Payment ${String((doc.payments as { id: string }[])[0].id)}: the amount must be written as a decimal string such as "12.5" (in quotes), so no cent is lost`,
    );
    expect(texts).toContain(`Member ${String((doc.members as { code: string }[])[0].code)}'s name is missing or empty`);
  });

  it('a problem says its English text only when read, and the same text each time', () => {
    const doc = example();
    (doc.members as Json[]).push(7);
    const [p] = validateWorkbook(doc);
    expect(typeof Object.getOwnPropertyDescriptor(p, 'message')?.get).toBe('function');
    expect(p.message).toBe('Member ' + (doc.members as Json[]).length + ' is not a member');
    expect(p.message).toBe(p.message);
    expect(JSON.parse(JSON.stringify(p)).message).toBe(p.message);
    expect(structuredClone(p).message).toBe(p.message);
  });
});
