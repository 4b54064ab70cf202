import { Ledger } from '../../shared/engine/ledger';
import { wcfReport } from '../../shared/engine/wcf';
import { wcfDecisionsExport, wcfExport } from '../../shared/export/ledger-export';
import { wcfCsv, wcfJson, wcfText } from '../../shared/export/ledger-tables';
import { inFile, output, type Io } from '../io';
import { ledgerArgs, xlsxOut } from './status';

export const WCF_USAGE = `  contrib wcf WORKBOOK.json --date YYYY-MM-DD [--budget ID] [--format table|csv|json|xlsx] [--out FILE]
                 [--lang LANG]`;

/** R19 `contrib wcf`: each member's share of the working capital fund, what it paid, and the fund's balance. */
export function wcf(args: string[], io: Io): number {
  const a = ledgerArgs('wcf', args, true, io);
  const report = inFile(a.file, () => wcfReport(new Ledger(a.workbook), a.date, a.budget));
  if (a.fmt === 'xlsx') return xlsxOut(a, io, (ctx) => [wcfExport(report, ctx), wcfDecisionsExport(report, ctx)]);
  return output(
    a.fmt === 'csv' ? wcfCsv(report) : a.fmt === 'json' ? wcfJson(report) : wcfText(report, a.lang),
    a.out,
    io,
  );
}
