import { EngineError, messageOf } from '../shared/engine/apportion';
import {
  assessBudgetYear,
  contributionColumns,
  type BudgetTerms,
  type ContributionRows,
  type ContributionTable,
} from '../shared/engine/assess';
import { checkComputable } from '../shared/engine/check';
import {
  contributionCsv,
  contributionCsvChunks,
  contributionJson,
  contributionText,
  declaredRateWarning,
} from '../shared/export/contribution-table';
import { workbookWarnings } from '../shared/engine/warnings';
import { readMembersColumns } from '../shared/model/members-csv';
import { ClassReader, memberName } from '../shared/model/class-input';
import { MAX_TABULAR_BYTES, type TabularProblem } from '../shared/model/tabular';
import { builtInScheme } from '../shared/model/schemes';
import type { RoundingMode, Scheme } from '../shared/model/types';
import { lineOfPath, parseWorkbook, validateWorkbook } from '../shared/model/validate';
import { advances, ADVANCES_USAGE } from './commands/advances';
import { liquidity, LIQUIDITY_USAGE } from './commands/liquidity';
import { scale, SCALE_USAGE } from './commands/scale';
import { merge, MERGE_USAGE } from './commands/merge';
import { status, STATUS_USAGE } from './commands/status';
import { wcf, WCF_USAGE } from './commands/wcf';
import { whatif, WHATIF_USAGE } from './commands/whatif';
import { contributionExport } from '../shared/export/table-model';
import { Decimal, isWholeMultiple } from '../shared/model/decimal';
import { isZeroDecimal } from '../shared/model/fields';
import { toXlsx } from '../shared/export/xlsx';
import { exportText } from '../shared/export/export-text';
import type { Lang } from '../shared/i18n/languages';
import { say, type Message } from '../shared/i18n/intl';
import {
  amountFlag,
  C,
  cliLanguage,
  messageLanguage,
  words,
  formatOrXlsx,
  producedDate,
  inFile,
  InputError,
  InputProblems,
  loadWorkbook,
  noticeLine,
  output,
  parse,
  readBytes,
  readText,
  UsageError,
  warningLines,
  type Format,
  type Io,
} from './io';

export type { Io };

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** `contrib help`: the commands' syntax, and its few sentences in the language of --lang or LANG (issue 11). */
function usage(lang: Lang): string {
  const t = (id: string) => say(C(`help.${id}`), lang);
  return `${t('usage')}
  contrib apportion WORKBOOK.json --budget ID --year YYYY [--format table|csv|json|xlsx] [--out FILE]
  contrib apportion --members MEMBERS.csv --scheme wipo-convention|paris|wipo-unitary|scale|percent-scale|SCHEME.json
                    (--total AMOUNT [--credit AMOUNT] | --unit-value AMOUNT [--credit-unit-value AMOUNT])
                    [--rounding-unit 0.01] [--rounding half-up|half-even]
                    [--format table|csv|json|xlsx] [--out FILE]
  contrib validate WORKBOOK.json
${WHATIF_USAGE}
${STATUS_USAGE}
${WCF_USAGE}
${ADVANCES_USAGE}
${LIQUIDITY_USAGE}
${SCALE_USAGE}
      ${t('scaleFiles')}
${MERGE_USAGE}
                    ${t('mergeDriver')}
  ${t('lang')}

${t('exit')}
`;
}

/**
 * Runs one command; returns the exit code. Errors never escape as exceptions; they are said in the language of
 * --lang or the environment (`env`, LANG and the like), the `FILE:LINE:` before them as it always was.
 */
