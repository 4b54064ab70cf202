import { PINNED_NAME_WIDTH, usePinStart } from '../layout/pin';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { clearExpectedDate, refusal, setExpectedDate, setNotPaying, type Outcome } from '../../../shared/edit';
import type {
  ExpectedBasis,
  LiquidityBasis,
  LiquidityComparison,
  LiquidityProjection,
} from '../../../shared/engine/liquidity';
import type { Workbook } from '../../../shared/model/types';
import { useDateReader } from '../DateField';
import { useSay, useT } from '../i18n';
import { useLocale } from '../locale';
import { LedgerGrid, type LedgerEdit } from '../ledger/LedgerGrid';
import { useMoneyColumn } from '../ledger/money';
import { byCode, byShownWords } from '../grid/sorting';

// R24 the expected receipts by member: what each still owes for the year and before, its usual date (the median day
// of its payments in the three years before), and the date it is expected on. The "set date" cell overrides the usual
// date (typed in the user's date format; Delete clears it) and "not paying" leaves the member out: each edit one
// undoable command on the workbook's liquidity section.

export interface ExpectedRow {
  code: string;
  name: string;
  owed: string;
  amount: string;
  usualDate: string | null;
  /** The date set in the workbook ('' = none). */
  override: string;
  notPaying: boolean;
  date: string | null;
  basis: ExpectedBasis;
  whatIfDate?: string | null;
  whatIfAmount?: string;
  from: string;
}

const BASIS_ID: Record<ExpectedBasis, string> = {
  usual: 'usual',
  override: 'override',
  'what-if': 'whatIf',
  'no-history': 'noHistory',
  'not-paying': 'notPaying',
};

interface Props {
  basis: LiquidityBasis;
  baseline: LiquidityProjection;
  comparison: LiquidityComparison | null;
  run(command: (wb: Workbook) => Outcome): Outcome;
  notify(text: string): void;
}

