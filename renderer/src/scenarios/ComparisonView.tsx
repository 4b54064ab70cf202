import type {
  ColDef,
  ColGroupDef,
  GetRowIdParams,
  GridApi,
  ICellRendererParams,
  IRowNode,
  ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ContributionTable } from '../../../shared/engine';
import { messageOf } from '../../../shared/engine/messages';
import { decimalPlaces, toScaledBigInt } from '../../../shared/model/decimal';
import { isPositiveDecimal } from '../../../shared/model/fields';
import type { Budget, Scenario, Workbook } from '../../../shared/model/types';
import { compareScenarios, type Comparison, type ComparisonRow } from '../../../shared/scenario/scenario';
import { useExportSource } from '../document/DocumentProvider';
import { displayedCodes } from '../export/ExportMenu';
import { comparisonSource, today } from '../export/exports';
import { gridTheme } from '../MembersGrid';
import { byAmount, byClassUnits, byCode, byText } from '../grid/sorting';
import { usePinStart } from '../layout/pin';
import { useLocale } from '../locale';
import { Bidi, useAmount, useGridLocale, useSay, useT } from '../i18n';
import { TEXT_FILTER_PARAMS } from '../grid/find';
import { signedWith } from './ScenarioPanel';

/** A member across the baseline and every scenario compared (rows keyed by code). */
export interface CompareRow {
  code: string;
  name: string;
  classBefore: string | null;
  unitsBefore: string | null;
  amountBefore: string | null;
  by: Record<string, ComparisonRow | undefined>;
  /** Exact sort keys of money columns (scaled integers): the grid never sorts amounts as floats or text. */
  keys: Record<string, bigint | null>;
  pinned?: boolean;
}

/** R14 each scenario against the same baseline table. */
export function compareAll(
  workbook: Workbook,
  base: ContributionTable,
  scenarios: readonly Scenario[],
  budgetId: string,
  year: number,
): Comparison[] {
  return compareScenarios(workbook, scenarios, budgetId, year, base);
}

function rowsOf(comparisons: readonly Comparison[], ids: readonly string[], places: number): CompareRow[] {
  const key = (v: string | null | undefined) => (v === null || v === undefined ? null : toScaledBigInt(v, places));
  const byCode = new Map<string, CompareRow>();
  comparisons.forEach((c, i) => {
    const id = ids[i];
    for (const r of c.rows) {
      let row = byCode.get(r.code);
      if (!row) {
        row = {
          code: r.code,
          name: r.name,
          classBefore: r.classBefore,
          unitsBefore: r.unitsBefore,
          amountBefore: r.amountBefore,
          by: {},
          keys: { amountBefore: key(r.amountBefore) },
        };
        byCode.set(r.code, row);
      }
      row.by[id] = r;
      const d = key(r.difference)!;
      Object.assign(row.keys, {
        [`${id}:amountAfter`]: key(r.amountAfter),
        [`${id}:difference`]: d,
        [`${id}:abs`]: d < 0n ? -d : d,
      });
    }
  });
  return [...byCode.values()];
}

/** Grid formatters writing money in the user's number format (exact: from the decimal string). */
const moneyWith = (amount: (plain: string) => string) => (p: ValueFormatterParams) =>
  p.value ? amount(String(p.value)) : '';
const signedMoneyWith = (amount: (plain: string) => string) => {
  const signed = signedWith(amount);
  return (p: ValueFormatterParams) => (p.value ? signed(String(p.value)) : '');
};
const byKey = (k: string) => (_a: unknown, _b: unknown, na: IRowNode<CompareRow>, nb: IRowNode<CompareRow>) => {
  const a = na.data?.keys[k] ?? null;
  const b = nb.data?.keys[k] ?? null;
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
};
// Filters read the figures as numbers: filtering is for finding rows, never for money arithmetic.
const asNumber = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : Number(v));

