import { advancesReport } from '../../shared/engine/advances';
import { advancesCsv, advancesJson, advancesText } from '../../shared/export/ledger-tables';
import { output } from '../files';
import { type Io } from '../io';
import { ledgerArgs, xlsxOut } from './status';

/** R20 `contrib advances`: agreements, advances drawn and repaid, whether the host state is still bound. */
export async function advances(args: string[], io: Io): Promise<number> {
  const a = ledgerArgs('advances', args, false, io);
  const report = advancesReport(a.workbook, a.date);
  if (a.fmt === 'xlsx')
    return xlsxOut(a, io, (ctx, m) => [m.advancesExport(report, ctx), m.advanceMovementsExport(report, ctx)]);
  return output(
    a.fmt === 'csv' ? advancesCsv(report) : a.fmt === 'json' ? advancesJson(report) : advancesText(report, a.lang),
    a.out,
    io,
  );
}
