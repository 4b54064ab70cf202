import { budgetNames } from '../../shared/model/budget-name';
import { VotingStatusBook } from '../../shared/engine/arrears';
import { Ledger } from '../../shared/engine/ledger';
import { statusCsv, statusJson, statusText } from '../../shared/export/ledger-tables';
import { isIsoDate } from '../../shared/model/dates';
import type { Workbook } from '../../shared/model/types';
import type { ExportContext, ExportTable } from '../../shared/export/table-model';
import type { Lang } from '../../shared/i18n/languages';
import { inFile, output } from '../files';
import { C, producedDate, UsageError, workbookArgs, type Format, type Io } from '../io';
import { loadWorkbook } from '../workbook';

export interface LedgerArgs {
  file: string;
  workbook: Workbook;
  date: string;
  budget?: string;
  fmt: Format | 'xlsx';
  out?: string;
  /** The language of the table for people and the XLSX (issue 11); CSV and JSON never change with it. */
  lang: Lang;
}

/** The flags the ledger commands (status, wcf, advances) share; the workbook is loaded and the budget checked. */
export function ledgerArgs(command: string, args: string[], withBudget: boolean, io?: Io): LedgerArgs {
  const { values, file, fmt, lang, out } = workbookArgs(command, args, {
    date: { type: 'string' },
    ...(withBudget ? { budget: { type: 'string' } } : {}),
  });
  const date = values.date as string | undefined;
  if (!isIsoDate(date)) throw new UsageError(C('usage.date', { got: date ?? '' }));
  const workbook = loadWorkbook(file, io, lang);
  const budget = values.budget as string | undefined;
  if (budget !== undefined) inFile(file, () => new Ledger(workbook).budget(budget));
  return { file, workbook, date, budget, fmt, out, lang };
}

/**
 * Writes the ledger tables as one XLSX file (a sheet each) to --out. The export models and the XLSX writer are
 * imported here, on the one path that writes them (issue 13: start-up).
 */
export async function xlsxOut(
  a: LedgerArgs,
  io: Io,
  tables: (ctx: ExportContext, m: typeof import('../../shared/export/ledger-export')) => ExportTable[],
): Promise<number> {
  const [models, { toXlsx }] = await Promise.all([
    import('../../shared/export/ledger-export'),
    import('../../shared/export/xlsx'),
  ]);
  const produced = producedDate();
  // Issue 14 an XLSX is for people: budgets by their names (CSV and JSON keep the ids).
  const ctx = {
    organization: a.workbook.organization.name,
    produced,
    budgetName: budgetNames(a.workbook),
    ...(a.lang === 'en' ? {} : { locale: a.lang }),
  };
  return output(toXlsx(tables(ctx, models), produced), a.out, io);
}

/** R16–R18 `contrib status`: one row per member, for a budget or organization-wide (Art. 11(5)). */
export async function status(args: string[], io: Io): Promise<number> {
  const a = ledgerArgs('status', args, true, io);
  const report = inFile(a.file, () => {
    const book = new VotingStatusBook(a.workbook);
    return a.budget === undefined ? book.organizationReport(a.date) : book.budgetReport(a.budget, a.date);
  });
  if (a.fmt === 'xlsx') return xlsxOut(a, io, (ctx, m) => [m.statusExport(report, m.statusLines(report), ctx)]);
  return output(
    a.fmt === 'csv' ? statusCsv(report) : a.fmt === 'json' ? statusJson(report) : statusText(report, a.lang),
    a.out,
    io,
  );
}
