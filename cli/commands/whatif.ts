import type { Scenario, ScenarioOverride, Workbook } from '../../shared/model/types';
import { compareScenarios } from '../../shared/scenario/scenario';
import { readClassCode } from '../../shared/model/class-input';
import { comparisonText } from '../../shared/export/comparison-table';
import { comparisonsCsv, comparisonsExport, comparisonsJson } from '../../shared/export/comparisons';
import { amountFlag, inFile, output } from '../files';
import { C, producedDate, UsageError, workbookArgs, type Io } from '../io';
import { loadWorkbook } from '../workbook';

/**
 * R14 `contrib whatif`: the baseline against the classes and level given, member by member; or against the
 * workbook's scenarios named with --scenario (by name or id), side by side; --set/--total/--unit-value with
 * --scenario add one more scenario, last.
 */
export async function whatif(args: string[], io: Io): Promise<number> {
  const { values, file, fmt, lang, out } = workbookArgs('whatif', args, {
    budget: { type: 'string' },
    year: { type: 'string' },
    set: { type: 'string', multiple: true },
    scenario: { type: 'string', multiple: true },
    total: { type: 'string' },
    'unit-value': { type: 'string' },
  });
  const budget = values.budget as string | undefined;
  const year = values.year as string | undefined;
  if (!budget) throw new UsageError(C('usage.budgetRequired'));
  if (!year || !/^\d{4}$/.test(year)) throw new UsageError(C('usage.year', { got: year ?? '' }));
  const total = amountFlag('total', values.total as string | undefined);
  const unitValue = amountFlag('unit-value', values['unit-value'] as string | undefined);
  if (total !== undefined && unitValue !== undefined) throw new UsageError(C('whatif.levelOnce'));
  const sets = (values.set as string[] | undefined) ?? [];
  const named = (values.scenario as string[] | undefined) ?? [];
  const adHoc = sets.length > 0 || total !== undefined || unitValue !== undefined;
  if (!adHoc && named.length === 0) throw new UsageError(C('whatif.nothing'));
  const workbook = loadWorkbook(file, io, lang);
  const scenarios: Pick<Scenario, 'name' | 'overrides'>[] = named.map((n) => scenarioNamed(workbook, n));
  if (adHoc) {
    const overrides = whatIfOverrides({ budget, year: Number(year), sets, total, unitValue });
    checkOverrides(workbook, overrides);
    scenarios.push({ name: describeOverrides(overrides), overrides });
  }
  const comparisons = inFile(file, () => compareScenarios(workbook, scenarios, budget, Number(year)));
  if (fmt === 'xlsx') {
    const { toXlsx } = await import('../../shared/export/xlsx'); // only on the path that writes it (issue 13)
    const produced = producedDate();
    return output(
      toXlsx(
        [
          comparisonsExport(comparisons, {
            organization: workbook.organization.name,
            produced,
            ...(lang === 'en' ? {} : { locale: lang }),
          }),
        ],
        produced,
      ),
      out!, // formatOrXlsx: xlsx only with --out
      io,
    );
  }
  const text =
    fmt === 'csv'
      ? comparisonsCsv(comparisons)
      : fmt === 'json'
        ? comparisonsJson(comparisons)
        : comparisons.map((c) => comparisonText(c, lang)).join('\n');
  return output(text, out, io);
}

/** A scenario of the workbook by its name (or id); an unknown one is a usage error listing those there are. */
function scenarioNamed(workbook: Workbook, name: string): Scenario {
  const all = workbook.scenarios ?? [];
  const s = all.find((x) => x.name === name) ?? all.find((x) => x.id === name);
  if (!s)
    throw new UsageError(
      C('whatif.noScenario', { name, list: all.length ? all.map((x) => x.name).join(', ') : 'none' }),
    );
  return s;
}

/** `--set CODE=CLASS` (from the year asked) and a new total or unit value, as scenario overrides. */
export function whatIfOverrides(a: {
  budget: string;
  year: number;
  sets: string[];
  total?: string;
  unitValue?: string;
}): ScenarioOverride[] {
  const overrides: ScenarioOverride[] = a.sets.map((s) => {
    const m = /^([^=]+)=(.+)$/.exec(s);
    if (!m) throw new UsageError(C('usage.pair', { flag: 'set', shape: 'CODE=CLASS', got: s }));
    return { kind: 'class', member: m[1].trim(), budget: a.budget, fromYear: a.year, class: m[2].trim() };
  });
  if (a.total !== undefined)
    overrides.push({ kind: 'level', budget: a.budget, year: a.year, method: 'total', amount: a.total });
  if (a.unitValue !== undefined)
    overrides.push({ kind: 'level', budget: a.budget, year: a.year, method: 'unit-value', amount: a.unitValue });
  return overrides;
}

function checkOverrides(workbook: Workbook, overrides: ScenarioOverride[]): void {
  for (const o of overrides) {
    if (o.kind !== 'class') continue;
    const got = `${o.member}=${o.class}`;
    if (!workbook.members.some((m) => m.code === o.member))
      throw new UsageError(C('usage.noMember', { flag: 'set', got, code: o.member }));
    if (!workbook.participations.some((p) => p.member === o.member && p.budget === o.budget))
      throw new UsageError(C('usage.notTaking', { flag: 'set', got, code: o.member, budget: o.budget }));
    const budget = workbook.budgets.find((b) => b.id === o.budget);
    const scheme = workbook.schemes.find((s) => s.id === budget?.schemeId);
    if (scheme?.kind !== 'classes') continue;
    // Issue 14 the class rule of the app and the files: `vi` is VI when the scheme has exactly one such class.
    const read = readClassCode(
      scheme.classes.map((c) => c.code),
      o.class ?? '',
    );
    if (read.ok) o.class = read.code;
    else if (read.reason === 'ambiguous')
      throw new UsageError(
        C('whatif.ambiguousClass', { got, class: o.class ?? '', matches: read.matches.join(', '), scheme: scheme.id }),
      );
    else
      throw new UsageError(
        C('whatif.notClass', {
          got,
          class: o.class ?? '',
          scheme: scheme.id,
          classes: scheme.classes.map((c) => c.code).join(', '),
        }),
      );
  }
}

function describeOverrides(overrides: ScenarioOverride[]): string {
  return overrides
    .map((o) =>
      o.kind === 'class'
        ? `${o.member} → ${o.class}`
        : o.kind === 'level'
          ? `${o.method === 'total' ? 'total' : 'unit value'} ${o.amount}`
          : o.kind,
    )
    .join(', ');
}
