import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvHeadersFrom, comparisonSource } from '../../renderer/src/export/exports';
import { assessBudgetYear } from '../../shared/engine/assess';
import { votingStatus } from '../../shared/engine/arrears';
import { statusExport, statusLines } from '../../shared/export/ledger-export';
import { STATUS_CSV_HEADER, statusCsv } from '../../shared/export/ledger-tables';
import { parseWorkbook } from '../../shared/model/validate';
import { compareTables } from '../../shared/scenario/scenario';

// Issue 11 "headers in the language" for every CSV the app exports (status, what-if comparisons, liquidity, scales…): the machine
// names stay the default; asked for, each becomes its column's header as the XLSX and PDF write it, the rows unchanged.

const wb = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const records = (csv: string) => parse(csv) as string[][];

describe('CSV headers in the language (issue 11)', () => {
  it('the voting status in French: every column of the CLI’s CSV named as the table names it, rows as they were', () => {
    const date = '2027-01-01';
    const report = votingStatus(wb, date);
    const table = statusExport(report, statusLines(report), { organization: 'x', produced: date, locale: 'fr' });
    const machine = statusCsv(report);
    const words = csvHeadersFrom(machine, table);
    const [head, ...rows] = records(words);
    expect(records(machine)[0]).toEqual([...STATUS_CSV_HEADER]);
    const header = (key: string) => table.columns.find((c) => c.key === key)!.header;
    expect(head).toEqual(
      ['code', 'name', 'budget', 'arrears', 'threshold', 'status', 'minimumPayment', 'losesVoteOn', 'history'].map(
        header,
      ),
    );
    expect(head[0]).toBe('Code');
    expect(head).not.toContain('minimum_payment');
    expect(rows).toEqual(records(machine).slice(1));
  });

  it('several scenarios side by side: each scenario’s columns get their own header, a name with a comma quoted', () => {
    const t = assessBudgetYear(wb, 'paris', 2026);
    const comparisons = [compareTables('Low, then high', t, t), compareTables('Other', t, t)];
    const src = comparisonSource(comparisons, null, { organization: 'x', produced: '2026-11-27', locale: 'es' });
    const machine = records(src.csv);
    expect(machine[0]).toContain('class_after[Low, then high]');
    const head = records(csvHeadersFrom(src.csv, src.table))[0];
    expect(head).toHaveLength(machine[0].length);
    expect(head).toEqual(src.table.columns.map((c) => c.header));
    expect(head.filter((h) => h.includes('Low, then high'))).toHaveLength(4);
    expect(head.filter((h) => h.includes('Other'))).toHaveLength(4);
    // One scenario: the CLI's single comparison (its own column order) gets the table's words too.
    const one = comparisonSource([comparisons[1]], null, { organization: 'x', produced: '2026-11-27', locale: 'es' });
    const names = records(one.csv)[0];
    const byKey = new Map(one.table.columns.map((c) => [c.key.toLowerCase(), c.header]));
    expect(records(csvHeadersFrom(one.csv, one.table))[0]).toEqual(
      names.map((n) => byKey.get(n.replace(/_/g, '')) ?? n),
    );
    expect(records(csvHeadersFrom(one.csv, one.table))[0]).not.toContain('class_before');
  });

  it('a name the table does not show keeps its machine name', () => {
    const table = { columns: [{ key: 'code', header: 'Código', kind: 'text' as const }] };
    expect(csvHeadersFrom('code,host_state\nA,B\n', table as never)).toBe('Código,host_state\nA,B\n');
  });
});
