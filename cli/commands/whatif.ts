import type { Scenario, ScenarioOverride, Workbook } from '../../shared/model/types';
import { compareScenarios } from '../../shared/scenario/scenario';
import { readClassCode } from '../../shared/model/class-input';
import { comparisonText } from '../../shared/export/comparison-table';
import { comparisonsCsv, comparisonsExport, comparisonsJson } from '../../shared/export/comparisons';
import { toXlsx } from '../../shared/export/xlsx';
import {
  amountFlag,
  formatOrXlsx,
  inFile,
  loadWorkbook,
  output,
  parse,
  producedDate,
  UsageError,
  type Io,
} from '../io';

export const WHATIF_USAGE = `  contrib whatif WORKBOOK.json --budget ID --year YYYY --set CODE=CLASS [--set CODE=CLASS ...]
                 [--total AMOUNT | --unit-value AMOUNT] [--format table|csv|json|xlsx] [--out FILE]
  contrib whatif WORKBOOK.json --budget ID --year YYYY --scenario NAME [--scenario NAME ...] [--format …] [--out FILE]`;

/**
 * R14 `contrib whatif`: the baseline against the classes and level given, member by member; or against the
 * workbook's scenarios named with --scenario (by name or id), side by side; --set/--total/--unit-value with
 * --scenario add one more scenario, last.
 */
export async function whatif(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    budget: { type: 'string' },
    year: { type: 'string' },
    set: { type: 'string', multiple: true },
    scenario: { type: 'string', multiple: true },
    total: { type: 'string' },
    'unit-value': { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const fmt = formatOrXlsx(values.format, values.out as string | undefined);
  if (positionals.length !== 1) throw new UsageError('whatif needs one WORKBOOK.json');
  const budget = values.budget as string | undefined;
  const year = values.year as string | undefined;
  if (!budget) throw new UsageError('--budget ID is required');
  if (!year || !/^\d{4}$/.test(year)) throw new UsageError(`--year must be a year such as 2026 (got "${year ?? ''}")`);
  const total = amountFlag('total', values.total as string | undefined);
  const unitValue = amountFlag('unit-value', values['unit-value'] as string | undefined);
  if (total !== undefined && unitValue !== undefined)
    throw new UsageError('give at most one of --total and --unit-value');
  const sets = (values.set as string[] | undefined) ?? [];
  const named = (values.scenario as string[] | undefined) ?? [];
  const adHoc = sets.length > 0 || total !== undefined || unitValue !== undefined;
  if (!adHoc && named.length === 0)
    throw new UsageError('say what changes: --set CODE=CLASS, --total, --unit-value or --scenario NAME');
  const file = positionals[0];
  const workbook = loadWorkbook(file, io);
  const scenarios: Pick<Scenario, 'name' | 'overrides'>[] = named.map((n) => scenarioNamed(workbook, n));
  if (adHoc) {
    const overrides = whatIfOverrides({ budget, year: Number(year), sets, total, unitValue });
    checkOverrides(workbook, overrides);
    scenarios.push({ name: describeOverrides(overrides), overrides });
  }
  const comparisons = inFile(file, () => compareScenarios(workbook, scenarios, budget, Number(year)));
  if (fmt === 'xlsx') {
    const produced = producedDate();
    return output(
      await toXlsx([comparisonsExport(comparisons, { organization: workbook.organization.name, produced })], produced),
      values.out as string,
      io,
    );
  }
  const text =
    fmt === 'csv'
      ? comparisonsCsv(comparisons)
      : fmt === 'json'
        ? comparisonsJson(comparisons)
        : comparisons.map(comparisonText).join('\n');
  return output(text, values.out as string | undefined, io);
}

/** A scenario of the workbook by its name (or id); an unknown one is a usage error listing those there are. */
function scenarioNamed(workbook: Workbook, name: string): Scenario {
  const all = workbook.scenarios ?? [];
  const s = all.find((x) => x.name === name) ?? all.find((x) => x.id === name);
  if (!s)
    throw new UsageError(
      `--scenario ${name}: the workbook has no such scenario (${all.length ? all.map((x) => x.name).join(', ') : 'it has none'})`,
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
    if (!m) throw new UsageError(`--set takes CODE=CLASS (got "${s}")`);
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
    if (!workbook.members.some((m) => m.code === o.member))
      throw new UsageError(`--set ${o.member}=${o.class}: the workbook has no member ${o.member}`);
    if (!workbook.participations.some((p) => p.member === o.member && p.budget === o.budget))
      throw new UsageError(`--set ${o.member}=${o.class}: ${o.member} does not take part in ${o.budget}`);
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
        `--set ${o.member}=${o.class}: ${o.class} could be any of ${read.matches.join(', ')} of ${scheme.id}: write it as the scheme does`,
      );
    else
      throw new UsageError(
        `--set ${o.member}=${o.class}: ${o.class} is not a class of ${scheme.id} (${scheme.classes.map((c) => c.code).join(', ')})`,
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
