import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as edit from '../../shared/edit';
import { applyMembersImport, previewPaymentsImport } from '../../shared/edit/import-preview';
import type { Outcome } from '../../shared/edit';
import { apportionTotal, applyUnitValue, EngineError, messageOf } from '../../shared/engine/apportion';
import { checkComputable } from '../../shared/engine/check';
import { percentScaleSums, workbookWarnings } from '../../shared/engine/warnings';
import { hasMessage, say, setOnMissingMessage, type Message } from '../../shared/i18n/intl';
import { LANGS } from '../../shared/i18n/languages';
import { formatAmount } from '../../shared/i18n/numbers';
import type { Problem, Workbook } from '../../shared/model/types';
import { example } from './edit-helpers';

// Messages as data (issue 11): what the commands and the engine refuse, skip, warn about and label carries a Message
// whose ids are all in the English catalog, whose English text is exactly `message` / `label`, and which every
// language says without a missing id or a raw ICU argument.

/** Every id a message uses, its nested parts included. */
function idsOf(m: Message, out: string[] = []): string[] {
  out.push(m.id);
  for (const p of Object.values(m.parts ?? {})) idsOf(p, out);
  return out;
}

/** Commands run against the bundled example: most refused, some done (for their undo labels). */
function outcomes(wb: Workbook): Outcome[] {
  const paste = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
  return [
    edit.setClass(wb, { budget: 'nope', member: 'AF', year: 2026, value: 'A' }),
    edit.setClass(wb, { budget: 'conference', member: 'AF', year: 2026, value: 'Z' }),
    edit.setClass(wb, { budget: 'conference', member: 'AF', year: 2026, value: 'B' }),
    edit.setClass(wb, { budget: 'special-fund', member: 'AF', year: 2026, value: '-1' }),
    edit.setBudgetYear(wb, { budget: 'paris', year: 2026, amount: '1000000.5' }),
    edit.setBudgetYear(wb, { budget: 'paris', year: 2026, amount: '0' }),
    edit.setBudgetYear(wb, { budget: 'paris', year: 2026, adopted: false }),
    edit.setBudgetYear(wb, { budget: 'paris', year: 2026, amount: '2000000' }),
    edit.setBudgetTerms(wb, { budget: 'conference', roundingUnit: '7' }),
    edit.setBudgetTerms(wb, { budget: 'conference', currency: 'chf' }),
    edit.addMember(wb, { code: '??', name: 'x', budget: 'paris', year: 2026, value: 'I' }),
    edit.addMember(wb, { code: 'AF', name: 'x', budget: 'paris', year: 2026, value: 'I' }),
    edit.addMember(wb, { code: 'XE', name: 'Erewhon', budget: 'locarno', year: 2026, value: 'I' }),
    edit.addMember(wb, { code: 'XE', name: 'Erewhon', budget: 'paris', year: 2026, value: 'I' }),
    edit.removeMember(wb, 'AF'),
    edit.removeMember(wb, 'QQ'),
    edit.renameMember(wb, 'AF', ' '),
    edit.pasteRows(wb, { budget: 'paris', year: 2026, text: '' }),
    edit.pasteRows(wb, {
      budget: 'paris',
      year: 2026,
      text: paste([
        ['code', 'name', 'class'],
        ['AF', 'Afghanistan', 'Q'],
        ['AF', '', ''],
        ['??', 'x', 'I'],
        ['XN', '', ''],
      ]),
    }),
    edit.pasteRows(wb, {
      budget: 'paris',
      year: 2026,
      text: paste([
        ['code', 'name', 'class'],
        ['XN', 'Nowhere', 'VII'],
        ['AL', '', 'Q'],
      ]),
    }),
    edit.addClassChange(wb, { budget: 'paris', member: 'AF', toClass: 'Z', notifiedOn: '2026-01-01' }),
    edit.addClassChange(wb, { budget: 'locarno', member: 'AF', toClass: 'I', notifiedOn: '2026-01-01' }),
    edit.addClassChange(wb, {
      budget: 'paris',
      member: 'AF',
      toClass: 'I',
      notifiedOn: '2026-05-01',
      sessionDate: '2026-01-01',
    }),
    edit.setSessionDate(wb, 'cc-999', undefined),
    edit.setClassUnits(wb, { scheme: 'paris', code: 'I', units: 'x' }),
    edit.addSchemeClass(wb, { scheme: 'paris', code: 'I', units: '1' }),
    edit.removeSchemeClass(wb, { scheme: 'paris', code: 'I' }),
    edit.addScheme(wb, { name: '', from: 'empty' }),
    edit.addScheme(wb, { name: 'New', from: 'nope' }),
    edit.addScheme(wb, { name: 'Copy', from: 'paris' }),
    edit.removeScheme(wb, { scheme: 'paris' }),
    edit.addBudget(wb, {
      name: 'B',
      schemeId: 'paris',
      currency: 'CHF',
      roundingUnit: '1',
      rounding: 'half-up',
      year: 2026,
      method: 'total',
      amount: '10.5',
      members: 'none',
    }),
    edit.addBudget(wb, {
      name: 'B',
      schemeId: 'paris',
      currency: 'CHF',
      roundingUnit: '1',
      rounding: 'half-up',
      year: 2026,
      method: 'total',
      amount: '100',
      members: { copyFrom: 'special-fund' },
    }),
    edit.addBudget(wb, {
      name: 'B',
      schemeId: 'paris',
      currency: 'CHF',
      roundingUnit: '1',
      rounding: 'half-up',
      year: 2026,
      method: 'total',
      amount: '100',
      members: { copyFrom: 'paris' },
    }),
    edit.removeBudget(wb, { budget: 'paris' }),
    edit.setOrganizationName(wb, ''),
    edit.setCreditingOrder(wb, 'sideways'),
    edit.setCreditingOrder(wb, wb.settings.creditingOrder === 'oldest-first' ? 'wcf-then-oldest' : 'oldest-first'),
    edit.setVotingTest(wb, 'combined'),
    edit.setAccession(wb, { budget: 'paris', member: 'AF', from: '2026-13-01' }),
    edit.setLeaving(wb, { budget: 'paris', member: 'AF', until: undefined }),
    edit.setLeaving(wb, { budget: 'paris', member: 'AF', until: '2030-12-31' }),
    edit.setNewMemberRule(wb, 'months'),
    edit.setOpeningBalance(wb, { member: 'AF', budget: 'paris', year: '1990', assessed: '10', unpaid: '20' }),
    edit.pasteOpeningBalances(wb, 'AF\tparis\t1990\t10\t-1\nAF\tparis\t1990\t10\t5\nAF\tparis\t1990\t10\t5'),
    edit.createScenario(wb, { name: 'What if' }),
    edit.setScenarioOverride(
      edit.createScenario(wb, { name: 'S' }).ok ? (edit.createScenario(wb, { name: 'S' }) as edit.Done).workbook : wb,
      's',
      { kind: 'level', budget: 'paris', year: 2026, method: 'total', amount: '1.5' },
    ),
    edit.applyScenarioToBaseline(wb, 'nope'),
    edit.recordPayment(wb, {
      member: 'Atlantis',
      date: '31/02/2026',
      amount: '-5',
      currency: 'EUR',
      budget: 'nope',
      year: '99',
      purpose: 'gifts',
    }),
    edit.recordPayment(wb, { member: 'AF', date: '2026-03-01', amount: '1234.5' }),
    edit.importPayments(wb, {
      rows: [
        ['AF', '2026-03-01', '(5)'],
        ['AF', 'x', '5'],
      ],
      mapping: { member: 0, date: 1, amount: 2 },
      verb: 'Paste',
    }),
    edit.addVotingDecision(wb, { member: 'AF', body: '', date: '2026-01-01', reference: 'r' }),
    edit.addWcfDecision(wb, { budget: 'paris', year: 2026, amount: '10.5' }),
    edit.recordAdvanceMovement(wb, {
      agreement: 'hq-advances-2012',
      date: '2026-01-01',
      kind: 'repaid',
      amount: '999999999999',
    }),
    edit.clearDenunciation(wb, 'hq-advances-2012'),
    // Issue 14 corrections of an advance agreement: refused (advances recorded under it, a ceiling below one, a
    // date of signature after one, nothing changed) and done (its label).
    edit.removeAdvanceAgreement(wb, 'hq-advances-2012'),
    edit.editAdvanceAgreement(wb, 'hq-advances-2012', { hostState: 'CH', ceiling: '1', currency: 'CHF' }),
    edit.editAdvanceAgreement(wb, 'hq-advances-2012', {
      hostState: 'CH',
      ceiling: '10000000',
      currency: 'CHF',
      signedOn: '2024-01-01',
    }),
    edit.editAdvanceAgreement(wb, 'hq-advances-2012', {
      hostState: 'CH',
      ceiling: '10000000',
      currency: 'CHF',
      conditions: 'Interest-free; each advance repaid within twelve months (illustrative)',
      signedOn: '2012-06-01',
    }),
    edit.editAdvanceAgreement(wb, 'hq-advances-2012', { hostState: 'CH', ceiling: '20000000', currency: 'CHF' }),
    (() => {
      const added = edit.addAdvanceAgreement(wb, { hostState: 'CH', ceiling: '5', currency: 'CHF' }) as edit.Done;
      return edit.removeAdvanceAgreement(added.workbook, added.workbook.advanceAgreements.at(-1)!.id);
    })(),
    // Issue 14 the class rule: a class two classes could be.
    edit.setClass(
      {
        ...wb,
        schemes: wb.schemes.map((s) =>
          s.id === 'paris' && s.kind === 'classes' ? { ...s, classes: [...s.classes, { code: 'vi', units: '2' }] } : s,
        ),
      },
      { budget: 'paris', member: 'AL', year: 2027, value: 'Vi' },
    ),
  ];
}

