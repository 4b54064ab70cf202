import type { AgLocaleOptions } from 'ag-charts-community';
import { useMemo } from 'react';
import { useT } from '../i18n';

// AG Charts' own texts (the overlay when nothing is drawn, the legend's and the chart's labels for screen readers)
// from our catalogs, so a chart speaks the user's language; keys not listed keep AG Charts' English.
const OURS: Record<string, string> = {
  overlayNoData: 'budgets.charts.ag.noData',
  overlayNoVisibleSeries: 'budgets.charts.ag.noVisibleSeries',
  overlayLoadingData: 'budgets.charts.ag.loading',
  ariaInitSeriesArea: 'budgets.charts.ag.interactive',
  ariaLabelLegend: 'budgets.charts.ag.legend',
  ariaDescriptionLegendItem: 'budgets.charts.ag.legendToggle',
  ariaLabelLegendItem: 'budgets.charts.ag.legendItem',
};

/** The `locale` option of every chart (LocaleModule registered). */
export function useChartLocale(): AgLocaleOptions {
  const t = useT();
  return useMemo(
    () => ({
      getLocaleText: ({ key, variables }) => {
        const id = OURS[key];
        if (!id) return undefined as unknown as string; // AG Charts' own English
        const v = Object.fromEntries(Object.entries(variables ?? {}).map(([k, x]) => [k, String(x)]));
        return t(id, v);
      },
    }),
    [t],
  );
}
