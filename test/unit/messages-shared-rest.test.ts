import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bienniumSplit } from '../../shared/engine/biennium';
import { liquidityBasis, projectLiquidity, type LiquidityWhatIf } from '../../shared/engine/liquidity';
import { messageOf } from '../../shared/engine/messages';
import { deriveScale } from '../../shared/engine/scale';
import { hasMessage, msg, say, setOnMissingMessage, type Message } from '../../shared/i18n/intl';
import { entrySummary, journalEntry, storableMessage } from '../../shared/merge/journal';
import { Holdings, linkedClassMessage, schemeOf } from '../../shared/model/classes';
import { journalProblems } from '../../shared/model/journal-shape';
import { readMembers, readMembersFile } from '../../shared/model/members-csv';
import { decodeText, readNumbers, readTabular, tooLarge, type TabularProblem } from '../../shared/model/tabular';
import type { Budget, JournalEntry, Problem, Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';

// Issue 11, the last English of shared/: the table reader, the members file, the base-scale checks, the liquidity
// what-if and the journal's step labels are messages. Each says the same English as before, and French and Arabic
// say it in their own words, with every id in the catalogs.

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Every id a message uses, its nested parts included. */
const idsOf = (m: Message, out: string[] = []): string[] => {
  out.push(m.id);
  for (const p of Object.values(m.parts ?? {})) idsOf(p, out);
  return out;
};

let missing: string[] = [];
beforeAll(() => setOnMissingMessage((id, locale) => missing.push(`${locale}: ${id}`)));
afterAll(() => setOnMissingMessage(() => {}));

/** The message's English is `english`; fr and ar say something else, with no id missing and no ICU left raw. */
function saysInEveryLanguage(m: Message | undefined, english: string): void {
  expect(m, english).toBeDefined();
  missing = [];
  for (const id of idsOf(m!)) expect(hasMessage(id), id).toBe(true);
  expect(say(m!)).toBe(english);
  for (const lang of ['fr', 'ar']) {
    const text = say(m!, lang);
    expect(text, `${lang}: ${english}`).not.toBe(english);
    expect(text).not.toMatch(/\{[a-zA-Z]+\}|validation\.|engine\.|merge\./);
  }
  expect(missing).toEqual([]);
}

const saysProblem = (p: TabularProblem | Problem) => saysInEveryLanguage(p.msg, p.message);

describe('the table reader and the members file (R25) say their problems as messages', () => {
  const cases: [string, () => (TabularProblem | Problem)[], RegExp][] = [
    ['tie', () => readTabular(utf8('code;name,class\n'), 'f.csv').problems, /semicolon or at a comma/],
    ['opening quote', () => readTabular(utf8('code;name\nA;Co"te\n'), 'f.csv').problems, /quote \("\) inside/],
    ['closing quote', () => readTabular(utf8('code;name\nB;"abc"d\n'), 'f.csv').problems, /after its closing quote/],
    ['not closed', () => readTabular(utf8('code;name\nD;"open\n'), 'f.csv').problems, /never closed/],
    ['wider', () => readTabular(utf8('a,b\n1,2,3\n'), 'f.csv').problems, /3 fields where the header has 2: .*“,”/],
    ['wider tab', () => readTabular(utf8('a\tb\n1\t2\t3\n'), 'f.tsv').problems, /“tab”/],
    ['replacement', () => readTabular(utf8('a;b\nx;C\uFFFDte\n'), 'f.csv').problems, /replacement character/],
    ['control', () => readTabular(utf8('a;b\nx;S\u0081n\n'), 'f.csv').problems, /U\+0081/],
    ['NUL byte', () => decodeText(Uint8Array.from([65, 0, 66]), 'f').problems, /NUL byte \(at byte 1\)/],
    ['NUL char', () => decodeText(Uint8Array.from([0xff, 0xfe, 65, 0, 0, 0]), 'f').problems, /NUL character/],
    ['UTF-16 broken', () => decodeText(Uint8Array.from([0xff, 0xfe, 65]), 'f').problems, /UTF-16LE throughout/],
    [
      'BOM then not UTF-8',
      () => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xe9]), 'f').problems,
      /byte 3 \(0xE9\)/,
    ],
    ['too large', () => decodeText(new Uint8Array(20), 'f', 10).problems, /larger than the 0 MB/],
    [
      'two readings',
      () => readNumbers(readTabular(utf8('a;amount\nx;1.234\n'), 's.csv'), [1]).problems,
      /point marking decimals/,
    ],
    ['no header', () => readMembers(readTabular(utf8(''), 'm.csv'), 'class').problems, /no header and no members/],
    ['header twice', () => readMembersFile(utf8('code;code;class\n'), 'm', 'class').problems, /names “code” twice/],
    [
      'header near',
      () => readMembersFile(utf8('code;nme;class\nA;x;I\n'), 'm', 'class').problems,
      /“nme”: is it “name”/,
    ],
    ['no code', () => readMembersFile(utf8('name;class\nx;I\n'), 'm', 'class').problems, /no "code" column/],
    ['no weight', () => readMembersFile(utf8('code;name\nA;x\n'), 'm', 'weight').problems, /each member’s weight/],
    ['code empty', () => readMembersFile(utf8('code;class\n;I\n'), 'm', 'class').problems, /^code is empty$/],
    ['code twice', () => readMembersFile(utf8('code;class\nA;I\nA;I\n'), 'm', 'class').problems, /also on line 2/],
    ['class empty', () => readMembersFile(utf8('code;class\nA;\n'), 'm', 'class').problems, /^A: class is empty$/],
    [
      'weight',
      () => readMembersFile(utf8('code,weight\nX,"0,02"\n'), 'm', 'weight').problems,
      /"0,02" is not a number/,
    ],
    ['none', () => readMembersFile(utf8('code;class\n#x\n'), 'm', 'class').problems, /lists no members/],
  ];
  for (const [name, problems, english] of cases)
    it(`${name}: English as before, French and Arabic in their words`, () => {
      const ps = problems();
      expect(ps.length, name).toBeGreaterThan(0);
      expect(ps.map((p) => p.message).join('\n')).toMatch(english);
      for (const p of ps) saysProblem(p);
    });

  it('the notices (Windows-1252, columns not read) are messages too, in the order of the English ones', () => {
    const bytes = Uint8Array.from([...utf8('code;name;class;note;x\nCI;C'), 0xf4, ...utf8('te;VII;n;y\n')]);
    const r = readMembersFile(bytes, 'm.csv', 'class');
    expect(r.notices).toHaveLength(2);
    expect(r.noticeMsgs).toHaveLength(2);
    expect(r.notices[1]).toBe('the columns “note”, “x” are not read (only code, name and class).');
    r.notices.forEach((n, i) => saysInEveryLanguage(r.noticeMsgs![i], n));
    expect(say(r.noticeMsgs![1], 'fr')).toBe(
      'les colonnes « note », « x » ne sont pas lues (seulement code, name et class).',
    );
    const one = readMembersFile(utf8('code;class;note\nA;I;n\n'), 'm.csv', 'class');
    expect(one.notices).toEqual(['the column “note” is not read (only code, name and class).']);
  });

  it('the size refusal writes its megabytes in the language', () => {
    expect(tooLarge(200 * 1024 * 1024, 64 * 1024 * 1024)).toBe(
      'the file is 200 MB, larger than the 64 MB this reads: is it the right file?',
    );
    const [p] = decodeText(new Uint8Array(12 * 1024 * 1024 + 1), 'big.csv', 10 * 1024 * 1024).problems;
    expect(p.message).toMatch(/^the file is 12 MB, larger than the 10 MB/);
    expect(say(p.msg!, 'fr')).toMatch(/^le fichier fait 12 Mo/);
  });

  it('property: whatever the bytes, every problem has a message whose English is its text', () => {
    const piece = fc.constantFrom('a', ';', ',', '\t', '"', '\n', '\r\n', ' ', 'é', '\u0001', '\uFFFD', '1,5', '#');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, weight) => {
        const r = readMembersFile(utf8(`code;name;${weight ? 'weight' : 'class'}\n${parts.join('')}`), 'g', 'class');
        for (const p of r.problems) {
          expect(p.msg).toBeDefined();
          expect(say(p.msg!)).toBe(p.message);
        }
        expect(r.noticeMsgs?.map((m) => say(m))).toEqual(r.notices);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the base-scale checks (R21–R23) say their problems as messages', () => {
  const text = readFileSync('test/fixtures/e5-workbook.json', 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into the JSON freely
  const problems = (f: (d: any) => void) => {
    const doc = JSON.parse(text);
    f(doc);
    return parseWorkbook(JSON.stringify(doc)).problems;
  };

  it('each kind of problem: English unchanged, French and Arabic in their words', () => {
    const all = [
      ...problems((d) => (d.settings.thresholdOn = 'half')),
      ...problems((d) => (d.baseScales[0].rates[1].code = d.baseScales[0].rates[0].code)),
      ...problems((d) => (d.baseScales[0].rates[0].rate = 5)),
      ...problems((d) => (d.baseScales = [d.baseScales[0], d.baseScales[0]])),
      ...problems((d) => (d.budgets[0].years[0].scale.baseScale = 'nope')),
      ...problems((d) => Object.assign(d.budgets[0].years[0].scale, { decimals: 13, rounding: 'up' })),
      ...problems((d) => Object.assign(d.budgets[0].years[0].scale, { floor: '5', ceiling: '1' })),
      ...problems((d) => (d.budgets[0].years[0].scale.fixedRates = [{ member: 'NOPE', rate: '1' }, 7])),
      ...problems((d) => (d.budgets[0].biennia = [{ years: [2026, 2028], amount: '1.5' }])),
      ...problems((d) => (d.budgets[0].biennia = 'x')),
    ];
    const english = all.map((p) => p.message).join('\n');
    expect(english).toMatch(/What the loss-of-vote threshold compares with must be "gross" or "net" \(got "half"\)/);
    expect(english).toMatch(/: the rate must be a number of zero or more written like 0\.125, in quotes \(got 5\)/);
    expect(english).toMatch(/Base scale id ".*" is used twice/);
    expect(english).toMatch(/there is no base scale "nope"/);
    expect(english).toMatch(/the decimals must be a whole number from 0 to 12 \(got 13\)/);
    expect(english).toMatch(/the floor is above the ceiling/);
    expect(english).toMatch(/there is no member NOPE/);
    expect(english).toMatch(/fixed rate 2 is not an entry/);
    expect(english).toMatch(
      /biennium 1: the years must be two consecutive years such as \[2026, 2027\] \(got \[2026,2028\]\)/,
    );
    expect(english).toMatch(/'s biennia must be a list/);
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const p of all) saysProblem(p);
  });

  it('amounts in a scales problem are written in the reader’s number format', () => {
    const all = problems((d) => (d.budgets[0].years[0].credit = '99999999999.5'));
    const p = all.find((x) => x.msg?.id === 'validation.scales.creditOver')!;
    expect(p.message).toMatch(/the credit 99999999999\.5 is more than the gross/);
    const fr = say(p.msg!, 'fr', (plain) => `<${plain}>`);
    expect(fr).toMatch(/le crédit <99999999999\.5> dépasse le montant brut </);
  });
});

describe('the liquidity what-if refusals (R24) are messages', () => {
  const wb = (): Workbook => parseWorkbook(readFileSync('test/fixtures/e7-workbook.json', 'utf8')).workbook!;
  const refusal = (f: () => unknown): Error => {
    try {
      f();
    } catch (e) {
      return e as Error;
    }
    throw new Error('not refused');
  };

  it('each refusal: English unchanged, French and Arabic in their words', () => {
    const basis = liquidityBasis(wb(), 'e7', 2026);
    const whatIfs: [LiquidityWhatIf, string][] = [
      [{ late: [{ member: 'ZZ', months: 1 }] }, 'ZZ is not a member of Worked example E7'],
      [{ late: [{ member: 'P', months: 121 }] }, 'A delay is a whole number of months from 0 to 120 (got 121)'],
      [
        { lateLargest: { count: 0, months: 1 } },
        'The number of largest contributors must be a whole number from 1 up (got 0)',
      ],
      [{ collect: '100.5' }, 'The share collected is a percentage from 0 to 100 (got 100.5)'],
      [{ dates: [{ member: 'P', date: '2027-01-01' }] }, "P's expected date 2027-01-01 is not a day of 2026"],
    ];
    for (const [w, english] of whatIfs) {
      const e = refusal(() => projectLiquidity(basis, w));
      expect(e.message).toBe(english);
      saysInEveryLanguage(messageOf(e), english);
    }
    const early = refusal(() => liquidityBasis(wb(), 'e7', 2020));
    saysInEveryLanguage(messageOf(early), early.message);
    expect(early.message).toBe("Worked example E7 has no budget for 2020: enter the year's total or unit value first");
  });

  it('a spending plan of the wrong length names its months in every language', () => {
    const w = wb();
    w.liquidity = { ...w.liquidity, spending: [{ budget: 'e7', year: 2026, months: Array(11).fill('10') }] };
    const e = refusal(() => liquidityBasis(w, 'e7', 2026));
    expect(e.message).toMatch(/has 11 months; it needs 12, January to December$/);
    saysInEveryLanguage(messageOf(e), e.message);
  });
});

describe('journal labels as data (issue 11 with issue 16)', () => {
  const stamp = { at: '2026-03-02T09:15:03.120Z', user: 'marie', machine: 'PC-FIN-07', nonce: '7f3a9c' };
  const label = msg('engine.edit.payment.recordLabel', {
    id: 'pay-0013',
    member: 'FR',
    amount: '45579',
    currency: 'CHF',
    date: '2026-02-01',
  });
  const english = 'Record payment pay-0013: FR 45579 CHF on 2026-02-01';

  it('a new entry keeps the label as data beside its English text; a reader sees it in their language', () => {
    const e = journalEntry(stamp, say(label), ['payments[pay-0013]'], label);
    expect(e.summary).toBe(english);
    // Through the file and back: the label is still there, and still says the same.
    const back = JSON.parse(JSON.stringify(e)) as JournalEntry;
    expect(back.summaryMsg).toEqual(label);
    expect(entrySummary(back, (m) => say(m))).toBe(english);
    expect(entrySummary(back, (m) => say(m, 'fr'))).toBe(say(label, 'fr'));
    expect(entrySummary(back, (m) => say(m, 'fr'))).not.toBe(english);
    expect(entrySummary(back, (m) => say(m, 'ar'))).toMatch(/pay-0013/);
    expect(journalProblems([back])).toEqual([]);
  });

  it('an old entry (no label as data), an unknown id or values that do not fit show the English text', () => {
    const old = journalEntry(stamp, english, []);
    expect(old.summaryMsg).toBeUndefined();
    expect(entrySummary(old, (m) => say(m, 'fr'))).toBe(english);
    const newer = { ...old, summaryMsg: msg('engine.edit.somethingNewer', { x: '1' }) };
    expect(entrySummary(newer, (m) => say(m, 'fr'))).toBe(english);
    const misfit = { ...old, summaryMsg: { id: 'engine.edit.payment.recordLabel', values: { id: 'x' } } };
    expect(entrySummary(misfit, (m) => say(m, 'fr'))).toBe(english);
    expect(journalProblems([newer])).toEqual([]);
  });

  it('an undo says its step inside its own words, in each language', () => {
    const undo: Message = { id: 'merge.history.undoStep', values: { dir: 'undo' }, parts: { label } };
    saysInEveryLanguage(undo, `Undo: ${english}`);
    expect(say(undo, 'fr')).toBe(`Annuler : ${say(label, 'fr')}`);
  });

  it('a label holding what a file cannot keep (a date, a bigint) is not stored as data', () => {
    expect(storableMessage(msg('x', { d: new Date(0) }))).toBeUndefined();
    expect(storableMessage({ id: 'x', parts: { p: msg('y', { n: 1n }) } })).toBeUndefined();
    expect(journalEntry(stamp, 'x', [], msg('x', { d: new Date(0) })).summaryMsg).toBeUndefined();
    expect(storableMessage(msg('x', { a: 'b', n: 2, u: undefined }))).toEqual({ id: 'x', values: { a: 'b', n: 2 } });
  });

  it('the journal check refuses a damaged label as data, naming the entry', () => {
    const e = journalEntry(stamp, english, []);
    for (const bad of [
      7,
      { values: {} },
      { id: 'x', values: { a: {} } },
      { id: 'x', parts: { p: 3 } },
      { id: 'x', y: 1 },
    ])
      expect(journalProblems([{ ...e, summaryMsg: bad }]).map((p) => p.path)).toEqual(['journal[0].summaryMsg']);
    const [p] = journalProblems([{ ...e, summaryMsg: 7 }]);
    saysInEveryLanguage(
      p.msg,
      'Entry 1 of the history of changes (journal): its summaryMsg must be a message: an id with its values.',
    );
  });

  it('property: any label of text and numbers survives the file and says the same as before', () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer());
    fc.assert(
      fc.property(
        fc.record({
          id: value,
          member: value,
          amount: fc.stringMatching(/^-?\d{1,9}(\.\d{1,2})?$/),
          currency: value,
          date: value,
        }),
        fc.constantFrom('en', 'fr', 'ar', 'zh', 'fa'),
        (values, lang) => {
          const m = msg('engine.edit.payment.recordLabel', values);
          const e = JSON.parse(JSON.stringify(journalEntry(stamp, say(m), [], m))) as JournalEntry;
          expect(journalProblems([e])).toEqual([]);
          expect(entrySummary(e, (x) => say(x, lang))).toBe(say(m, lang));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the engine’s refusals (scale derivation, biennium, classes, linked unions) are messages', () => {
  const refusal = (f: () => unknown): Error => {
    try {
      f();
    } catch (e) {
      return e as Error;
    }
    throw new Error('not refused');
  };
  const base = [
    { code: 'A', rate: '60' },
    { code: 'B', rate: '40' },
  ];
  const m = (code: string, fixedRate?: string) => (fixedRate ? { code, fixedRate } : { code });

  it('each derivation refusal (R21): English as before, French and Arabic in their words', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => deriveScale(base, [m('A')], { decimals: 13 }), /^the number of decimals must be .* \(got 13\)$/],
      [() => deriveScale(base, [], {}), /^there are no members to derive a scale for$/],
      [
        () => deriveScale(base, [m('A')], { ceiling: 'x' }),
        /^the ceiling must be a number written like 0\.125 \(got "x"\)$/,
      ],
      [() => deriveScale(base, [m('A')], { floor: '-1' }), /^the floor must be zero or more \(got -1\)$/],
      [() => deriveScale(base, [m('A')], { ceiling: '2.5', decimals: 0 }), /^The ceiling 2\.5 has more decimals/],
      [() => deriveScale([...base, base[0]], [m('A')]), /^A appears twice on the base scale$/],
      [() => deriveScale(base, [m('A'), m('A')]), /^A appears twice among the members$/],
      [() => deriveScale(base, [m('A', '5')]), /^A is on the base scale \(rate 60\)/],
      [() => deriveScale(base, [m('C')]), /^C is not on the base scale and has no fixed rate$/],
      [() => deriveScale(base, [m('A'), m('C', '-2')]), /^C's fixed rate must be zero or more/],
      [() => deriveScale(base, [m('A')], { floor: '5', ceiling: '1' }), /^the floor 5 is above the ceiling 1$/],
      [() => deriveScale(base, [m('A'), m('C', '101')]), /^the fixed rates add up to 101 %, more than 100 %$/],
      [() => deriveScale(base, [m('A'), m('B')], { ceiling: '10' }), /^a ceiling of 10 % for 2 members holds at most/],
      [() => deriveScale(base, [m('A')], { floor: '200' }), /^a floor of 200 % for 1 member needs at least/],
    ];
    for (const [f, english] of cases) {
      const e = refusal(f);
      expect(e.message).toMatch(english);
      saysInEveryLanguage(messageOf(e), e.message);
    }
  });

  it('biennium, scheme and class refusals: English as before, French and Arabic in their words', () => {
    const wb = parseWorkbook(readFileSync('test/fixtures/e7-workbook.json', 'utf8')).workbook!;
    const b = wb.budgets[0];
    const cases: [() => unknown, string][] = [
      [() => bienniumSplit('100.5', '1'), 'the biennial figure 100.5 is not a whole number of the rounding unit 1'],
      [() => bienniumSplit('100', '0'), 'the rounding unit must be greater than zero (got 0)'],
      [() => schemeOf(wb, { ...b, schemeId: 'nope' }), 'budget e7 uses scheme nope, which the workbook does not hold'],
      [() => new Holdings(wb).holding(b, 'ZZ', 2026), 'ZZ holds no class in e7 for 2026'],
    ];
    for (const [f, english] of cases) {
      const e = refusal(f);
      expect(e.message).toBe(english);
      saysInEveryLanguage(messageOf(e), english);
    }
  });

  it('R11 a class set in a linked union names the article in the language, and no rule id', () => {
    const paris = { id: 'paris', name: 'Paris Union' } as Budget;
    const locarno = { id: 'locarno', name: 'Locarno Union' } as Budget;
    const held = linkedClassMessage(locarno, paris, 'FR', 'I');
    const english = say(held);
    expect(english).toBe(
      'Locarno Union takes its classes from Paris Union: FR holds class I there. Change the class in Paris Union ' +
        '(or file a class-change notice there); it flows into Locarno Union (Locarno Agreement Art. 7(4)(a))',
    );
    expect(english).not.toMatch(/\bR\d+\b/);
    saysInEveryLanguage(held, english);
    expect(say(held, 'fr')).toMatch(/\(Arrangement de Locarno, art\. 7\.4\)a\)\)$/);
    saysInEveryLanguage(linkedClassMessage(locarno, paris), say(linkedClassMessage(locarno, paris)));
  });
});