function problemsOf(o: Outcome): Problem[] {
  return o.problems;
}

describe('messages as data in the commands and the engine (issue 11)', () => {
  beforeAll(() =>
    setOnMissingMessage((id, locale) => {
      throw new Error(`missing message ${id} in ${locale}`);
    }),
  );
  afterAll(() => setOnMissingMessage(() => {}));

  const wb = example();
  const all = outcomes(wb);
  const problems = all.flatMap(problemsOf);
  const labels = all.flatMap((o) => (o.ok ? [o.labelMsg, o.inverse.labelMsg] : []));

  it('the commands refuse, skip and label with messages whose ids are all in the English catalog', () => {
    expect(all.filter((o) => !o.ok).length).toBeGreaterThan(40);
    expect(labels.length).toBeGreaterThan(10);
    const withMsg = problems.filter((p) => p.msg);
    // Only reasons written by shared/model (a linked union's class) may still come without one.
    expect(problems.filter((p) => !p.msg).map((p) => p.message)).toEqual(
      problems.filter((p) => !p.msg && /takes its classes|Paris Union/.test(p.message)).map((p) => p.message),
    );
    for (const m of [...withMsg.map((p) => p.msg!), ...labels.map((l) => l!)])
      for (const id of idsOf(m)) expect(hasMessage(id), id).toBe(true);
  });

  it('message and label are the English text of their Message: one source of words', () => {
    for (const p of problems.filter((x) => x.msg)) expect(p.message).toBe(say(p.msg!));
    for (const o of all) if (o.ok) expect(o.label).toBe(say(o.labelMsg!));
  });

  it('every language says each of them with no missing id and no raw argument left', () => {
    const msgs = [...problems.flatMap((p) => (p.msg ? [p.msg] : [])), ...labels.map((l) => l!)];
    for (const lang of LANGS)
      for (const m of msgs) {
        const text = say(m, lang, (plain) => formatAmount(plain, { locale: lang, style: 'locale' }));
        expect(text, `${lang} ${m.id}`).not.toMatch(/[{}]/);
        expect(text.length).toBeGreaterThan(0);
      }
  });

  it('a refusal in French, its amounts written as French writes numbers (exact, from the decimal strings)', () => {
    const o = edit.setBudgetYear(wb, { budget: 'conference', year: 2026, amount: '1234567.891' });
    const p = o.problems[0];
    expect(p.message).toBe('a total must be a whole number of the rounding unit 0.01 (1234567.891 is not)');
    const fr = (plain: string) => formatAmount(plain, { locale: 'fr', style: 'locale' });
    expect(say(p.msg!, 'fr', fr)).toBe(
      `un total doit être un nombre entier d’unités d’arrondi 0,01 (1${'\u202f'}234${'\u202f'}567,891 ne l’est pas)`,
    );
    // Without a number writer the amounts stay as the workbook holds them.
    expect(say(p.msg!, 'fr')).toBe(
      'un total doit être un nombre entier d’unités d’arrondi 0.01 (1234567.891 ne l’est pas)',
    );
  });

  it('a skipped pasted row names its row in the language, its reason nested inside', () => {
    const o = edit.pasteRows(wb, { budget: 'paris', year: 2026, text: 'code\tname\tclass\nXN\tNowhere\tVII\nAL\t\tQ' });
    expect(o.ok).toBe(true);
    const p = o.problems[0];
    expect(p.message).toBe(
      'row 3: “Q” is not a class of Paris Convention, Art. 16(4)(a) (classes: I, II, III, IV, V, VI, VII)',
    );
    expect(say(p.msg!, 'ru')).toBe(
      'строка 3: «Q» не является классом Paris Convention, Art. 16(4)(a) (классы: I, II, III, IV, V, VI, VII)',
    );
    expect(o.ok && say(o.labelMsg!, 'fr')).toBe('Collage : 1 ligne (1 ajoutée, 0 mise à jour)');
  });

  it('undo keeps the label as data, so the step can be named in the user’s language', () => {
    const r = edit.perform(wb, edit.EMPTY_HISTORY, (w) =>
      edit.removeScheme(
        edit.addScheme(w, { name: 'Spare', from: 'empty' }).ok
          ? (edit.addScheme(w, { name: 'Spare', from: 'empty' }) as edit.Done).workbook
          : w,
        { scheme: 'spare' },
      ),
    );
    expect(r.outcome.ok).toBe(true);
    const back = edit.undo(r.workbook, r.history)!;
    expect(back.label).toBe('Remove scheme “Spare”');
    expect(say(back.msg!, 'es')).toBe('Eliminar el sistema «Spare»');
  });

  it('the import preview keeps each refusal’s Message', () => {
    const p = previewPaymentsImport(wb, {
      rows: [
        ['member', 'date', 'amount'],
        ['AF', '2026-03-01', 'x'],
      ],
      mapping: { member: 0, date: 1, amount: 2 },
      firstRow: 1,
      verb: 'Import',
    });
    expect(p.refused[0].msg?.id).toBe('engine.edit.import.rowField');
    const m = applyMembersImport(wb, {
      budget: 'paris',
      year: 2026,
      rows: [{ at: 'line 2', code: '??', name: 'x', value: 'I' }],
    });
    expect(m.ok).toBe(false);
    expect(say(m.problems[0].msg!, 'zh')).toBe('第 2 行：“??”不是成员代码');
  });
});

