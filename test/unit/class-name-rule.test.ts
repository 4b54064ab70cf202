import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMember, pasteRows, renameMember, setClass } from '../../shared/edit';
import { membersImportRows, previewMembersImport } from '../../shared/edit/import-preview';
import { assessBudgetYear } from '../../shared/engine';
import { foldClass, memberName, readClassCode } from '../../shared/model/class-input';
import { readMembersFile } from '../../shared/model/members-csv';
import { BUILT_IN_SCHEMES } from '../../shared/model/schemes';
import type { ClassScheme, Workbook } from '../../shared/model/types';
import { parseWorkbook, readCheckedWorkbook } from '../../shared/model/validate';
import { example, ok, refusedAt } from './edit-helpers';
import { contrib, schemeFile } from './cli-helpers';

// Issue 14 item 6: one rule for lowercase classes and empty names in the CLI, the workbook file and the app.
// Classes: a normalization all three apply (`vi` is VI when exactly one class of the scheme matches ignoring case;
// two that differ only by case are refused naming both). Names: the stricter rule (a member needs a name).

const PARIS = BUILT_IN_SCHEMES.find((s) => s.id === 'paris') as ClassScheme;
const UNITARY = BUILT_IN_SCHEMES.find((s) => s.id === 'wipo-unitary') as ClassScheme;
const codes = (s: ClassScheme) => s.classes.map((c) => c.code);

/** The text in a random mix of cases, with spaces around it sometimes. */
const anyCase = (text: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }), fc.constantFrom('', ' ', '  '))
    .map(([up, pad]) => pad + [...text].map((ch, i) => (up[i] ? ch.toUpperCase() : ch.toLowerCase())).join('') + pad);

const tmp = () => mkdtempSync(join(tmpdir(), 'contrib-rule-'));
const csvFile = (text: string) => {
  const f = join(tmp(), 'm.csv');
  writeFileSync(f, text);
  return f;
};

