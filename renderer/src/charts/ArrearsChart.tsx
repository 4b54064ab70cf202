import {
  CategoryAxisModule,
  LegendModule,
  LineSeriesModule,
  LocaleModule,
  ModuleRegistry,
  NumberAxisModule,
  type AgChartOptions,
} from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo } from 'react';
import { useDateReader } from '../DateField';
import { useAmount, useT } from '../i18n';
import { useStatusWords } from '../ledger/statusWords';
import { useChartLocale } from './chartLocale';
import type { ArrearsPoint } from '../ledger/arrears-over-time';

// R16–R17 arrears against the loss-of-vote threshold at each 1 January. Number(...) of the engine's decimal strings
// is for drawing only. Loaded on demand (React.lazy) like ChartsView: AG Charts stays out of the main bundle.

ModuleRegistry.registerModules([LineSeriesModule, LegendModule, CategoryAxisModule, NumberAxisModule, LocaleModule]);

interface Props {
  points: readonly ArrearsPoint[];
  currency: string;
  title: string;
}

export function ArrearsChart({ points, currency, title }: Props) {
  const t = useT();
  const amount = useAmount();
  const words = useStatusWords();
  const { show } = useDateReader();
  const locale = useChartLocale();
  const options = useMemo((): AgChartOptions => {
    const data = points.map((p) => ({
      label: p.date,
      arrears: Number(p.arrears),
      threshold: Number(p.threshold),
      arrearsText: p.arrears,
      thresholdText: p.threshold,
      status: p.status,
    }));
    const tip = (key: 'arrearsText' | 'thresholdText', name: string) => ({
      renderer: ({ datum }: { datum: (typeof data)[number] }) => ({
        heading: show(datum.label),
        data: [
          { label: name, value: `${amount(datum[key])} ${currency}` },
          { label: t('ledger.col.status'), value: words(datum.status) },
        ],
      }),
    });
    const arrears = t('ledger.col.arrears');
    const threshold = t('ledger.col.threshold');
    return {
      locale,
      title: { text: title, fontSize: 14 },
      subtitle: { text: t('ledger.arrears.subtitle') },
      data,
      series: [
        {
          type: 'line',
          xKey: 'label',
          yKey: 'arrears',
          yName: arrears,
          stroke: '#c0392b',
          marker: { fill: '#c0392b', size: 6 },
          tooltip: tip('arrearsText', arrears),
        },
        {
          type: 'line',
          xKey: 'label',
          yKey: 'threshold',
          yName: threshold,
          stroke: '#4e79a7',
          lineDash: [6, 4],
          marker: { fill: '#4e79a7', size: 5 },
          tooltip: tip('thresholdText', threshold),
        },
      ],
      axes: {
        x: { type: 'category', position: 'bottom', label: { formatter: ({ value }) => String(value).slice(0, 4) } },
        y: {
          type: 'number',
          position: 'left',
          title: { text: currency },
          label: { formatter: ({ value }) => amount(String(Math.round(Number(value)))) },
        },
      },
      legend: { position: 'bottom' },
    };
  }, [points, currency, title, t, amount, words, show, locale]);
  return <AgCharts options={options} />;
}

export default ArrearsChart;
