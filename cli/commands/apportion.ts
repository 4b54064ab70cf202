// `contrib apportion`: a budget year of a workbook, or a members CSV under a scheme (issue 13: its own module, loaded
// only when asked for; the XLSX writer and the scheme file's validation only on the paths that need them).
import {
  contributionColumns,
  assessBudgetYear,
  type BudgetTerms,
  type ContributionRows,
  type ContributionTable,
} from '../../shared/engine/assess';
import {
  contributionCsv,
  contributionCsvChunks,
  contributionJson,
  contributionText,
  declaredRateWarning,
} from '../../shared/export/contribution-table';
import { say, type Message } from '../../shared/i18n/intl';
import type { Lang } from '../../shared/i18n/languages';
import { ClassReader, memberName } from '../../shared/model/class-input';
import { Decimal, isWholeMultiple } from '../../shared/model/decimal';
import { isZeroDecimal } from '../../shared/model/fields';
import { readMembersColumns } from '../../shared/model/members-csv';
import { builtInScheme } from '../../shared/model/schemes';
import { MAX_TABULAR_BYTES, type TabularProblem } from '../../shared/model/tabular';
import type { RoundingMode, Scheme } from '../../shared/model/types';
import { amountFlag, inFile, output, readBytes, readText } from '../files';
import {
  C,
  cliLanguage,
  formatOrXlsx,
  InputError,
  InputProblems,
  noticeLine,
  parse,
  producedDate,
  UsageError,
  type Format,
  type Io,
} from '../io';

async function emit(
  table: ContributionTable,
  fmt: Format | 'xlsx',
  out: string | undefined,
  io: Io,
  organization: string,
  lang: Lang,
  schemeId: string | undefined,
): Promise<number> {
  const produced = producedDate();
  // The language reaches what people read (the table, the XLSX: the Convention's classes in its letters, as the app
  // shows them); CSV and JSON stay as the contract says.
  const locale = lang === 'en' ? { schemeId } : { locale: lang, schemeId };
  if (fmt === 'xlsx' || (fmt === 'table' && lang !== 'en')) {
    // The export model and its writers only on the paths that write them (issue 13: start-up).
    const { contributionExport } = await import('../../shared/export/table-model');
    const model = contributionExport(table, { organization, produced, ...locale });
    if (fmt === 'xlsx') return output((await import('../../shared/export/xlsx')).toXlsx([model], produced), out, io);
    return output((await import('../../shared/export/export-text')).exportText(model), out, io);
  }
  return output(
    fmt === 'csv' ? contributionCsv(table) : fmt === 'json' ? contributionJson(table) : contributionText(table),
    out,
    io,
  );
}

export async function apportion(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    budget: { type: 'string' },
    year: { type: 'string' },
    members: { type: 'string' },
    scheme: { type: 'string' },
    total: { type: 'string' },
    'unit-value': { type: 'string' },
    credit: { type: 'string' },
    'credit-unit-value': { type: 'string' },
    'rounding-unit': { type: 'string' },
    rounding: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const out = values.out as string | undefined;
  const fmt = formatOrXlsx(values.format, out);
  const lang = cliLanguage(values.lang);
  if (values.members !== undefined) {
    if (positionals.length > 0) throw new UsageError(C('usage.workbookAndMembers'));
    const { table, rows, schemeId } = await apportionCsv(values as Record<string, string | undefined>, io, lang);
    const rates = declaredRateWarning(table); // R21–R23 a percent scale that misses 100: said, not silently renormalized
    if (rates) io.err(noticeLine(values.members as string, rates, lang));
    // Issue 13: the CSV to stdout in pieces, each row written when its piece is; other formats hold every row.
    if (fmt === 'csv' && !out) {
      for (const piece of contributionCsvChunks(table, {}, rows)) {
        if (!io.piece) io.out(piece);
        else if (!(await io.piece(piece))) break; // the reader has gone (`| head`): the rest is not made
      }
      return 0;
    }
    table.rows = Array.from({ length: rows.length }, (_, i) => rows.at(i));
    return emit(table, fmt, out, io, '', lang, schemeId);
  }
  if (positionals.length !== 1) throw new UsageError(C('usage.apportionInput'));
  if (values.credit !== undefined || values['credit-unit-value'] !== undefined)
    throw new UsageError(C('usage.creditWithWorkbook'));
  const file = positionals[0];
  const budget = values.budget as string | undefined;
  const year = values.year as string | undefined;
  if (!budget) throw new UsageError(C('usage.budget'));
  if (!year || !/^\d{4}$/.test(year)) throw new UsageError(C('usage.year', { got: year ?? '' }));
  // The workbook's validation only on this path: a members CSV needs none of it (issue 13: start-up).
  const { loadWorkbook } = await import('../workbook');
  const workbook = loadWorkbook(file, io, lang);
  const table = inFile(file, () => assessBudgetYear(workbook, budget, Number(year)));
  const schemeId = workbook.budgets.find((b) => b.id === budget)?.schemeId;
  return emit(table, fmt, out, io, workbook.organization.name, lang, schemeId);
}

