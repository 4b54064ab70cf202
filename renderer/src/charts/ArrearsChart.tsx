import { CategoryAxisModule, LegendModule, LineSeriesModule, ModuleRegistry, NumberAxisModule, type AgChartOptions } from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo } from 'react';
import { groupThousands } from '../../../shared/model/decimal';
import type { ArrearsPoint } from '../ledger/arrears-over-time';

// R16–R17 arrears against the loss-of-vote threshold at each 1 January. Number(...) of the engine's decimal strings
// is for drawing only. Loaded on demand (React.lazy) like ChartsView: AG Charts stays out of the main bundle.

ModuleRegistry.registerModules([LineSeriesModule, LegendModule, CategoryAxisModule, NumberAxisModule]);

interface Props {
  points: readonly ArrearsPoint[];
  currency: string;
  title: string;
}

export function ArrearsChart({ points, currency, title }: Props) {
  const options = useMemo((): AgChartOptions => {
    const data = points.map((p) => ({ label: p.date, arrears: Number(p.arrears), threshold: Number(p.threshold), arrearsText: p.arrears, thresholdText: p.threshold, status: p.status }));
    const tip = (key: 'arrearsText' | 'thresholdText', name: string) => ({
      renderer: ({ datum }: { datum: (typeof data)[number] }) => ({ heading: datum.label, data: [{ label: name, value: `${groupThousands(datum[key])} ${currency}` }, { label: 'Status', value: datum.status }] }),
    });
    return {
      title: { text: title, fontSize: 14 },
      subtitle: { text: 'on each 1 January: no vote when the arrears reach the threshold (WIPO Convention Art. 11(5))' },
      data,
      series: [
        { type: 'line', xKey: 'label', yKey: 'arrears', yName: 'Arrears', stroke: '#c0392b', marker: { fill: '#c0392b', size: 6 }, tooltip: tip('arrearsText', 'Arrears') },
        { type: 'line', xKey: 'label', yKey: 'threshold', yName: 'Threshold', stroke: '#4e79a7', lineDash: [6, 4], marker: { fill: '#4e79a7', size: 5 }, tooltip: tip('thresholdText', 'Threshold') },
      ],
      axes: {
        x: { type: 'category', position: 'bottom', label: { formatter: ({ value }) => String(value).slice(0, 4) } },
        y: { type: 'number', position: 'left', title: { text: currency }, label: { formatter: ({ value }) => groupThousands(String(Math.round(Number(value)))) } },
      },
      legend: { position: 'bottom' },
    };
  }, [points, currency, title]);
  return <AgCharts options={options} />;
}

export default ArrearsChart;
