import {
  BarSeriesModule,
  CategoryAxisModule,
  DonutSeriesModule,
  LegendModule,
  LocaleModule,
  ModuleRegistry,
  NumberAxisModule,
  type AgChartOptions,
} from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo } from 'react';
import type { ContributionTable } from '../../../shared/engine';
import { Decimal } from '../../../shared/model/decimal';
import type { Comparison } from '../../../shared/scenario/scenario';
import { useAmount, useT } from '../i18n';
import { useChartLocale } from './chartLocale';
import { useCount } from '../ledger/rich';

// Charts draw the engine's figures: Number(...) of its decimal strings is for drawing only, never for money logic.
// Loaded on demand (React.lazy), so AG Charts stays out of the main bundle.

ModuleRegistry.registerModules([
  BarSeriesModule,
  DonutSeriesModule,
  LegendModule,
  CategoryAxisModule,
  NumberAxisModule,
  LocaleModule,
]);

const TOP = 12;
const MOVERS = 15;
const UP = '#d9655b';
const DOWN = '#4fa46c';
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#7f8fa6',
  '#86bcb6',
  '#d4a6c8',
];
const OTHERS = '#c9ced8';

interface Props {
  /** The table shown: the baseline's, or the selected scenario's. */
  table: ContributionTable;
  comparison: Comparison | null;
  scenarioName: string | null;
}

