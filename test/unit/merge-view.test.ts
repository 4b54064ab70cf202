import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editPayment,
  perform,
  EMPTY_HISTORY,
  recordPayment,
  redo,
  renameMember,
  setClass,
  undo,
  type Outcome,
} from '../../shared/edit';
import { LANGS, msg, say, translator } from '../../shared/i18n/intl';
import { mergeWorkbooks } from '../../shared/merge/merge';
import type { Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { documentReducer, INITIAL_STATE, runCommand } from '../../renderer/src/document/reducer';
import {
  adoptMerged,
  describePath,
  recordAt,
  parsePath,
  renamedPath,
  summarize,
  viewValue,
} from '../../renderer/src/merge/describe';
import { journalOf } from '../../shared/merge/journal';
import { journalStep, startJournal } from '../../renderer/src/merge/journal-step';
import { lockNotice, readOnlyRefusal, whoValues } from '../../renderer/src/merge/messages';
import { budget, takesPart, workbook } from './helpers';

// Issue 16 in the app: the merge view's words for a merge path, its record of what came from where, the merge
// applied as one undoable step, and the lock notice's words.

const words = (path: string, locale = 'en') =>
  describePath(path)
    .map((m) => say(m, locale))
    .join(' › ');

describe('a merge path in words', () => {
  it('splits a path into records and fields, a key keeping its dots, slashes and spaces', () => {
    expect(parsePath('payments[pay-0001].amount')).toEqual([
      { list: 'payments', parent: undefined, key: 'pay-0001' },
      { field: 'amount', top: false },
    ]);
    expect(parsePath('advanceAgreements[adv-1].movements[2026-01-05 drawn 100.50 ref 1/2]')).toEqual([
      { list: 'advanceAgreements', parent: undefined, key: 'adv-1' },
      { list: 'movements', parent: 'advanceAgreements', key: '2026-01-05 drawn 100.50 ref 1/2' },
    ]);
    expect(parsePath('settings.creditingOrder')).toEqual([
      { field: 'settings', top: true },
      { field: 'creditingOrder', top: false },
    ]);
    expect(parsePath('organization')).toEqual([{ field: 'organization', top: true }]);
  });

  it('says each step in the domain’s words', () => {
    expect(words('payments[pay-0001].amount')).toBe('payment pay-0001 › amount');
    expect(words('members[FR]')).toBe('member FR');
    expect(words('members[FR].name')).toBe('member FR › name');
    // A class of a participation is the class held in a year; a class of a scheme is the scheme's class.
    expect(words('participations[AL/paris].classes[2026].class')).toBe(
      'participation of AL in budget paris › class held in 2026 › class',
    );
    expect(words('schemes[paris].classes[IV].units')).toBe('scheme paris › class IV › units');
    expect(words('budgets[conf].years[2026].scale.fixedRates[FR]')).toBe(
      'budget conf › year 2026 › scale › fixed rate of FR',
    );
    expect(words('openingBalances[FR/conf/2020].unpaid')).toBe('opening balance of FR in budget conf, 2020 › unpaid');
    expect(words('settings.creditingOrder')).toBe('settings › creditingOrder');
    expect(words('liquidity')).toBe('liquidity');
    expect(words('payments[pay-0001].amount', 'fr')).toBe('versement pay-0001 › montant');
  });

  it('shows a side of a conflict: removed, a value, or a record’s fields', () => {
    expect(viewValue(undefined)).toEqual({ kind: 'absent' });
    expect(viewValue('1200')).toEqual({ kind: 'text', text: '1200' });
    expect(viewValue(['A', 'B'])).toEqual({ kind: 'text', text: 'A, B' });
    const v = viewValue({ id: 'pay-0002', member: 'Q', amount: '2000', note: undefined, years: [1, 2] });
    expect(v).toEqual({
      kind: 'record',
      more: 0,
      fields: [
        { field: 'id', text: 'pay-0002' },
        { field: 'member', text: 'Q' },
        { field: 'amount', text: '2000' },
        { field: 'years', text: '[2]' },
      ],
    });
    const many = viewValue(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, String(i)])));
    expect(many.kind === 'record' && [many.fields.length, many.more]).toEqual([8, 3]);
  });
});

const ok = (o: Outcome): Workbook => {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o.workbook;
};

function start(): Workbook {
  const years = [2025, 2026].map((year) => ({ year, method: 'total' as const, amount: '100000', adopted: true }));
  return workbook({
    members: ['P', 'Q', 'R'].map((code) => ({ code, name: `State ${code}` })),
    budgets: [budget('conf', 'wipo-convention', years, { roundingUnit: '1' })],
    participations: ['P', 'Q', 'R'].map((c) => takesPart(c, 'conf', 'B')),
  });
}

