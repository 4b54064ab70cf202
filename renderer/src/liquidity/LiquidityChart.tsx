import {
  CategoryAxisModule,
  LegendModule,
  LineSeriesModule,
  LocaleModule,
  ModuleRegistry,
  NumberAxisModule,
  type AgChartOptions,
  type AgLineSeriesOptions,
} from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo } from 'react';
import type { LiquidityProjection } from '../../../shared/engine/liquidity';
import { useChartLocale } from '../charts/chartLocale';
import { useAmount, useT } from '../i18n';
import { useLocale } from '../locale';
import { dayInWords } from './words';

// R24 cash, the working capital fund and the advances over the year: 1 January, then each month-end; a what-if
// drawn dashed over the baseline. Number(...) of the engine's decimal strings is for drawing only. Loaded on demand
// (React.lazy) like the other charts, so AG Charts stays out of the main bundle.

ModuleRegistry.registerModules([LineSeriesModule, LegendModule, CategoryAxisModule, NumberAxisModule, LocaleModule]);

const COLOURS = { cash: '#2e7d4f', wcf: '#4e79a7', advances: '#c0392b' } as const;
type Key = keyof typeof COLOURS;
const KEYS: Key[] = ['cash', 'wcf', 'advances'];

interface Props {
  baseline: LiquidityProjection;
  whatIf: LiquidityProjection | null;
  title: string;
}

export function LiquidityChart({ baseline, whatIf, title }: Props) {
  const t = useT();
  const amount = useAmount();
  const locale = useLocale();
  const chartLocale = useChartLocale();
  const options = useMemo((): AgChartOptions => {
    const points = (p: LiquidityProjection) => [
      { date: `${p.year}-01-01`, cash: p.opening.cash, wcf: p.opening.wcf, advances: p.opening.advances },
      ...p.months.map((m) => ({ date: m.date, cash: m.cash, wcf: m.wcf, advances: m.advances })),
    ];
    const base = points(baseline);
    const alt = whatIf ? points(whatIf) : null;
    const data = base.map((b, i) => {
      const row: Record<string, string | number> = { date: b.date };
      for (const k of KEYS) {
        row[k] = Number(b[k]);
        row[`${k}Text`] = b[k];
        if (alt) {
          row[`${k}WhatIf`] = Number(alt[i][k]);
          row[`${k}WhatIfText`] = alt[i][k];
        }
      }
      return row;
    });
    const name = (k: Key) => t(`liquidity.chart.${k}`);
    const line = (k: Key, what: boolean): AgLineSeriesOptions => {
      const key = what ? `${k}WhatIf` : k;
      const label = what ? t('liquidity.chart.whatIf', { series: name(k) }) : name(k);
      return {
        type: 'line',
        xKey: 'date',
        yKey: key,
        yName: label,
        stroke: COLOURS[k],
        strokeWidth: what ? 2 : 2.5,
        ...(what ? { lineDash: [6, 4] } : {}),
        marker: {
          fill: COLOURS[k],
          stroke: COLOURS[k],
          size: what ? 4 : 6,
          ...(what ? { shape: 'diamond' as const } : {}),
        },
        tooltip: {
          renderer: ({ datum }: { datum: Record<string, string> }) => ({
            heading: dayInWords(datum.date, locale.id, locale.number.nativeDigits),
            data: [{ label, value: `${amount(datum[`${key}Text`])} ${baseline.currency}` }],
          }),
        },
      };
    };
    return {
      locale: chartLocale,
      title: { text: title, fontSize: 14 },
      subtitle: { text: t('liquidity.chart.subtitle') },
      data,
      series: [...KEYS.map((k) => line(k, false)), ...(alt ? KEYS.map((k) => line(k, true)) : [])],
      axes: {
        x: {
          type: 'category',
          position: 'bottom',
          label: {
            formatter: ({ value }) => dayInWords(String(value), locale.id, locale.number.nativeDigits, 'short'),
          },
        },
        y: {
          type: 'number',
          position: 'left',
          title: { text: baseline.currency },
          label: { formatter: ({ value }) => amount(String(Math.round(Number(value)))) },
        },
      },
      // Six series under a what-if: two rows of legend rather than pages of it.
      legend: { position: 'bottom', maxHeight: 64, spacing: 16 },
    };
  }, [baseline, whatIf, title, t, amount, locale, chartLocale]);
  return <AgCharts options={options} />;
}

export default LiquidityChart;