/** A bar as long as the member's |difference| against the largest one: the biggest movers stand out. */
function MoverBar(p: ICellRendererParams<CompareRow> & { id: string; max: bigint }) {
  const t = useT();
  const amount = useAmount();
  const r = p.data?.by[p.id];
  if (!r || !p.data || p.data.pinned) return null;
  const d = p.data.keys[`${p.id}:difference`] ?? 0n;
  const abs = d < 0n ? -d : d;
  // Width for drawing only (a Number of a ratio of exact integers).
  const width = p.max === 0n ? 0 : Number((abs * 1000n) / p.max) / 10;
  return (
    <span
      className="mover"
      title={t('scenarios.compare.moverTitle', {
        difference: amount(r.difference),
        percent: r.percentChange === null ? 'none' : amount(r.percentChange),
      })}
    >
      <span className={d < 0n ? 'bar down' : 'bar up'} style={{ width: `${width}%` }} />
    </span>
  );
}

interface Props {
  workbook: Workbook;
  budget: Budget;
  year: number;
  base: ContributionTable;
  scenarios: readonly Scenario[];
  /** The scenario selected in the scenario bar: always compared, first. */
  primary: Scenario | null;
}

/** R14 the comparison view: baseline against one or several scenarios, sortable and filterable, biggest movers first. */
// Made once: AG Grid rebuilds its columns when it is handed a new defaultColDef (as on every render if inline).
const COMPARE_DEFAULT_COL = { resizable: true, sortable: true, floatingFilter: true, suppressHeaderMenuButton: true };
const compareRowId = (p: GetRowIdParams<CompareRow>) => (p.rowPinned ? 'total' : p.data.code);