describe('what came from where', () => {
  it('groups the merge’s record by side, and names a renumbered payment by its old id', () => {
    const base = ok(recordPayment(start(), { member: 'P', date: '2026-01-10', amount: '100' }));
    const ours = ok(
      renameMember(ok(recordPayment(base, { member: 'Q', date: '2026-02-01', amount: '300' })), 'R', 'State Arr'),
    );
    const theirs = ok(
      editPayment(
        ok(recordPayment(base, { member: 'R', date: '2026-03-01', amount: '400' })),
        'pay-0001',
        'reference',
        'bank 7',
      ),
    );
    const r = mergeWorkbooks(base, ours, theirs);
    expect(r.kind).toBe('merged');
    const s = summarize(r, { base, ours, theirs });
    expect(s.ours.map((t) => `${t.what} ${words(t.path)}`)).toEqual(['changed member R', 'added payment pay-0002']);
    expect(s.theirs.map((t) => `${t.what} ${words(t.path)}`)).toEqual([
      'changed payment pay-0001',
      'added payment pay-0003',
    ]);
    expect(s.both).toEqual([]);
    expect(s.renamed).toEqual([{ list: 'payments', side: 'theirs', from: 'pay-0002', to: 'pay-0003' }]);
    expect(
      say(msg('merge.summary.renumbered', { side: 'theirs', where: words(renamedPath(s.renamed[0])), to: 'pay-0003' })),
    ).toBe('payment pay-0002 from disk is now pay-0003');
  });

  it('applies the merged workbook as one step: undo gives back the workbook before it, redo the merged one', () => {
    const before = ok(renameMember(start(), 'P', 'Ours'));
    const merged = ok(renameMember(before, 'Q', 'Theirs'));
    const label = msg('merge.step.label', { file: 'union.json' });
    const done = perform(before, EMPTY_HISTORY, adoptMerged(label, merged));
    expect(done.workbook).toBe(merged);
    expect(done.history.undo).toHaveLength(1);
    expect(done.history.undo[0].label).toBe('Merge with union.json as changed on disk');
    const back = undo(done.workbook, done.history)!;
    expect(back.workbook).toBe(before);
    expect(redo(back.workbook, back.history)!.workbook).toBe(merged);
  });
});

// Generated merges: each side made by the app's commands, as two people would.
const OPS: ((wb: Workbook, n: number, v: number) => Outcome | undefined)[] = [
  (wb, n, v) =>
    recordPayment(wb, {
      member: ['P', 'Q', 'R'][n % 3],
      date: `2026-0${1 + (v % 9)}-1${v % 10}`,
      amount: String(100 + v),
    }),
  (wb, n, v) =>
    wb.payments.length
      ? editPayment(wb, wb.payments[n % wb.payments.length].id, 'amount', String(200 + (v % 3)))
      : undefined,
  (wb, n, v) =>
    wb.payments.length
      ? editPayment(wb, wb.payments[n % wb.payments.length].id, 'reference', `ref ${v % 2}`)
      : undefined,
  (wb, n, v) => renameMember(wb, ['P', 'Q', 'R'][n % 3], `State ${v % 3}`),
  (wb, n, v) =>
    setClass(wb, { budget: 'conf', member: ['P', 'Q', 'R'][n % 3], year: 2026, value: ['A', 'B', 'C'][v % 3] }),
];
const editsArb = fc.array(fc.tuple(fc.nat(OPS.length - 1), fc.nat(10), fc.nat(100)), { maxLength: 5 });
const apply = (wb: Workbook, ops: [number, number, number][]) => {
  for (const [op, n, v] of ops) {
    const o = OPS[op](wb, n, v);
    if (o?.ok && validateWorkbook(o.workbook).length === 0) wb = o.workbook;
  }
  return wb;
};

