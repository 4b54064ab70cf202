import { describe, expect, it } from 'vitest';
import {
  addBudget,
  addBudgetWithNewScheme,
  addScheme,
  addVotingDecision,
  createScenario,
  removeBudget,
  removeScheme,
  renameBudget,
  renameScheme,
  setClassUnits,
  setLeaving,
  setAccession,
  setScenarioLevel,
  slugId,
  type AddBudgetArgs,
} from '../../shared/edit';
import { assessBudgetYear, Holdings } from '../../shared/engine';
import { Decimal } from '../../shared/model/decimal';
import { PARIS, SCALE, WIPO_CONVENTION, WIPO_UNITARY } from '../../shared/model/schemes';
import type { Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { example, ok, refusedAt, roundTrips } from './edit-helpers';

// Budgets and schemes created, renamed and removed: each one undoable step whose result validates (R1, R2, R5, R11).

const sum = (amounts: string[]) => amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed();

const HAGUE: AddBudgetArgs = {
  name: 'Hague Union',
  schemeId: 'paris',
  currency: 'CHF',
  roundingUnit: '1',
  rounding: 'half-up',
  year: 2026,
  method: 'total',
  amount: '1000000',
  members: { copyFrom: 'paris' },
};

describe('R1/R2 addScheme', () => {
  it('from each built-in template: its table, a slug id from the name, undone exactly', () => {
    const wb = example();
    for (const t of [WIPO_CONVENTION, PARIS, WIPO_UNITARY, SCALE]) {
      const d = roundTrips(wb, addScheme(wb, { name: `  My ${t.id}  table `, from: t.id }));
      const s = d.workbook.schemes.at(-1)!;
      expect(s.id).toBe(`my-${t.id}-table`);
      expect(s.name).toBe(`My ${t.id} table`);
      expect(s.kind).toBe(t.kind);
      if (t.kind === 'classes' && s.kind === 'classes') expect(s.classes).toEqual(t.classes);
      expect(d.workbook.schemes.slice(0, -1)).toEqual(wb.schemes);
      expect(wb.schemes).toHaveLength(4); // never mutated (the three built-in ones and the Special Fund's percent scale)
    }
  });

  it('a template the workbook lacks; empty; and a copy of a workbook scheme as edited there', () => {
    const wb = ok(setClassUnits(example(), { scheme: 'paris', code: 'VII', units: '2' })).workbook;
    const fromTemplate = roundTrips(wb, addScheme(wb, { name: 'Scale', from: 'scale' })).workbook.schemes.at(-1)!;
    expect(fromTemplate).toEqual({ id: 'scale', name: 'Scale', kind: 'scale' });
    const empty = roundTrips(wb, addScheme(wb, { name: 'Empty', from: 'empty' })).workbook.schemes.at(-1)!;
    // 'empty' is kept free as an id: it names "no classes" when given as `from`.
    expect(empty).toEqual({ id: 'empty-2', name: 'Empty', kind: 'classes', classes: [] });
    const copy = roundTrips(wb, addScheme(wb, { name: 'Hague classes', from: 'paris' })).workbook.schemes.at(-1)!;
    expect(copy.kind === 'classes' && copy.classes.find((c) => c.code === 'VII')!.units).toBe('2');
    // The copy is its own list: editing it leaves the original as it was.
    const d = ok(addScheme(wb, { name: 'Hague classes', from: 'paris' }));
    const edited = ok(setClassUnits(d.workbook, { scheme: 'hague-classes', code: 'I', units: '30' })).workbook;
    expect(edited.schemes.find((s) => s.id === 'paris')).toEqual(wb.schemes.find((s) => s.id === 'paris'));
  });

  it('ids are slugs of the name, unique: -2, -3…; accents dropped; a fallback for names with no latin letters', () => {
    const wb = example();
    expect(ok(addScheme(wb, { name: 'Paris (our copy)', from: 'paris' })).workbook.schemes.at(-1)!.id).toBe(
      'paris-our-copy',
    );
    expect(ok(addScheme(wb, { name: 'PARIS!', from: 'paris' })).workbook.schemes.at(-1)!.id).toBe('paris-2');
    const two = ok(
      addScheme(ok(addScheme(wb, { name: 'Paris 1', from: 'paris' })).workbook, { name: 'Paris 2', from: 'paris' }),
    ).workbook;
    expect(two.schemes.slice(-2).map((s) => s.id)).toEqual(['paris-1', 'paris-2']);
    expect(ok(addScheme(wb, { name: 'Barème de Genève', from: 'scale' })).workbook.schemes.at(-1)!.id).toBe(
      'bareme-de-geneve',
    );
    expect(ok(addScheme(wb, { name: '日本', from: 'scale' })).workbook.schemes.at(-1)!.id).toBe('scheme');
    expect(slugId('Hague Union', new Set(['hague-union', 'hague-union-2']), 'budget')).toBe('hague-union-3');
  });

  it('refuses a missing, too long or taken name, and an unknown starting point', () => {
    const wb = example();
    expect(refusedAt(addScheme(wb, { name: '  ', from: 'paris' }), 'name')).toContain('needs a name');
    expect(refusedAt(addScheme(wb, { name: 'x'.repeat(121), from: 'paris' }), 'name')).toContain('120');
    expect(refusedAt(addScheme(wb, { name: 'paris convention, art. 16(4)(a)', from: 'paris' }), 'name')).toContain(
      'already a scheme named',
    );
    expect(refusedAt(addScheme(wb, { name: 'Mine', from: 'berne' }), 'from')).toContain(
      'no template or scheme “berne”',
    );
  });
});

describe('renameScheme and removeScheme', () => {
  it('renames; the id stays, so budgets keep their scheme', () => {
    const wb = example();
    const d = roundTrips(wb, renameScheme(wb, { scheme: 'paris', name: 'Paris and Berne classes' }));
    expect(d.workbook.schemes.find((s) => s.id === 'paris')!.name).toBe('Paris and Berne classes');
    expect(d.label).toBe('Rename scheme “Paris Convention, Art. 16(4)(a)” to “Paris and Berne classes”');
  });

  it('refuses an unknown scheme, an empty, unchanged or taken name', () => {
    const wb = example();
    expect(refusedAt(renameScheme(wb, { scheme: 'berne', name: 'X' }), 'scheme')).toContain('no scheme “berne”');
    expect(refusedAt(renameScheme(wb, { scheme: 'paris', name: '' }), 'name')).toContain('needs a name');
    expect(refusedAt(renameScheme(wb, { scheme: 'paris', name: 'Paris Convention, Art. 16(4)(a)' }), 'name')).toContain(
      'unchanged',
    );
    expect(
      refusedAt(renameScheme(wb, { scheme: 'paris', name: 'WIPO unitary contribution system' }), 'name'),
    ).toContain('already a scheme named');
  });

  it('removes a scheme no budget uses; refuses while budgets use it, naming them', () => {
    const wb = example();
    const msg = refusedAt(removeScheme(wb, { scheme: 'paris' }), 'scheme');
    expect(msg).toBe(
      'Paris Convention, Art. 16(4)(a) is used by Paris Union and Locarno Union (special union): give those budgets another scheme or remove them first',
    );
    expect(refusedAt(removeScheme(wb, { scheme: 'berne' }), 'scheme')).toContain('no scheme “berne”');
    const added = ok(addScheme(wb, { name: 'Hague classes', from: 'paris' })).workbook;
    const d = roundTrips(added, removeScheme(added, { scheme: 'hague-classes' }));
    expect(d.workbook.schemes).toEqual(wb.schemes);
  });

  it('R14 refuses while a scenario changes the units of one of its classes', () => {
    const wb = ok(addScheme(example(), { name: 'Hague classes', from: 'paris' })).workbook;
    const withScenario = {
      ...wb,
      scenarios: [
        {
          id: 's',
          name: 'Heavier VII',
          overrides: [{ kind: 'units' as const, scheme: 'hague-classes', class: 'VII', units: '2' }],
        },
      ],
    };
    expect(validateWorkbook(withScenario)).toEqual([]);
    expect(refusedAt(removeScheme(withScenario, { scheme: 'hague-classes' }), 'scheme')).toContain(
      'scenario “Heavier VII”',
    );
  });
});

describe('addBudget', () => {
  it('R5 a new union with the Paris Union’s members: the shares sum exactly to its total; undone exactly', () => {
    const wb = example();
    const d = roundTrips(wb, addBudget(wb, HAGUE));
    const b = d.workbook.budgets.at(-1)!;
    expect(b).toEqual({
      id: 'hague-union',
      name: 'Hague Union',
      schemeId: 'paris',
      currency: 'CHF',
      roundingUnit: '1',
      rounding: 'half-up',
      years: [{ year: 2026, method: 'total', amount: '1000000', adopted: true }],
    });
    const t = assessBudgetYear(d.workbook, 'hague-union', 2026);
    expect(t.total).toBe('1000000');
    expect(sum(t.rows.map((r) => r.amount))).toBe('1000000');
    expect(t.rows.map((r) => r.code)).toEqual(assessBudgetYear(wb, 'paris', 2026).rows.map((r) => r.code));
    expect(d.label).toBe('New budget “Hague Union” with 174 members of Paris Union');
    // The other budgets compute as before.
    expect(assessBudgetYear(d.workbook, 'paris', 2026)).toEqual(assessBudgetYear(wb, 'paris', 2026));
  });

  it('R13 each member holds the class it holds in that year in the source budget (changes in effect included), from that year', () => {
    const wb = example();
    const d = ok(addBudget(wb, HAGUE));
    const source = wb.budgets.find((b) => b.id === 'paris')!;
    const holdings = new Holdings(wb);
    const copied = d.workbook.participations.filter((p) => p.budget === 'hague-union');
    expect(copied).toHaveLength(wb.participations.filter((p) => p.budget === 'paris').length);
    for (const p of copied)
      expect(p.classes, p.member).toEqual([{ year: 2026, class: holdings.holding(source, p.member, 2026).class }]);
    // DK's move down to V was heard at the 2025 session: in force in 2026 (R13). CN moved up to I in 2021.
    expect(copied.find((p) => p.member === 'DK')!.classes).toEqual([{ year: 2026, class: 'V' }]);
    expect(copied.find((p) => p.member === 'CN')!.classes).toEqual([{ year: 2026, class: 'I' }]);
    // Class-change notices belong to the source union; none is copied.
    expect(d.workbook.classChanges).toBe(wb.classChanges);
  });

  it('R1 members copied onto a new scheme made from the same template: their classes fit', () => {
    const wb = ok(addScheme(example(), { name: 'Hague classes', from: 'paris' })).workbook;
    const d = roundTrips(wb, addBudget(wb, { ...HAGUE, schemeId: 'hague-classes' }));
    expect(d.workbook.participations.filter((p) => p.budget === 'hague-union')).toHaveLength(174);
    expect(sum(assessBudgetYear(d.workbook, 'hague-union', 2026).rows.map((r) => r.amount))).toBe('1000000');
    // With class VII gone from the new scheme, the copy is refused and names a member holding it.
    const narrower = ok(addScheme(wb, { name: 'No VII', from: 'empty' })).workbook;
    expect(refusedAt(addBudget(narrower, { ...HAGUE, schemeId: 'no-vii' }), 'members')).toMatch(
      /holds class \w+ in Paris Union, which No VII does not have/,
    );
  });

  it('a budget on a new scheme is one step: undo removes both; refusals of the scheme at scheme.name / scheme.from', () => {
    const wb = example();
    const { name, currency, roundingUnit, rounding, year, method, amount, members } = HAGUE;
    const budget = { name, currency, roundingUnit, rounding, year, method, amount, members };
    const d = roundTrips(wb, addBudgetWithNewScheme(wb, { scheme: { name: 'Hague classes', from: 'paris' }, budget }));
    expect(d.workbook.schemes.at(-1)!.id).toBe('hague-classes');
    expect(d.workbook.budgets.at(-1)!.schemeId).toBe('hague-classes');
    expect(d.label).toBe('New budget “Hague Union” with 174 members of Paris Union, on the new scheme “Hague classes”');
    expect(
      refusedAt(addBudgetWithNewScheme(wb, { scheme: { name: '', from: 'paris' }, budget }), 'scheme.name'),
    ).toContain('needs a name');
    expect(
      refusedAt(addBudgetWithNewScheme(wb, { scheme: { name: 'X', from: 'berne' }, budget }), 'scheme.from'),
    ).toContain('berne');
    expect(
      refusedAt(
        addBudgetWithNewScheme(wb, {
          scheme: { name: 'X', from: 'paris' },
          budget: { ...budget, currency: 'Swiss francs' },
        }),
        'currency',
      ),
    ).toContain('currency code');
  });

  it('R11 copying a special union takes the classes it holds through the Paris Union', () => {
    const wb = example();
    const d = roundTrips(wb, addBudget(wb, { ...HAGUE, members: { copyFrom: 'locarno' } }));
    const copied = d.workbook.participations.filter((p) => p.budget === 'hague-union');
    expect(copied).toHaveLength(61);
    const [paris, locarno] = ['paris', 'locarno'].map((id) => wb.budgets.find((b) => b.id === id)!);
    const holdings = new Holdings(wb);
    const linked = new Set(
      wb.participations.filter((p) => p.budget === 'locarno' && p.classes.length === 0).map((p) => p.member),
    );
    expect(linked.size).toBeGreaterThan(40);
    for (const p of copied) {
      expect(p.classes[0].class, p.member).toBe(holdings.holding(locarno, p.member, 2026).class);
      if (linked.has(p.member))
        expect(p.classes[0].class, p.member).toBe(holdings.holding(paris, p.member, 2026).class);
    }
  });

  it('R8/R12 members that left before the year are not copied; a later accession keeps its date and joining class; a leaving date is kept', () => {
    let wb = example();
    wb = ok(setLeaving(wb, { budget: 'paris', member: 'AL', until: '2025-12-31' })).workbook;
    wb = ok(setLeaving(wb, { budget: 'paris', member: 'DZ', until: '2026-06-30' })).workbook;
    wb = ok(setAccession(wb, { budget: 'paris', member: 'AD', from: '2027-03-01' })).workbook;
    wb = ok(setAccession(wb, { budget: 'paris', member: 'AO', from: '2026-04-01' })).workbook;
    const d = roundTrips(wb, addBudget(wb, HAGUE));
    const of = (m: string) => d.workbook.participations.find((p) => p.budget === 'hague-union' && p.member === m);
    expect(of('AL')).toBeUndefined();
    expect(of('DZ')).toEqual({
      member: 'DZ',
      budget: 'hague-union',
      until: '2026-06-30',
      classes: [{ year: 2026, class: 'VI' }],
    });
    expect(of('AD')).toEqual({
      member: 'AD',
      budget: 'hague-union',
      from: '2027-03-01',
      classes: [{ year: 2027, class: 'VII' }],
    });
    expect(of('AO')).toEqual({
      member: 'AO',
      budget: 'hague-union',
      from: '2026-04-01',
      classes: [{ year: 2026, class: 'VII' }],
    });
    // SS joined the Paris Union in 2023: a member of the new union from its beginning.
    expect(of('SS')).toEqual({ member: 'SS', budget: 'hague-union', classes: [{ year: 2026, class: 'VII' }] });
    const t = assessBudgetYear(d.workbook, 'hague-union', 2026);
    expect(sum(t.rows.map((r) => r.amount))).toBe('1000000');
  });

  it('R7 a unit value budget copying the unitary contribution gives each member the same amounts', () => {
    const wb = example();
    const d = roundTrips(
      wb,
      addBudget(wb, {
        name: 'Unitary (copy)',
        schemeId: 'wipo-unitary',
        currency: 'CHF',
        roundingUnit: '1',
        rounding: 'half-up',
        year: 2026,
        method: 'unit-value',
        amount: '45579',
        members: { copyFrom: 'unitary' },
      }),
    );
    const mine = assessBudgetYear(d.workbook, 'unitary-copy', 2026);
    const theirs = assessBudgetYear(wb, 'unitary', 2026);
    expect(mine.rows.map((r) => [r.code, r.amount])).toEqual(theirs.rows.map((r) => [r.code, r.amount]));
    expect(mine.total).toBe(theirs.total);
  });

  it('R2 a scale budget copies weights; a budget with no members; totals written with the rounding unit’s decimals', () => {
    let wb = ok(addScheme(example(), { name: 'UN scale', from: 'scale' })).workbook;
    wb = {
      ...wb,
      members: wb.members,
      budgets: [
        ...wb.budgets,
        {
          id: 'un',
          name: 'UN',
          schemeId: 'un-scale',
          currency: 'USD',
          roundingUnit: '0.01',
          rounding: 'half-even',
          years: [{ year: 2026, method: 'total', amount: '100.00', adopted: true }],
        },
      ],
      participations: [
        ...wb.participations,
        { member: 'AL', budget: 'un', classes: [{ year: 2020, weight: '0.008' }] },
        { member: 'FR', budget: 'un', classes: [{ year: 2020, weight: '4.3' }] },
      ],
    };
    expect(validateWorkbook(wb)).toEqual([]);
    const d = roundTrips(
      wb,
      addBudget(wb, {
        name: 'UN 2',
        schemeId: 'un-scale',
        currency: 'USD',
        roundingUnit: '0.01',
        rounding: 'half-even',
        year: 2026,
        method: 'total',
        amount: "1'000'000",
        members: { copyFrom: 'un' },
      }),
    );
    expect(d.workbook.budgets.at(-1)!.years).toEqual([
      { year: 2026, method: 'total', amount: '1000000.00', adopted: true },
    ]);
    expect(d.workbook.participations.filter((p) => p.budget === 'un-2').map((p) => p.classes)).toEqual([
      [{ year: 2026, weight: '0.008' }],
      [{ year: 2026, weight: '4.3' }],
    ]);
    expect(sum(assessBudgetYear(d.workbook, 'un-2', 2026).rows.map((r) => r.amount))).toBe('1000000');
    const none = roundTrips(wb, addBudget(wb, { ...HAGUE, members: 'none' }));
    expect(none.workbook.participations).toBe(wb.participations);
    expect(none.label).toBe('New budget “Hague Union”');
  });

  it('refuses bad input, naming the field', () => {
    const wb = example();
    const bad = (a: Partial<AddBudgetArgs>, path: string) => refusedAt(addBudget(wb, { ...HAGUE, ...a }), path);
    expect(bad({ name: ' ' }, 'name')).toContain('needs a name');
    expect(bad({ name: 'paris union' }, 'name')).toContain('already a budget named “paris union”');
    expect(bad({ schemeId: 'berne' }, 'schemeId')).toContain('no scheme “berne”');
    expect(bad({ currency: 'chf' }, 'currency')).toContain('three capital letters');
    expect(bad({ currency: 'CHFX' }, 'currency')).toContain('not a currency code');
    expect(bad({ roundingUnit: '0' }, 'roundingUnit')).toContain('greater than zero');
    expect(bad({ roundingUnit: 'cent' }, 'roundingUnit')).toContain('not a rounding unit');
    expect(bad({ rounding: 'down' as never }, 'rounding')).toContain('half-up or half-even');
    expect(bad({ year: 1800 }, 'year')).toContain('not a year');
    expect(bad({ year: 2026.5 }, 'year')).toContain('not a year');
    expect(bad({ method: 'fixed' as never }, 'method')).toContain('not a method');
    expect(bad({ amount: '0' }, 'amount')).toContain('greater than zero');
    expect(bad({ amount: 'a million' }, 'amount')).toContain('not an amount');
    // R5 a total the shares could not sum to.
    expect(bad({ amount: '1000000.50' }, 'amount')).toBe(
      'a total must be a whole number of the rounding unit 1 (1000000.50 is not)',
    );
    expect(bad({ roundingUnit: '1000', amount: '1000500' }, 'amount')).toContain(
      'whole number of the rounding unit 1000',
    );
    expect(bad({ members: { copyFrom: 'berne' } }, 'members')).toContain('no budget “berne”');
    expect(bad({ members: { copyFrom: 'conference' } }, 'members')).toMatch(
      /^[A-Z]{2} holds class [ABC] in Conference budget \(states not members of any Union\), which Paris Convention, Art. 16\(4\)\(a\) does not have/,
    );
    const scale = ok(addScheme(wb, { name: 'UN scale', from: 'scale' })).workbook;
    expect(refusedAt(addBudget(scale, { ...HAGUE, schemeId: 'un-scale' }), 'members')).toContain(
      'Paris Union uses a class scheme, and UN scale is a scale',
    );
  });

  it('a unit value may carry more decimals than the rounding unit (R7)', () => {
    const wb = example();
    const d = roundTrips(wb, addBudget(wb, { ...HAGUE, method: 'unit-value', amount: '1234.5678' }));
    expect(d.workbook.budgets.at(-1)!.years[0].amount).toBe('1234.5678');
  });
});

describe('renameBudget and removeBudget', () => {
  it('renames a budget; its id, members and figures stay', () => {
    const wb = example();
    const d = roundTrips(wb, renameBudget(wb, { budget: 'paris', name: '  Paris   Union (Stockholm Act) ' }));
    expect(d.workbook.budgets.find((b) => b.id === 'paris')!.name).toBe('Paris Union (Stockholm Act)');
    expect(d.workbook.participations).toBe(wb.participations);
    expect(refusedAt(renameBudget(wb, { budget: 'nope', name: 'X' }), 'budget')).toContain('no budget “nope”');
    expect(refusedAt(renameBudget(wb, { budget: 'paris', name: '' }), 'name')).toContain('needs a name');
    expect(refusedAt(renameBudget(wb, { budget: 'paris', name: 'Paris Union' }), 'name')).toContain('unchanged');
    expect(refusedAt(renameBudget(wb, { budget: 'paris', name: 'unitary contribution' }), 'name')).toContain(
      'already a budget named',
    );
  });

  it('removes a budget and its participations; undo puts both back in place', () => {
    const wb = ok(addBudget(example(), HAGUE)).workbook;
    const d = roundTrips(wb, removeBudget(wb, { budget: 'hague-union' }));
    expect(d.workbook.budgets).toEqual(example().budgets);
    expect(d.workbook.participations).toEqual(example().participations);
    expect(d.label).toBe('Remove budget “Hague Union”');
    expect(refusedAt(removeBudget(wb, { budget: 'nope' }), 'budget')).toContain('no budget “nope”');
  });

  it('refuses while anything refers to the budget, saying what and how many', () => {
    const wb = example();
    expect(refusedAt(removeBudget(wb, { budget: 'paris' }), 'budget')).toBe(
      'Paris Union cannot be removed: it is still referred to by 1 working capital fund decision, 2 class-change notices and Locarno Union (special union), which takes its classes from it. Remove or change those first',
    );
    expect(refusedAt(removeBudget(wb, { budget: 'locarno' }), 'budget')).toContain('3 payments marked for it');
    expect(refusedAt(removeBudget(wb, { budget: 'unitary' }), 'budget')).toContain(
      '4 payments marked for it, 1 working capital fund decision and 2 class-change notices',
    );
    expect(refusedAt(removeBudget(wb, { budget: 'conference' }), 'budget')).toContain('1 class-change notice.');
  });

  it('R14/R17 refuses while a voting decision or a scenario names it', () => {
    let wb = ok(addBudget(example(), HAGUE)).workbook;
    const voted = ok(
      addVotingDecision(wb, {
        member: 'AL',
        budget: 'hague-union',
        body: 'Hague Union Assembly',
        date: '2026-10-01',
        reference: 'HU/A/1',
        from: '2026-10-01',
      }),
    ).workbook;
    expect(refusedAt(removeBudget(voted, { budget: 'hague-union' }), 'budget')).toContain('1 voting decision');
    wb = ok(createScenario(wb, { name: 'Higher Hague' })).workbook;
    wb = ok(
      setScenarioLevel(wb, {
        scenario: 'higher-hague',
        budget: 'hague-union',
        year: 2026,
        method: 'total',
        amount: '1200000',
      }),
    ).workbook;
    expect(refusedAt(removeBudget(wb, { budget: 'hague-union' }), 'budget')).toContain(
      '1 change in scenario “Higher Hague”',
    );
  });

  it('R15 refuses when a payment marked for no budget could no longer be credited in its currency', () => {
    const base = ok(addBudget(example(), { ...HAGUE, members: 'none' })).workbook;
    // AL pays in EUR; the only EUR budget it takes part in is the one being removed.
    const eur = ok(
      addBudget(base, { ...HAGUE, name: 'Euro account', currency: 'EUR', members: { copyFrom: 'paris' } }),
    ).workbook;
    const wb: Workbook = {
      ...eur,
      payments: [...eur.payments, { id: 'pay-eur', member: 'AL', date: '2026-03-01', amount: '10', currency: 'EUR' }],
    };
    expect(validateWorkbook(wb)).toEqual([]);
    expect(refusedAt(removeBudget(wb, { budget: 'euro-account' }), 'budget')).toContain(
      'payment pay-eur of AL in EUR could then not be credited',
    );
  });
});