export function ComparisonView({ workbook, budget, year, base, scenarios, primary }: Props) {
  const t = useT();
  const say = useSay();
  const amount = useAmount();
  const gridLocale = useGridLocale();
  const locale = useLocale();
  const localeId = locale.id;
  const words = useMemo(() => byText(localeId), [localeId]);
  const money = useMemo(() => moneyWith(amount), [amount]);
  const signedMoney = useMemo(() => signedMoneyWith(amount), [amount]);
  const apiRef = useRef<GridApi<CompareRow> | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const ids = useMemo(() => {
    const chosen = scenarios.filter((s) => s.id === primary?.id || extra.includes(s.id));
    const ordered = primary ? [primary, ...chosen.filter((s) => s.id !== primary.id)] : chosen;
    return ordered.length ? ordered.map((s) => s.id) : scenarios.slice(0, 1).map((s) => s.id);
  }, [scenarios, primary, extra]);
  const places = decimalPlaces(budget.roundingUnit);

  const computed = useMemo((): { comparisons: Comparison[]; error: string | null } => {
    try {
      const chosen = ids.map((id) => scenarios.find((s) => s.id === id)!);
      return { comparisons: compareAll(workbook, base, chosen, budget.id, year), error: null };
    } catch (e) {
      const m = messageOf(e);
      return { comparisons: [], error: m ? say(m) : (e as Error).message };
    }
  }, [workbook, base, scenarios, ids, budget.id, year, say]);
  const { comparisons } = computed;
  // Export writes the comparisons shown, in the grid's sort and filter order.
  const organization = workbook.organization.name;
  useExportSource(
    useCallback(
      () =>
        comparisons.length
          ? comparisonSource(comparisons, displayedCodes(apiRef.current), {
              organization,
              produced: today(),
              scenario: primary?.name,
              locale: locale.id,
              number: locale.number,
            })
          : null,
      [comparisons, organization, primary, locale],
    ),
  );
  const rows = useMemo(() => rowsOf(comparisons, ids, places), [comparisons, ids, places]);
  const maxAbs = useMemo(() => {
    let m = 0n;
    for (const r of rows) for (const id of ids) m = (r.keys[`${id}:abs`] ?? 0n) > m ? r.keys[`${id}:abs`]! : m;
    return m;
  }, [rows, ids]);
  const names = useMemo(() => new Map(scenarios.map((s) => [s.id, s.name])), [scenarios]);

  const start = usePinStart();
  const columnDefs = useMemo<(ColDef<CompareRow> | ColGroupDef<CompareRow>)[]>(() => {
    const first = ids[0];
    const text = { filter: 'agTextColumnFilter', filterParams: TEXT_FILTER_PARAMS } as const;
    const num = (get: (r: CompareRow) => string | null | undefined): Partial<ColDef<CompareRow>> => ({
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      filterValueGetter: (p) => (p.data ? asNumber(get(p.data)) : null),
    });
    const cols: (ColDef<CompareRow> | ColGroupDef<CompareRow>)[] = [
      {
        colId: 'code',
        field: 'code',
        headerName: t('scenarios.compare.code'),
        width: 90,
        // Issue 14: code and member pinned at the line's start (the right in Arabic and Persian).
        pinned: start,
        comparator: byCode,
        ...text,
      },
      {
        colId: 'name',
        field: 'name',
        headerName: t('scenarios.compare.member'),
        width: 180,
        pinned: start,
        comparator: words,
        ...text,
      },
    ];
    if (first) {
      cols.push({
        colId: 'mover',
        headerName: t('scenarios.compare.mover'),
        headerTooltip: t('scenarios.compare.moverTooltip', { scenario: names.get(first) ?? first }),
        width: 110,
        sort: 'desc',
        sortingOrder: ['desc', 'asc', null],
        comparator: byKey(`${first}:abs`),
        valueGetter: (p) => p.data?.by[first]?.difference ?? null,
        cellRenderer: MoverBar,
        cellRendererParams: { id: first, max: maxAbs },
        filter: false,
      });
    }
    cols.push({
      headerName: t('scenarios.baseline'),
      groupId: 'baseline',
      children: [
        {
          colId: 'classBefore',
          field: 'classBefore',
          headerName: t('scenarios.compare.class'),
          width: 76,
          // R1 classes by the units they carry.
          comparator: byClassUnits<CompareRow>((r) => r.unitsBefore),
          ...text,
        },
        {
          colId: 'unitsBefore',
          field: 'unitsBefore',
          headerName: t('scenarios.compare.units'),
          width: 76,
          comparator: byAmount,
          ...num((r) => r.unitsBefore),
        },
        {
          colId: 'amountBefore',
          field: 'amountBefore',
          headerName: t('scenarios.compare.amount', { currency: budget.currency }),
          // The amounts and differences take the room a wide window gives (issue 14).
          flex: 1,
          minWidth: 128,
          valueFormatter: money,
          comparator: byKey('amountBefore'),
          ...num((r) => r.amountBefore),
        },
      ],
    });
    ids.forEach((id, i) => {
      const get = (f: keyof ComparisonRow) => (r: CompareRow) => (r.by[id]?.[f] ?? null) as string | null;
      cols.push({
        headerName: names.get(id) ?? id,
        groupId: `s:${id}`,
        headerClass: 'scenario-group',
        children: [
          {
            colId: `${id}:classAfter`,
            headerName: t('scenarios.compare.class'),
            width: 76,
            valueGetter: (p) => (p.data ? get('classAfter')(p.data) : null),
            cellClassRules: { 'scenario-changed': (p) => Boolean(p.data?.by[id]?.changed) },
            comparator: byClassUnits<CompareRow>((r) => r.by[id]?.unitsAfter),
            ...text,
          },
          // Side by side, the other scenarios show class, amount and difference: the units stay with the first.
          {
            colId: `${id}:unitsAfter`,
            headerName: t('scenarios.compare.units'),
            width: 76,
            hide: i > 0,
            valueGetter: (p) => (p.data ? get('unitsAfter')(p.data) : null),
            comparator: byAmount,
            ...num(get('unitsAfter')),
          },
          {
            colId: `${id}:amountAfter`,
            headerName: t('scenarios.compare.amount', { currency: budget.currency }),
            flex: 1,
            minWidth: 128,
            valueGetter: (p) => (p.data ? get('amountAfter')(p.data) : null),
            valueFormatter: money,
            comparator: byKey(`${id}:amountAfter`),
            ...num(get('amountAfter')),
          },
          {
            colId: `${id}:difference`,
            headerName: t('scenarios.compare.difference'),
            flex: 1,
            minWidth: 118,
            valueGetter: (p) => (p.data ? get('difference')(p.data) : null),
            valueFormatter: signedMoney,
            comparator: byKey(`${id}:difference`),
            cellClassRules: {
              'diff-up': (p) => isPositiveDecimal(String(p.value)),
              'diff-down': (p) => String(p.value ?? '').startsWith('-'),
            },
            ...num(get('difference')),
          },
          {
            colId: `${id}:percentChange`,
            headerName: t('scenarios.compare.changePercent'),
            width: 96,
            valueGetter: (p) => (p.data ? get('percentChange')(p.data) : null),
            // Exactly, as the engine wrote it (a JS number would round past 15 digits, R3).
            comparator: byAmount,
            ...num(get('percentChange')),
          },
        ],
      });
    });
    return cols;
  }, [ids, names, budget.currency, maxAbs, t, money, signedMoney, words, start]);

  const total = useMemo((): CompareRow[] => {
    if (!comparisons.length) return [];
    const by: CompareRow['by'] = {};
    comparisons.forEach((c, i) => {
      by[ids[i]] = {
        code: '',
        name: '',
        classBefore: null,
        classAfter: null,
        unitsBefore: c.before.totalUnits,
        unitsAfter: c.after.totalUnits,
        amountBefore: c.before.total,
        amountAfter: c.after.total,
        difference: c.totalDifference,
        percentChange: null,
        changed: false,
      };
    });
    return [
      {
        code: t('scenarios.compare.total'),
        name: t('scenarios.compare.members', { count: rows.length }),
        classBefore: null,
        unitsBefore: base.totalUnits,
        amountBefore: base.total,
        by,
        keys: {},
        pinned: true,
      },
    ];
  }, [comparisons, ids, rows.length, base, t]);

  const others = scenarios.filter((s) => s.id !== primary?.id);
  return (
    <div className="comparison" data-testid="comparison-view">
      {scenarios.length === 0 ? (
        <p className="notice info">{t('scenarios.compare.none')}</p>
      ) : (
        <>
          <div className="compare-head">
            <table className="levels" data-testid="comparison-levels">
              <thead>
                <tr>
                  <th />
                  <th>{t('scenarios.compare.method')}</th>
                  <th>{t('scenarios.panel.totalCurrency', { currency: budget.currency })}</th>
                  <th>{t('scenarios.panel.unitValue')}</th>
                  <th>{t('scenarios.compare.difference')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th>{t('scenarios.baseline')}</th>
                  <td>
                    {t('scenarios.compare.methodName', { method: base.method === 'total' ? 'total' : 'unitValue' })}
                  </td>
                  <td>{amount(base.total)}</td>
                  <td>{amount(base.unitValue)}</td>
                  <td />
                </tr>
                {comparisons.map((c, i) => (
                  <tr key={ids[i]} data-testid={`levels-${ids[i]}`}>
                    <th>
                      <Bidi>{c.scenario}</Bidi>
                    </th>
                    <td>
                      {t('scenarios.compare.methodName', {
                        method: c.after.method === 'total' ? 'total' : 'unitValue',
                      })}
                    </td>
                    <td data-testid="level-total">{amount(c.after.total)}</td>
                    <td data-testid="level-unit-value">{amount(c.after.unitValue)}</td>
                    <td
                      className={
                        c.totalDifference.startsWith('-')
                          ? 'diff-down'
                          : /^0(\.0+)?$/.test(c.totalDifference)
                            ? ''
                            : 'diff-up'
                      }
                    >
                      {signedMoney({ value: c.totalDifference } as ValueFormatterParams)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {others.length > 0 && (
              <fieldset className="compare-with" data-testid="compare-with">
                <legend>
                  {primary
                    ? t('scenarios.compare.sideBySideWith', { name: primary.name })
                    : t('scenarios.compare.sideBySide')}
                </legend>
                {others.map((s) => (
                  <label key={s.id}>
                    <input
                      type="checkbox"
                      checked={ids.includes(s.id)}
                      onChange={(e) => setExtra((x) => (e.target.checked ? [...x, s.id] : x.filter((y) => y !== s.id)))}
                    />{' '}
                    <Bidi>{s.name}</Bidi>
                  </label>
                ))}
              </fieldset>
            )}
          </div>
          {computed.error && <p className="notice error">{computed.error}</p>}
          <div className="grid" data-testid="comparison-grid">
            <AgGridReact<CompareRow>
              {...gridLocale}
              theme={gridTheme}
              columnDefs={columnDefs}
              rowData={rows}
              pinnedBottomRowData={total}
              defaultColDef={COMPARE_DEFAULT_COL}
              getRowId={compareRowId}
              animateRows={false}
              tooltipShowDelay={300}
              onGridReady={(e) => (apiRef.current = e.api)}
              onGridPreDestroyed={() => (apiRef.current = null)}
            />
          </div>
        </>
      )}
    </div>
  );
}