/** Each member's share (the largest, then the others together), the split by class, and a scenario's movers. */
export function ChartsView({ table, comparison, scenarioName }: Props) {
  const t = useT();
  const amount = useAmount();
  const count = useCount();
  const locale = useChartLocale();
  const currency = table.budget.currency;
  const what = `${table.budget.name}, ${table.year ?? ''}${scenarioName ? ` · ${scenarioName}` : ''}`;
  // Drawn figures written back as the user writes amounts (whole units on the axes and in the tooltips).
  const { money, axis, percent } = useMemo(
    () => ({
      money: (v: number) => `${amount(new Decimal(v).toFixed(0))} ${currency}`,
      axis: ({ value }: { value: unknown }) => amount(String(Math.round(Number(value)))),
      percent: (p: string) => t('budgets.charts.percent', { percent: amount(p) }),
    }),
    [amount, currency, t],
  );

  const shares = useMemo((): AgChartOptions => {
    const sorted = [...table.rows].sort((a, b) => new Decimal(b.amount).cmp(a.amount));
    const top = sorted.slice(0, TOP);
    const rest = sorted.slice(TOP);
    // The others' sum is exact (Decimal) before it becomes a number to draw.
    const others = rest.reduce((s, r) => s.plus(r.amount), new Decimal(0));
    const data = [
      ...top.map((r) => ({ label: `${r.code} ${r.name}`, code: r.code, amount: Number(r.amount), percent: r.percent })),
      ...(rest.length
        ? [
            {
              label: t('budgets.charts.others', { count: rest.length, n: count(rest.length) }),
              code: 'others',
              amount: Number(others.toFixed()),
              percent: '',
            },
          ]
        : []),
    ];
    return {
      locale,
      title: { text: t('budgets.charts.shares') },
      subtitle: { text: what },
      data,
      series: [
        {
          type: 'donut',
          angleKey: 'amount',
          legendItemKey: 'label',
          sectorLabelKey: 'code',
          innerRadiusRatio: 0.55,
          fills: [...PALETTE.slice(0, top.length), ...(rest.length ? [OTHERS] : [])],
          sectorLabel: { formatter: ({ datum }) => (datum.code === 'others' ? '' : String(datum.code)) },
          tooltip: {
            renderer: ({ datum }) => ({
              heading: String(datum.label),
              data: [
                { label: t('budgets.charts.amount'), value: money(datum.amount) },
                ...(datum.percent ? [{ label: t('budgets.charts.share'), value: percent(datum.percent) }] : []),
              ],
            }),
          },
        },
      ],
      legend: { position: 'right', item: { label: { maxLength: 28 } } },
    };
  }, [table, what, t, locale, money, percent, amount, axis, count]);

  const byClass = useMemo((): AgChartOptions => {
    const groups = new Map<string, { amount: Decimal; members: number; units: string }>();
    for (const r of table.rows) {
      const k = r.class ?? t('budgets.charts.weight', { units: amount(r.units) });
      const g = groups.get(k) ?? { amount: new Decimal(0), members: 0, units: r.units };
      groups.set(k, { amount: g.amount.plus(r.amount), members: g.members + 1, units: g.units });
    }
    // Classes in the scheme's order: the most units first.
    const data = [...groups]
      .sort(([, a], [, b]) => new Decimal(b.units).cmp(a.units))
      .map(([cls, g]) => ({ cls, amount: Number(g.amount.toFixed()), members: g.members }));
    return {
      locale,
      title: { text: t('budgets.charts.byClass') },
      subtitle: { text: what },
      data,
      series: [
        {
          type: 'bar',
          xKey: 'cls',
          yKey: 'amount',
          yName: t('budgets.charts.amountIn', { currency }),
          fill: '#6a7fb5',
          label: { formatter: ({ datum }) => count(datum.members) },
          tooltip: {
            renderer: ({ datum }) => ({
              heading: t('budgets.charts.class', { cls: datum.cls }),
              data: [
                { label: t('budgets.charts.amount'), value: money(datum.amount) },
                { label: t('budgets.charts.members'), value: count(datum.members) },
              ],
            }),
          },
        },
      ],
      axes: {
        x: { type: 'category', position: 'bottom', title: { text: t('budgets.charts.classAxis') } },
        y: { type: 'number', position: 'left', label: { formatter: axis } },
      },
      legend: { enabled: false },
    };
  }, [table, what, t, locale, money, percent, amount, axis, count]);

  const movers = useMemo((): AgChartOptions | null => {
    if (!comparison) return null;
    const abs = (d: string) => new Decimal(d).abs();
    const data = [...comparison.rows]
      .filter((r) => !new Decimal(r.difference).isZero())
      .sort((a, b) => abs(b.difference).cmp(abs(a.difference)))
      .slice(0, MOVERS) // the first category is drawn on top: the biggest mover first
      .map((r) => ({
        label: `${r.code} ${r.name}`.slice(0, 34),
        difference: Number(r.difference),
        text: r.difference,
        percent: r.percentChange,
      }));
    return {
      locale,
      title: { text: t('budgets.charts.movers', { scenario: comparison.scenario }) },
      subtitle: {
        text: t('budgets.charts.moversSubtitle', { budget: table.budget.name, year: String(table.year ?? '') }),
      },
      data,
      series: [
        {
          type: 'bar',
          direction: 'horizontal',
          xKey: 'label',
          yKey: 'difference',
          yName: t('budgets.charts.differenceIn', { currency }),
          itemStyler: ({ datum }) => ({ fill: datum.difference < 0 ? DOWN : UP }),
          tooltip: {
            renderer: ({ datum }) => ({
              heading: String(datum.label),
              data: [
                { label: t('budgets.charts.difference'), value: `${amount(datum.text)} ${currency}` },
                {
                  label: t('budgets.charts.change'),
                  value: datum.percent === null ? t('budgets.charts.new') : percent(datum.percent),
                },
              ],
            }),
          },
        },
      ],
      axes: {
        y: { type: 'category', position: 'left' },
        x: { type: 'number', position: 'bottom', label: { formatter: axis } },
      },
      legend: { enabled: false },
    };
  }, [comparison, table, currency, t, locale, amount, percent, axis]);

  return (
    <div className="charts" data-testid="charts-view">
      <div className="chart" data-testid="chart-shares">
        <AgCharts options={shares} />
      </div>
      <div className="chart" data-testid="chart-classes">
        <AgCharts options={byClass} />
      </div>
      {movers ? (
        <div className="chart wide" data-testid="chart-movers">
          {(movers.data?.length ?? 0) === 0 ? (
            <p className="muted">{t('budgets.charts.noMovers')}</p>
          ) : (
            <AgCharts options={movers} />
          )}
        </div>
      ) : (
        <p className="muted chart-hint">{t('budgets.charts.pickScenario')}</p>
      )}
    </div>
  );
}

export default ChartsView;
