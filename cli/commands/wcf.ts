import { Ledger } from '../../shared/engine/ledger';
import { wcfReport } from '../../shared/engine/wcf';
import { wcfCsv, wcfJson, wcfText } from '../../shared/export/ledger-tables';
import { inFile, output } from '../files';
import { type Io } from '../io';
import { ledgerArgs, xlsxOut } from './status';

/** R19 `contrib wcf`: each member's share of the working capital fund, what it paid, and the fund's balance. */
export async function wcf(args: string[], io: Io): Promise<number> {
  const a = ledgerArgs('wcf', args, true, io);
  const report = inFile(a.file, () => wcfReport(new Ledger(a.workbook), a.date, a.budget));
  if (a.fmt === 'xlsx')
    return xlsxOut(a, io, (ctx, m) => [m.wcfExport(report, ctx), m.wcfDecisionsExport(report, ctx)]);
  return output(
    a.fmt === 'csv' ? wcfCsv(report) : a.fmt === 'json' ? wcfJson(report) : wcfText(report, a.lang),
    a.out,
    io,
  );
}
