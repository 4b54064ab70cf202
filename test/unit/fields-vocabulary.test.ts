import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountFlag } from '../../cli/files';
import { UsageError } from '../../cli/io';
import { liquidityWhatIf } from '../../cli/commands/liquidity';
import { setClassUnits } from '../../shared/edit/commands';
import { checkYearScale } from '../../shared/edit/scales';
import { createScenario, setScenarioOverride } from '../../shared/edit/scenarios';
import { checkWhatIf, liquidityBasis } from '../../shared/engine/liquidity';
import { Decimal } from '../../shared/model/decimal';
import { isNewClassCode, isNewMemberCode, isPercentage, isPositiveDecimal, isRate } from '../../shared/model/fields';
import { validateScales } from '../../shared/model/scales';
import type { Workbook, YearScale } from '../../shared/model/types';
import { readCheckedWorkbook, validateWorkbook } from '../../shared/model/validate';
import { readWhatIf } from '../../renderer/src/liquidity/whatIf';
import { e1Workbook } from './helpers';

// Issue 13 one field vocabulary (shared/model/fields.ts): a field typed in the app, written in a file and given to
// the CLI is accepted or refused alike, and as an exact oracle (decimal.js, not the regexes of fields.ts) says.

const read = (f: string): Workbook => readCheckedWorkbook(readFileSync(f, 'utf8'));

/** Strings near the edges of the rules: signs, zeros, points, exponents, letters, long fractions, 100 and about. */
const fieldText = fc.oneof(
  fc.stringMatching(/^-?[0-9]{0,4}(\.[0-9]{0,4})?$/),
  fc.stringMatching(/^(0|00|1|10|99|100|101|1000)(\.0{0,3}[0-9]?)?$/),
  fc.constantFrom('100.0000000000000000001', '0100', '-0', '+5', '1e2', '.5', '5.', 'NaN', 'Infinity', '0x10', ''),
  fc.string({ maxLength: 6 }),
);
/** The app's form reads "%", "," and spaces as typing aids: those are left to its own tests. */
const plain = fieldText.filter((s) => !/[%,\s]/.test(s));

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const oracle = {
  rate: (s: string) => DECIMAL.test(s) && new Decimal(s).gte(0) && !s.startsWith('-'),
  positive: (s: string) => DECIMAL.test(s) && new Decimal(s).gt(0),
  percentage: (s: string) => DECIMAL.test(s) && !s.startsWith('-') && new Decimal(s).lte(100),
};
const throws = (f: () => unknown, kind: new (...a: never[]) => Error): boolean => {
  try {
    f();
    return false;
  } catch (e) {
    if (e instanceof kind) return true;
    throw e;
  }
};

describe('one field vocabulary: validation, the edit commands and the CLI decide alike', () => {
  it('R24 the share collected (a percentage): the engine, the app’s what-if form and `contrib liquidity --collect`', () => {
    const e7 = read('test/fixtures/e7-workbook.json');
    const basis = liquidityBasis(e7, 'e7', 2026);
    const form = { lateMember: '', lateMonths: '', largestCount: '', largestMonths: '' };
    fc.assert(
      fc.property(plain, (s) => {
        const engine = !throws(() => checkWhatIf(basis, { collect: s }), Error);
        const app = s === '' ? false : readWhatIf({ ...form, collect: s }).errors.collect === undefined;
        const cli = !throws(() => liquidityWhatIf({ collect: s }, e7, 'e7', 2026), UsageError);
        expect({ engine, app, cli, fields: isPercentage(s) }).toEqual({
          engine: oracle.percentage(s),
          app: oracle.percentage(s),
          cli: oracle.percentage(s),
          fields: oracle.percentage(s),
        });
      }),
      { numRuns: 400 },
    );
  });

  it('R21 a rate (the exclusion threshold): the file’s scale checks, the Scales view’s settings and `contrib scale --exclude-below`', () => {
    const e5 = read('test/fixtures/e5-workbook.json');
    const scale = e5.budgets[0].years[0].scale as YearScale;
    fc.assert(
      // An empty settings field is no threshold at all (the form's tidy()), not a figure: left out here.
      fc.property(
        plain.filter((s) => s !== ''),
        (s) => {
          const doc = structuredClone(e5) as unknown as Record<string, unknown>;
          (doc.budgets as { years: { scale: Record<string, unknown> }[] }[])[0].years[0].scale.excludeBelow = s;
          const file = !validateScales(doc, { members: { has: () => true }, schemeKind: () => 'scale' }).some((p) =>
            p.path.endsWith('.excludeBelow'),
          );
          const r = checkYearScale(e5, { budget: 'e5', year: 2026, settings: { ...scale, excludeBelow: s } });
          const edit = r.ok || !r.problems.some((p) => p.path === 'excludeBelow');
          const cli = !throws(() => amountFlag('exclude-below', s), UsageError);
          expect({ file, edit, cli, fields: isRate(s) }).toEqual({
            file: oracle.rate(s),
            edit: oracle.rate(s),
            cli: oracle.rate(s),
            fields: oracle.rate(s),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('R1 the units of a class (a positive decimal): the file, the scheme editor and a scenario’s units', () => {
    const wb = e1Workbook();
    const made = createScenario(wb, { name: 'Units', id: 'u' });
    if (!made.ok) throw new Error('no scenario');
    const classes = wb.schemes.find((x) => x.id === 'wipo-convention');
    if (classes?.kind !== 'classes') throw new Error('no class scheme');
    const code = classes.classes[0].code;
    fc.assert(
      fc.property(plain, (s) => {
        const doc = structuredClone(wb) as unknown as { schemes: { id: string; classes?: { units: string }[] }[] };
        doc.schemes.find((x) => x.id === 'wipo-convention')!.classes![0].units = s;
        const file = !validateWorkbook(doc).some((p) => p.path.endsWith('.units'));
        const editor = setClassUnits(wb, { scheme: 'wipo-convention', code, units: s }).ok;
        const scenario = setScenarioOverride(made.workbook, 'u', {
          kind: 'units',
          scheme: 'wipo-convention',
          class: code,
          units: s,
        }).ok;
        expect({ file, editor, scenario, fields: isPositiveDecimal(s) }).toEqual({
          file: oracle.positive(s),
          editor: oracle.positive(s),
          scenario: oracle.positive(s),
          fields: oracle.positive(s),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('codes the app creates: a member (added, pasted or joining in a scenario) and a class', () => {
    expect(['AF', 'p1', 'x-y_z', '0', 'A234567890123456'].every(isNewMemberCode)).toBe(true);
    expect(['', '-A', '_A', 'A B', 'A2345678901234567', 'É'].some(isNewMemberCode)).toBe(false);
    expect(['A', 'IVbis', 'S1', '123456789012'].every(isNewClassCode)).toBe(true);
    expect(['', 'A-B', 'A_B', '1234567890123', ' A'].some(isNewClassCode)).toBe(false);
  });
});