describe('the class rule itself (shared/model/class-input.ts)', () => {
  it('exact first, then the one class equal ignoring case; empty, unknown and two-way texts refused', () => {
    expect(readClassCode(codes(UNITARY), 'VI')).toEqual({ ok: true, code: 'VI' });
    expect(readClassCode(codes(UNITARY), ' vi ')).toEqual({ ok: true, code: 'VI' });
    expect(readClassCode(codes(UNITARY), 'ivBIS')).toEqual({ ok: true, code: 'IVbis' });
    expect(readClassCode(codes(UNITARY), 'sTER')).toEqual({ ok: true, code: 'Ster' });
    expect(readClassCode(codes(UNITARY), '  ')).toEqual({ ok: false, reason: 'empty' });
    expect(readClassCode(codes(UNITARY), 'X')).toEqual({ ok: false, reason: 'unknown' });
    // A scheme of the user's own holding S and s: each exact text is itself; SS/ss/Ss... never guessed.
    expect(readClassCode(['S', 's', 'Ab', 'AB'], 's')).toEqual({ ok: true, code: 's' });
    expect(readClassCode(['S', 's', 'Ab', 'AB'], 'ab')).toEqual({
      ok: false,
      reason: 'ambiguous',
      matches: ['Ab', 'AB'],
    });
  });

  it('names: something besides spaces, kept trimmed', () => {
    expect(memberName('  Patria ')).toBe('Patria');
    expect(memberName(' \t ')).toBeUndefined();
    expect(memberName(undefined)).toBeUndefined();
  });

  it('property: any case of a class reads as that class, or refused naming every class it could be', () => {
    const schemeArb = fc.uniqueArray(fc.stringMatching(/^[A-Za-z]{1,4}$/), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        schemeArb.chain((cs) => fc.tuple(fc.constant(cs), fc.constantFrom(...cs).chain(anyCase))),
        ([cs, typed]) => {
          const r = readClassCode(cs, typed);
          const same = cs.filter((c) => foldClass(c) === foldClass(typed));
          if (cs.includes(typed.trim())) expect(r).toEqual({ ok: true, code: typed.trim() });
          else if (same.length === 1) expect(r).toEqual({ ok: true, code: same[0] });
          else expect(r).toEqual({ ok: false, reason: 'ambiguous', matches: same });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the CLI (contrib apportion --members)', () => {
  const apportion = (file: string, scheme = 'paris') =>
    contrib('apportion', '--members', file, '--scheme', scheme, '--total', '1000', '--format', 'csv');

  it('a class in any case is the scheme’s class: the same table as written exactly', async () => {
    const exact = await apportion(csvFile('code,name,class\nP,Patria,VI\nQ,Quintia,II\nR,Ruritania,VII\n'));
    const lower = await apportion(csvFile('code,name,class\nP,Patria,vi\nQ,Quintia, ii \nR,Ruritania,Vii\n'));
    expect(exact.code).toBe(0);
    expect(lower).toEqual(exact);
    expect(exact.out.split('\n')[1]).toMatch(/^P,Patria,VI,3,/);
  });

  it('a class two classes could be is refused with its line and field; an unknown one as before', async () => {
    const dir = tmp();
    const scheme = schemeFile(dir, [
      { code: 'Ab', units: '2' },
      { code: 'AB', units: '1' },
    ]);
    const file = csvFile('code,name,class\nP,Patria,ab\nQ,Quintia,Ab\nR,Ruritania,Z\n');
    const r = await apportion(file, scheme);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toEqual([
      `${file}:2: class: P: class "ab" could be any of Ab, AB of mine: write it as the scheme does`,
      `${file}:4: R: class "Z" is not a class of mine (Ab, AB)`,
    ]);
  });

  it('an empty name is refused with file, line and field; no name column is refused once, at the header', async () => {
    const file = csvFile('code,name,class\nP,Patria,I\nQ,  ,II\nR,,III\n');
    const r = await apportion(file);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.trimEnd().split('\n')).toEqual([`${file}:3: name: Q has no name`, `${file}:4: name: R has no name`]);
    const nameless = csvFile('code,class\nP,I\nQ,II\n');
    expect((await apportion(nameless)).err).toBe(
      `${nameless}:1: the header has no "name" column: every member needs its name\n`,
    );
    // A scale's members file too.
    const w = csvFile('code,name,weight\nX,,1\n');
    expect((await apportion(w, 'scale')).err).toBe(`${w}:2: name: X has no name\n`);
  });

  it('contrib whatif --set reads the class by the same rule', async () => {
    const wb = 'examples/example-workbook.json';
    const args = ['whatif', wb, '--budget', 'paris', '--year', '2026', '--format', 'csv'];
    const upper = await contrib(...args, '--set', 'AL=VI');
    expect(upper.code).toBe(0);
    expect(await contrib(...args, '--set', 'AL=vi')).toEqual(upper);
  });
});

describe('the workbook file (parseWorkbook, readCheckedWorkbook)', () => {
  const text = readFileSync('examples/example-workbook.json', 'utf8');
  const base = parseWorkbook(text).workbook!;
  const paris = base.participations.findIndex((p) => p.budget === 'paris' && p.classes.some((h) => h.class));

  /** The example with one class entry written otherwise. */
  function withClass(cls: string): string {
    const doc = JSON.parse(text) as Workbook;
    doc.participations[paris].classes[0].class = cls;
    return JSON.stringify(doc, null, 2);
  }

  it('a class written in another case is read as the scheme writes it, by both readers', () => {
    const exact = base.participations[paris].classes[0].class!;
    const lower = withClass(` ${exact.toLowerCase()}`);
    const read = parseWorkbook(lower);
    expect(read.problems).toEqual([]);
    expect(read.workbook!.participations[paris].classes[0].class).toBe(exact);
    expect(read.workbook).toEqual(base);
    expect(readCheckedWorkbook(lower)).toEqual(base);
    const t = (wb: Workbook) => assessBudgetYear(wb, 'paris', 2026);
    expect(t(read.workbook!)).toEqual(t(base));
  });

  it('an unknown class is still refused with its path and line; so is an empty member name', () => {
    const bad = parseWorkbook(withClass('Z'));
    expect(bad.workbook).toBeUndefined();
    expect(bad.problems[0].path).toBe(`participations[${paris}].classes[0].class`);
    const doc = JSON.parse(text) as Workbook;
    doc.members[0].name = '  ';
    const unnamed = parseWorkbook(JSON.stringify(doc, null, 2));
    expect(unnamed.workbook).toBeUndefined();
    expect(unnamed.problems.map((p) => p.path)).toEqual(['members[0].name']);
  });
});

describe('the app (grid edits, paste, import preview)', () => {
  it('property: setClass with the class in any case does what the exact class does', () => {
    const wb = example();
    const inParis = wb.participations.filter((p) => p.budget === 'paris').map((p) => p.member);
    fc.assert(
      fc.property(
        fc.constantFrom(...inParis.slice(0, 40)),
        fc.constantFrom(...codes(PARIS)).chain((c) => fc.tuple(fc.constant(c), anyCase(c))),
        (member, [exact, typed]) => {
          const a = setClass(wb, { budget: 'paris', member, year: 2027, value: exact });
          const b = setClass(wb, { budget: 'paris', member, year: 2027, value: typed });
          expect(b.ok).toBe(a.ok);
          if (a.ok && b.ok) expect(b.workbook).toEqual(a.workbook);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a class two classes could be is refused naming both', () => {
    const wb = example();
    const scheme = wb.schemes.find((s) => s.id === wb.budgets.find((b) => b.id === 'paris')!.schemeId) as ClassScheme;
    const twin: Workbook = {
      ...wb,
      schemes: wb.schemes.map((s) =>
        s === scheme ? { ...scheme, classes: [...scheme.classes, { code: 'vi', units: '2.5' }] } : s,
      ),
    };
    expect(refusedAt(setClass(twin, { budget: 'paris', member: 'AL', year: 2027, value: 'Vi' }), 'AL.class')).toBe(
      `“Vi” could be any of the classes VI, vi of ${scheme.name}: write it as ${scheme.name} does`,
    );
    // Written exactly, each is itself.
    expect(ok(setClass(twin, { budget: 'paris', member: 'AL', year: 2027, value: 'vi' })).ok).toBe(true);
  });

  it('an emptied class cell (Delete) is refused in plain words naming the classes, and changes nothing', () => {
    const wb = example();
    for (const value of ['', '   '])
      expect(refusedAt(setClass(wb, { budget: 'paris', member: 'AL', year: 2027, value }), 'AL.class')).toMatch(
        /^A member always holds a class of .*: choose one of I, II, III, IV, V, VI, VII$/,
      );
  });

  it('paste and the import preview read lowercase classes alike, and refuse a new member with no name', () => {
    const wb = example();
    const pasted = ok(pasteRows(wb, { budget: 'paris', year: 2027, text: 'code\tname\tclass\nXN\tNowhere\tvii\n' }));
    expect(pasted.workbook.participations.at(-1)!.classes).toEqual([{ year: 2027, class: 'VII' }]);
    const rows = membersImportRows(
      readMembersFile(new TextEncoder().encode('code,name,class\nXN,Nowhere,vii\nXM,  ,I\nAF,,ii\n'), 'm.csv', 'class'),
    );
    const p = previewMembersImport(wb, { budget: 'paris', year: 2027, ...rows });
    expect(p.added).toEqual([{ at: 'line 2', code: 'XN', name: 'Nowhere', value: 'VII' }]);
    expect(p.refused.map((r) => [r.at, r.message])).toEqual([
      ['line 3', 'line 3: the new member XM needs a name and a class'],
    ]);
    // An existing member's empty name cell keeps its name (it is not a new member).
    expect(p.changed.find((c) => c.code === 'AF')).toMatchObject({ name: 'Afghanistan', holding: { to: 'II' } });
    expect(refusedAt(addMember(wb, { code: 'XQ', name: ' ', budget: 'paris', year: 2027, value: 'i' }), 'name')).toBe(
      'XQ needs a name',
    );
    expect(
      ok(addMember(wb, { code: 'XQ', name: ' Q ', budget: 'paris', year: 2027, value: 'i' })).workbook.members.at(-1),
    ).toEqual({ code: 'XQ', name: 'Q', joined: '2027-01-01' });
    expect(refusedAt(renameMember(wb, 'AF', '   '), 'AF.name')).toBe('a member needs a name');
  });
});
