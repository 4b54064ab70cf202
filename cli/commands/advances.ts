import { advancesReport } from '../../shared/engine/advances';
import { advanceMovementsExport, advancesExport } from '../../shared/export/ledger-export';
import { advancesCsv, advancesJson, advancesText } from '../../shared/export/ledger-tables';
import { output, type Io } from '../io';
import { ledgerArgs, xlsxOut } from './status';

export const ADVANCES_USAGE = `  contrib advances WORKBOOK.json --date YYYY-MM-DD [--format table|csv|json|xlsx] [--out FILE]
                 [--lang LANG]`;

/** R20 `contrib advances`: agreements, advances drawn and repaid, whether the host state is still bound. */
export function advances(args: string[], io: Io): number {
  const a = ledgerArgs('advances', args, false, io);
  const report = advancesReport(a.workbook, a.date);
  if (a.fmt === 'xlsx')
    return xlsxOut(a, io, (ctx) => [advancesExport(report, ctx), advanceMovementsExport(report, ctx)]);
  return output(
    a.fmt === 'csv' ? advancesCsv(report) : a.fmt === 'json' ? advancesJson(report) : advancesText(report, a.lang),
    a.out,
    io,
  );
}