export async function run(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const lang = messageLanguage(argv, env);
  try {
    switch (command) {
      case 'apportion':
        return await apportion(rest, io);
      case 'validate':
        return validate(rest, io, env);
      case 'whatif':
        return await whatif(rest, io);
      case 'status':
        return status(rest, io);
      case 'wcf':
        return wcf(rest, io);
      case 'advances':
        return advances(rest, io);
      case 'liquidity':
        return liquidity(rest, io);
      case 'scale':
        return scale(rest, io);
      case 'merge':
        return merge(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(usage(lang));
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(C('usage.command', { command }));
    }
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`${e.file}:${e.line}: ${words(e, lang)}\n`);
      return 2;
    }
    if (e instanceof InputProblems) {
      io.err(`${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`contrib: ${words(e, lang)}\n\n${usage(lang)}`);
      return 2;
    }
    if (e instanceof EngineError) {
      io.err(`contrib: ${words({ message: e.message, msg: messageOf(e) }, lang)}\n`);
      return 2;
    }
    throw e;
  }
}

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
  if (fmt === 'xlsx')
    return output(await toXlsx([contributionExport(table, { organization, produced, ...locale })], produced), out, io);
  if (fmt === 'table' && lang !== 'en')
    return output(exportText(contributionExport(table, { organization, produced, ...locale })), out, io);
  return output(
    fmt === 'csv' ? contributionCsv(table) : fmt === 'json' ? contributionJson(table) : contributionText(table),
    out,
    io,
  );
}

async function apportion(args: string[], io: Io): Promise<number> {
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
    const { table, rows, schemeId } = apportionCsv(values as Record<string, string | undefined>, io, lang);
    const rates = declaredRateWarning(table); // R21–R23 a percent scale that misses 100: said, not silently renormalized
    if (rates) io.err(noticeLine(values.members as string, rates, lang));
    // Issue 13: the CSV to stdout in pieces, each row written when its piece is; other formats hold every row.
    if (fmt === 'csv' && !out) {
      for (const piece of contributionCsvChunks(table, {}, rows)) io.out(piece);
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
  const workbook = loadWorkbook(file, io, lang);
  const table = inFile(file, () => assessBudgetYear(workbook, budget, Number(year)));
  const schemeId = workbook.budgets.find((b) => b.id === budget)?.schemeId;
  return emit(table, fmt, out, io, workbook.organization.name, lang, schemeId);
}

function loadScheme(spec: string): Scheme {
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

function apportionCsv(
  v: Record<string, string | undefined>,
  io: Io,
  lang: Lang,
): { table: ContributionTable; rows: ContributionRows; schemeId: string } {
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
  const scheme = loadScheme(v.scheme);
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

/** `contrib validate`: every problem on its line, in the language of --lang or LANG (issue 11). */
function validate(args: string[], io: Io, env: NodeJS.ProcessEnv): number {
  const { values, positionals } = parse(args, { lang: { type: 'string' } });
  const lang = cliLanguage(values.lang, env);
  if (positionals.length !== 1) throw new UsageError(C('usage.validate'));
  const file = positionals[0];
  const text = readText(file, io);
  const res = parseWorkbook(text);
  if (!res.workbook) {
    res.problems.forEach((p, i) =>
      io.out(`${file}:${res.lines[i] ?? 1}: ${words(p, lang)}${p.path ? ` [${p.path}]` : ''}\n`),
    );
    io.out(`${say(C('validate.problems', { count: res.problems.length, n: String(res.problems.length) }), lang)}\n`);
    return 1;
  }
  const wb = res.workbook;
  const late = checkComputable(wb);
  if (late.length > 0) {
    for (const p of late) io.out(`${file}:${lineOfPath(text, p.path) ?? 1}: ${words(p, lang)} [${p.path}]\n`);
    io.out(`${say(C('validate.problems', { count: late.length, n: String(late.length) }), lang)}\n`);
    return 1;
  }
  // Warnings never fail validation: printed with their line, exit 0.
  const warnings = workbookWarnings(wb);
  for (const line of warningLines(file, text, warnings, lang)) io.out(line);
  // Counts as plain digits, as scripts have read them ("10000 members"), not grouped by the locale.
  const counts = {
    members: String(wb.members.length),
    budgets: String(wb.budgets.length),
    participations: String(wb.participations.length),
    warnings: warnings.length,
    n: String(warnings.length),
  };
  io.out(`${file}: ${say(C(warnings.length ? 'validate.validWarned' : 'validate.valid', counts), lang)}\n`);
  return 0;
}