export function ExpectedGrid({ basis, baseline, comparison, run, notify }: Props) {
  const t = useT();
  const say = useSay();
  const dates = useDateReader();
  const moneyColumn = useMoneyColumn();
  const localeId = useLocale().id;
  const [error, setError] = useState<{ rowId: string; colId: string; message: string } | null>(null);
  const budget = basis.budget.id;
  const year = basis.year;
  const yearEnd = `${year}-12-31`;

  const rows = useMemo((): ExpectedRow[] => {
    const overrides = new Map(basis.members.map((m) => [m.code, m.override]));
    const alt = comparison ? new Map(comparison.whatIf.expected.map((e) => [e.code, e])) : null;
    return baseline.expected.map((e) => {
      const o = overrides.get(e.code);
      const row: ExpectedRow = {
        code: e.code,
        name: e.name,
        owed: e.owed,
        amount: e.amount,
        usualDate: e.usualDate,
        override: o?.date ?? '',
        notPaying: o?.notPaying === true,
        date: e.date,
        basis: e.basis,
        from: e.from.map((f) => dates.show(f.date)).join(' · '),
      };
      const w = alt?.get(e.code);
      if (w) {
        row.whatIfDate = w.date;
        row.whatIfAmount = w.amount;
      }
      return row;
    });
  }, [basis, baseline, comparison, dates]);

  const onNotPaying = useCallback(
    (code: string, notPaying: boolean) => {
      const o = run((wb) => setNotPaying(wb, { member: code, budget, year, notPaying }));
      setError(null);
      if (!o.ok) notify(refusal(o, say) ?? '');
    },
    [run, budget, year, notify, say],
  );

  const onEdit = useCallback(
    (e: LedgerEdit) => {
      if (e.colId !== 'override') return;
      const row = rows.find((r) => r.code === e.rowId);
      if (!row) return;
      const text = e.value.trim();
      let o: Outcome | null = null;
      if (text === '') {
        if (row.override) o = run((wb) => clearExpectedDate(wb, { member: row.code, budget, year }));
      } else {
        const p = dates.parse(text);
        if (!p.ok) return setError({ rowId: row.code, colId: 'override', message: p.message });
        if (p.value !== row.override)
          o = run((wb) => setExpectedDate(wb, { member: row.code, budget, year, date: p.value }));
      }
      setError(o && !o.ok ? { rowId: row.code, colId: 'override', message: refusal(o, say) ?? '' } : null);
    },
    [rows, run, budget, year, dates, say],
  );

  const start = usePinStart();
  const columns = useMemo((): ColDef<ExpectedRow>[] => {
    const day = (v: string | null | undefined) => {
      if (!v) return '';
      return v > yearEnd ? t('liquidity.expected.afterYear', { date: dates.show(v) }) : dates.show(v);
    };
    const basisWords = (b: ExpectedBasis) => t(`liquidity.basis.${BASIS_ID[b]}`);
    const cols: ColDef<ExpectedRow>[] = [
      // Every header sorts (LedgerGrid: figures exactly, words by the language); codes by code point (R6).
      // Issue 14: code and member pinned at the line's start; the last column takes the room left.
      { field: 'code', headerName: t('liquidity.expected.code'), width: 80, pinned: start, comparator: byCode },
      {
        field: 'name',
        headerName: t('liquidity.expected.member'),
        pinned: start,
        width: PINNED_NAME_WIDTH,
        filter: true,
      },
      { field: 'owed', headerName: t('liquidity.expected.owed'), width: 130, ...moneyColumn },
      {
        field: 'usualDate',
        headerName: t('liquidity.expected.usualDate'),
        width: 120,
        valueFormatter: (p) => (p.value ? dates.show(p.value) : t('liquidity.expected.noUsualDate')),
      },
      {
        field: 'override',
        headerName: t('liquidity.expected.override'),
        headerTooltip: t('liquidity.expected.overrideTip'),
        width: 130,
        editable: true,
        cellClass: 'liq-editable',
        valueFormatter: (p) => (p.value ? dates.show(p.value) : ''),
        cellEditorParams: { show: (v: unknown) => (v ? dates.show(String(v)) : '') },
      },
      {
        field: 'notPaying',
        headerName: t('liquidity.expected.notPaying'),
        width: 110,
        cellRenderer: (p: ICellRendererParams<ExpectedRow, boolean>) =>
          p.data ? (
            <input
              type="checkbox"
              checked={p.data.notPaying}
              aria-label={t('liquidity.expected.notPayingLabel', { code: p.data.code })}
              data-testid={`liq-not-paying-${p.data.code}`}
              onChange={(e) => onNotPaying(p.data!.code, e.target.checked)}
            />
          ) : null,
      },
      {
        field: 'date',
        headerName: t('liquidity.expected.expectedOn'),
        width: 140,
        valueFormatter: (p) => day(p.value),
      },
      { field: 'amount', headerName: t('liquidity.expected.amount'), width: 130, ...moneyColumn },
      {
        field: 'basis',
        headerName: t('liquidity.expected.basis'),
        width: 170,
        valueFormatter: (p) => (p.value ? basisWords(p.value as ExpectedBasis) : ''),
        // By the words shown, in the user's language (their ids are not what the user reads).
        comparator: byShownWords(localeId, (id) => basisWords(id as ExpectedBasis)),
      },
    ];
    if (comparison) {
      cols.push(
        {
          field: 'whatIfDate',
          headerName: t('liquidity.expected.whatIfDate'),
          width: 150,
          valueFormatter: (p) => day(p.value),
          cellClass: 'liq-whatif-cell',
        },
        {
          field: 'whatIfAmount',
          headerName: t('liquidity.expected.whatIfAmount'),
          width: 130,
          ...moneyColumn,
          cellClass: 'liq-whatif-cell',
        },
      );
    }
    cols.push({
      field: 'from',
      headerName: t('liquidity.expected.from'),
      flex: 1,
      minWidth: 260,
      tooltipField: 'from',
    });
    return cols;
  }, [t, dates, moneyColumn, comparison, onNotPaying, yearEnd, start, localeId]);

  return (
    <div className="liq-expected">
      <LedgerGrid<ExpectedRow>
        testId="liq-expected"
        rows={rows}
        rowId={(r) => r.code}
        columns={columns}
        onEdit={onEdit}
        error={error}
        onCloseError={() => setError(null)}
      />
    </div>
  );
}