async function loadScheme(spec: string): Promise<Scheme> {
  const builtIn = builtInScheme(spec);
  if (builtIn) return builtIn;
  if (!spec.endsWith('.json')) throw new UsageError(C('usage.scheme', { got: spec }));
  const text = readText(spec);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(spec, 1, C('scheme.notJson', { detail: (e as Error).message }));
  }
  // Reuse the workbook checks on a one-scheme workbook so the messages are the same.
  const { validateWorkbook } = await import('../../shared/model/validate');
  const problems = validateWorkbook({
    format: 'contribution-calculator-workbook',
    version: 1,
    organization: { name: '-' },
    settings: { newMemberRule: 'full', creditingOrder: 'wcf-then-oldest' },
    schemes: [doc],
    members: [],
    budgets: [],
    participations: [],
    classChanges: [],
  });
  if (problems.length > 0) throw new InputError(spec, 1, problems[0].msg ?? problems[0].message);
  return doc as Scheme;
}

/** A members file's line problem as data, with its English text (as the tests and scripts read it). */
function said(file: string, line: number, m: Message, field?: string): TabularProblem {
  return { file, line, ...(field ? { field } : {}), message: say(m), msg: m };
}

async function apportionCsv(
  v: Record<string, string | undefined>,
  io: Io,
  lang: Lang,
): Promise<{ table: ContributionTable; rows: ContributionRows; schemeId: string }> {
  if (!v.scheme) throw new UsageError(C('usage.schemeRequired'));
  const total = amountFlag('total', v.total);
  const unitValue = amountFlag('unit-value', v['unit-value']);
  if ((total === undefined) === (unitValue === undefined)) throw new UsageError(C('usage.totalOrUnitValue'));
  // R22 a credit beside the gross, by the same method: --credit with --total, --credit-unit-value with --unit-value.
  const credit = amountFlag('credit', v.credit);
  const creditUnitValue = amountFlag('credit-unit-value', v['credit-unit-value']);
  if (credit !== undefined && total === undefined) throw new UsageError(C('usage.creditWithTotal'));
  if (creditUnitValue !== undefined && unitValue === undefined)
    throw new UsageError(C('usage.creditUnitValueWithUnitValue'));
  const roundingUnit = amountFlag('rounding-unit', v['rounding-unit']) ?? '0.01';
  if (isZeroDecimal(roundingUnit)) throw new UsageError(C('usage.roundingUnitZero'));
  const rounding = (v.rounding ?? 'half-up') as RoundingMode;
  if (rounding !== 'half-up' && rounding !== 'half-even') throw new UsageError(C('usage.rounding', { got: rounding }));
  const scheme = await loadScheme(v.scheme);
  const file = v.members!;
  // R25 the one tabular reader; every bad line is printed, and a Windows-1252 file is said to be one.
  const parsed = readMembersColumns(
    readBytes(file, MAX_TABULAR_BYTES),
    file,
    scheme.kind === 'scale' ? 'weight' : 'class',
  );
  for (const n of parsed.notices) io.err(noticeLine(file, n, lang));
  // Issue 13: the members as columns (a weight index per member, a class or a weight per index), not 10^6 objects.
  const count = parsed.codes.length;
  const codes = new Array<string>(count);
  const names = new Array<string>(count);
  const weightOf = new Int32Array(count);
  const weights: string[] = [];
  const classOf: (string | null)[] = [];
  const weightIndex = new Map<string, number>();
  let kept = 0;
  const keep = (code: string, name: string, weight: string, cls: string | null) => {
    const key = cls ?? weight;
    let w = weightIndex.get(key);
    if (w === undefined) {
      w = weights.length;
      weightIndex.set(key, w);
      weights.push(weight);
      classOf.push(cls);
    }
    codes[kept] = code;
    names[kept] = name;
    weightOf[kept++] = w;
  };
  const problems: TabularProblem[] = [...parsed.problems];
  // Issue 14 one rule with the app and the workbook file (shared/model/class-input.ts): every member needs a name
  // (the stricter rule: the app refuses a new member without one, the file any member), and a class is read as the
  // app reads it (`vi` is VI when the scheme has exactly one such class; two differing only by case are refused).
  if (parsed.named === false && count > 0) problems.push(said(file, 1, C('members.noNameColumn')));
  const classes = scheme.kind === 'classes' ? new ClassReader(scheme.classes.map((c) => c.code)) : undefined;
  const reads = new Map<string, ReturnType<ClassReader['read']>>(); // a class as written, read once
  for (let i = 0; i < count; i++) {
    const m = { line: parsed.lines[i], code: parsed.codes[i], name: parsed.names[i], value: parsed.values[i] };
    const name = memberName(m.name);
    if (name === undefined && parsed.named !== false)
      problems.push(said(file, m.line, C('members.noName', { code: m.code }), 'name'));
    if (scheme.kind === 'scale') {
      keep(m.code, name ?? '', m.value, null);
      continue;
    }
    let read = reads.get(m.value);
    if (!read) reads.set(m.value, (read = classes!.read(m.value)));
    const cls = read.ok ? scheme.classes.find((c) => c.code === read.code) : undefined;
    if (!cls) {
      if (!read.ok && read.reason === 'ambiguous')
        problems.push(
          said(
            file,
            m.line,
            C('members.ambiguousClass', {
              code: m.code,
              class: m.value,
              matches: read.matches.join(', '),
              scheme: scheme.id,
            }),
            'class',
          ),
        );
      else if (m.value)
        problems.push(
          said(
            file,
            m.line,
            C('members.notClass', {
              code: m.code,
              class: m.value,
              scheme: scheme.id,
              classes: scheme.classes.map((c) => c.code).join(', '),
            }),
          ),
        );
      continue;
    }
    keep(m.code, name ?? '', cls.units, cls.code);
  }
  if (problems.length > 0)
    throw new InputProblems(
      problems.sort((a, b) => a.line - b.line),
      lang,
    );
  const budget: BudgetTerms = {
    id: scheme.id,
    name: `Apportionment (${scheme.name})`,
    currency: '',
    roundingUnit,
    rounding,
  };
  if (total !== undefined && !isWholeMultiple(total, roundingUnit))
    throw new UsageError(C('usage.totalNotWhole', { amount: total, unitAmount: roundingUnit }));
  const over =
    credit !== undefined
      ? new Decimal(credit).gt(total!)
      : creditUnitValue !== undefined && new Decimal(creditUnitValue).gt(unitValue!);
  if (over)
    throw new UsageError(
      credit !== undefined
        ? C('usage.creditOverTotal', { amount: credit, grossAmount: total! })
        : C('usage.creditOverUnitValue', { amount: creditUnitValue!, grossAmount: unitValue! }),
    );
  if (credit !== undefined && !isWholeMultiple(credit, roundingUnit))
    throw new UsageError(C('usage.creditNotWhole', { amount: credit, unitAmount: roundingUnit }));
  codes.length = names.length = kept;
  const members = { codes, names, weightOf: weightOf.subarray(0, kept), weights, classes: classOf };
  const computed = inFile(file, () =>
    contributionColumns(
      budget,
      members,
      total !== undefined ? 'total' : 'unit-value',
      (total ?? unitValue)!,
      { year: null, carriedOver: false, sourceYear: null },
      credit ?? creditUnitValue,
    ),
  );
  if (scheme.kind === 'scale' && scheme.percent) computed.table.percentScale = true;
  return { ...computed, schemeId: scheme.id };
}