describe('engine errors and warnings as data (issue 11)', () => {
  it('apportionment errors carry their Message, the English text unchanged', () => {
    const errors: unknown[] = [];
    for (const f of [
      () => apportionTotal([{ code: 'A', units: '0' }], '100', '1'),
      () => apportionTotal([], '100', '1'),
      () => apportionTotal([{ code: 'A', units: '1' }], '100.5', '1'),
      () => apportionTotal([{ code: 'A', units: '1' }], '-1', '1'),
      () => apportionTotal([{ code: 'A', units: '1' }], '1', '0'),
      () => applyUnitValue([{ code: 'A', units: '1' }], '-1', '1', 'half-up'),
      () => applyUnitValue([], '1', '1', 'half-up'),
    ]) {
      try {
        f();
      } catch (e) {
        errors.push(e);
      }
    }
    expect(errors).toHaveLength(7);
    for (const e of errors) {
      expect(e).toBeInstanceOf(EngineError);
      const m = messageOf(e)!;
      expect(hasMessage(m.id), m.id).toBe(true);
      expect((e as Error).message).toBe(say(m));
    }
    expect((errors[2] as Error).message).toBe('the total 100.5 is not a whole number of the rounding unit 1');
  });

  it('a budget that cannot be computed, and a percent scale that misses 100, say so with a Message', () => {
    const wb = example();
    const broken: Workbook = { ...wb, participations: wb.participations.filter((p) => p.budget !== 'unitary') };
    const problems = checkComputable(broken);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.message).toBe(say(p.msg!));
      for (const id of idsOf(p.msg!)) expect(hasMessage(id), id).toBe(true);
    }
    // The frame and the engine's reason inside it are both said in French.
    expect(problems[0].message).toMatch(/^([^,]+), (\d{4}): \1 has no members assessed for \2$/);
    expect(say(problems[0].msg!, 'fr')).toMatch(/^([^,]+), (\d{4}) : \1 n’a aucun membre mis en recouvrement pour \2$/);
    const warnings = [...percentScaleSums(wb), ...workbookWarnings(wb)];
    for (const w of warnings) {
      expect(w.severity).toBe('warning');
      expect(w.message).toBe(say(w.msg!));
      for (const lang of LANGS) expect(say(w.msg!, lang)).not.toMatch(/[{}]/);
    }
  });
});