describe('merge view words over generated merges', () => {
  it('every place a merge names (taken, renumbered, conflicting) has words of its own in every language, and the summary keeps every record', () => {
    fc.assert(
      fc.property(editsArb, editsArb, editsArb, (b, o, t) => {
        const base = apply(start(), b);
        const inputs = { base, ours: apply(base, o), theirs: apply(base, t) };
        const r = mergeWorkbooks(inputs.base, inputs.ours, inputs.theirs);
        const s = summarize(r, inputs);
        const paths = [
          ...[...s.ours, ...s.theirs, ...s.both].map((x) => x.path),
          ...r.renamed.map(renamedPath),
          ...(r.kind === 'conflicts' ? r.conflicts.map((c) => c.path) : []),
        ];
        for (const p of paths) {
          const ms = describePath(p);
          expect(ms.length).toBeGreaterThan(0);
          // No step falls back to the file's own names.
          expect(
            ms.map((m) => m.id).filter((id) => id.endsWith('.other')),
            p,
          ).toEqual([]);
          for (const lang of LANGS)
            for (const m of ms) expect(translator(lang)(m.id, m.values), `${lang} ${p}`).not.toMatch(/[{}]|merge\./);
        }
        // Told record by record: every record one side alone changed is named, and nothing else.
        for (const side of ['ours', 'theirs'] as const) {
          const other = side === 'ours' ? 'theirs' : 'ours';
          const added = (w: Workbook, id: string) => w.payments.some((x) => x.id === id);
          const alone = inputs[side].payments.filter((p) => !added(inputs.base, p.id) && !added(inputs[other], p.id));
          if (r.kind === 'merged' && r.renamed.length === 0)
            for (const p of alone)
              expect(
                s[side].map((x) => x.path),
                p.id,
              ).toContain(`payments[${p.id}]`);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('the lock notice', () => {
  it('names who has the workbook, with or without a user name or machine, and when', () => {
    expect(whoValues({ user: 'marie', machine: 'PC-FIN-07', since: '' }).kind).toBe('both');
    expect(say(lockNotice({ user: 'marie', machine: 'PC-FIN-07', since: 'not a time' }))).toBe(
      'marie on PC-FIN-07 has this workbook open. It is open read-only: you can read it, and save it under another name with Save As.',
    );
    expect(say(lockNotice({ user: '', machine: 'PC-FIN-07', since: '2026-03-02T09:15:03.120Z' }))).toMatch(
      /^someone on PC-FIN-07 has had this workbook open since Mar 2, 2026, /,
    );
    expect(say(lockNotice({ user: 'marie', machine: '', since: '2026-03-02T09:15:03Z' }), 'fr')).toMatch(
      /^marie a ce classeur ouvert depuis le 2 mars 2026/,
    );
    const refused = readOnlyRefusal({ user: 'marie', machine: 'PC-FIN-07', since: '' });
    expect(refused.ok).toBe(false);
    expect(refused.problems[0].message).toBe(
      'This workbook is open read-only (marie on PC-FIN-07 has it open): nothing was changed. Choose Edit anyway, or save it under another name with Save As.',
    );
  });
});

describe('the document read-only while someone else has it (reducer)', () => {
  const marie = { user: 'marie', machine: 'PC-FIN-07', since: '2026-03-02T09:15:03Z' };
  const file = { id: '/share/union.json', name: 'union.json' };
  const rename = (wb: Workbook) => renameMember(wb, 'P', 'Renamed');

  it('refuses every command, and undo, until Edit anyway (lock lifted) or a save under another name', () => {
    const opened = documentReducer(INITIAL_STATE, { type: 'adopt', workbook: start(), file, lockedBy: marie });
    const r = runCommand(opened, rename);
    expect(r.state).toBe(opened);
    expect(r.outcome.ok).toBe(false);
    expect(!r.outcome.ok && r.outcome.problems[0].msg?.id).toBe('merge.readOnly.refused');
    const withError = documentReducer(opened, {
      type: 'cellError',
      error: { rowId: 'P', colId: 'name', message: 'read-only' },
    });
    const lifted = documentReducer(withError, { type: 'lock', lockedBy: undefined });
    expect(lifted.cellError).toBeNull();
    const edited = runCommand(lifted, rename).state;
    expect(edited.doc!.workbook.members[0].name).toBe('Renamed');
    // Locked again (a save refused with lockedBy): undo is refused too.
    const relocked = documentReducer(edited, { type: 'lock', lockedBy: marie });
    expect(documentReducer(relocked, { type: 'undo' })).toBe(relocked);
    const savedAs = documentReducer(relocked, {
      type: 'saved',
      file: { id: '/share/copy.json', name: 'copy.json' },
      workbook: relocked.doc!.workbook,
    });
    expect(savedAs.doc!.lockedBy).toBeUndefined();
    expect(runCommand(savedAs, (wb) => renameMember(wb, 'Q', 'Also')).outcome.ok).toBe(true);
  });

  it('keeps the version on disk to decide about until it is dismissed, a save succeeds or another document is adopted', () => {
    const opened = documentReducer(INITIAL_STATE, { type: 'adopt', workbook: start(), file });
    const e = { text: '{}', hash: 'h1', found: 'save' as const };
    const pending = documentReducer(opened, { type: 'elsewhere', elsewhere: e });
    expect(pending.doc!.elsewhere).toEqual(e);
    expect(documentReducer(pending, { type: 'elsewhere', elsewhere: undefined }).doc!.elsewhere).toBeUndefined();
    expect(
      documentReducer(pending, { type: 'saved', file, workbook: pending.doc!.workbook }).doc!.elsewhere,
    ).toBeUndefined();
    expect(documentReducer(pending, { type: 'adopt', workbook: start(), file }).doc!.elsewhere).toBeUndefined();
  });
});

describe('made on both sides', () => {
  it('tells a field made alike inside a record both sides added once, as that record', () => {
    const base = start();
    const ours = ok(setClass(base, { budget: 'conf', member: 'P', year: 2026, value: 'A' }));
    const theirs = ok(setClass(base, { budget: 'conf', member: 'P', year: 2026, value: 'C' }));
    const r = mergeWorkbooks(base, ours, theirs);
    expect(r.kind === 'conflicts' && r.conflicts.map((c) => c.path)).toEqual([
      'participations[P/conf].classes[2026].class',
    ]);
    const s = summarize(r, { base, ours, theirs });
    expect(s.both.map((t) => `${t.what} ${words(t.path)}`)).toEqual([
      'added participation of P in budget conf › class held in 2026',
    ]);
  });
});

describe('a record found by its merge path', () => {
  it('follows the merge keys through nested lists and objects', () => {
    const wb = ok(recordPayment(start(), { member: 'P', date: '2026-01-10', amount: '100' }));
    expect(recordAt(wb, 'payments[pay-0001]')).toBe(wb.payments[0]);
    expect(recordAt(wb, 'participations[Q/conf]')).toBe(wb.participations[1]);
    expect(recordAt(wb, 'budgets[conf].years[2026]')).toBe(wb.budgets[0].years[1]);
    expect(recordAt(wb, 'payments[pay-0002]')).toBeUndefined();
    expect(recordAt(wb, 'budgets[conf].years[2026].scale.fixedRates[FR]')).toBeUndefined();
  });
});

describe('the journal written by the app (journalStep)', () => {
  const file = { id: '/share/union.json', name: 'union.json' };
  let n = 0;
  const now = () => ({ at: `2026-03-02T09:15:0${n++}.000Z`, user: 'marie', machine: 'PC-FIN-07', nonce: 'ab12cd' });
  const step = (s: ReturnType<typeof documentReducer>, command: (wb: Workbook) => Outcome) => {
    const r = runCommand(s, command);
    return journalStep(s, r.state, r.outcome.ok ? r.outcome.label : '', now);
  };

  it('leaves a workbook without a journal exactly as the command made it', () => {
    const s = documentReducer(INITIAL_STATE, { type: 'adopt', workbook: start(), file });
    const r = runCommand(s, (wb) => renameMember(wb, 'P', 'X'));
    expect(journalStep(s, r.state, 'x', now)).toBe(r.state);
  });

  it('writes one entry per step, with who, when, the label and the records; an undo is an entry too; undoing a start keeps the entries', () => {
    let s = documentReducer(INITIAL_STATE, { type: 'adopt', workbook: start(), file });
    s = step(s, startJournal);
    s = step(s, (wb) => recordPayment(wb, { member: 'P', date: '2026-01-10', amount: '100' }));
    const before = s;
    s = documentReducer(s, { type: 'undo' });
    s = journalStep(before, s, `Undo: ${before.doc!.history.undo.at(-1)!.label}`, now);
    expect(s.doc!.workbook.payments).toEqual([]);
    const j = journalOf(s.doc!.workbook)!;
    expect(j.map((e) => [e.user, e.machine, e.summary, e.records.join(',')])).toEqual([
      ['marie', 'PC-FIN-07', 'Keep a history of changes', ''],
      ['marie', 'PC-FIN-07', before.doc!.history.undo.at(-1)!.label, 'payments[pay-0001]'],
      ['marie', 'PC-FIN-07', `Undo: ${before.doc!.history.undo.at(-1)!.label}`, 'payments[pay-0001]'],
    ]);
    expect(new Set(j.map((e) => e.id)).size).toBe(3);
    // Undoing "Keep a history" takes away the empty journal it made, but the journal is never undone.
    const b2 = s;
    s = documentReducer(s, { type: 'undo' });
    s = journalStep(b2, s, 'Undo: Keep a history of changes', now);
    expect(journalOf(s.doc!.workbook)).toHaveLength(4);
  });
});
