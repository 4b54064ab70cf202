import type { ColDef, GetQuickFilterTextParams, GridOptions, ValueFormatterParams } from 'ag-grid-community';
import { fold, matchesSearch, searchWords } from '../../../shared/model/fold';

// The find boxes ignore case and accents (issue 14): AG Grid's quick filter and its text column filters read through
// the one fold of shared/model/fold.ts. The grid upper-cases the row's text before the matcher sees it; folding it
// again gives the same words as folding the original.

/** Spread into an AgGridReact that takes `quickFilterText`. */
export const FIND_OPTIONS = {
  quickFilterParser: (query: string) => searchWords(query),
  quickFilterMatcher: (words: string[], rowText: string) => matchesSearch(words, rowText),
} satisfies Pick<GridOptions, 'quickFilterParser' | 'quickFilterMatcher'>;

/** `filterParams` of a text column filter: the typed text and the cell compared without case or accents. */
export const TEXT_FILTER_PARAMS = {
  textFormatter: (from: string) => fold(from),
};

/**
 * The quick filter reads what each cell shows (issue 11), not only the value it holds: AG Grid gives it the raw value,
 * so ألف found nothing where Arabic shows class A so, nor 1 234,50 an amount shown that way in French. A column with
 * a valueFormatter (and no quick-filter text of its own) is searched in both: the value and the shown text.
 */
export function findShown<T>(columns: ColDef<T>[]): ColDef<T>[] {
  return columns.map((c) => {
    const format = c.valueFormatter;
    if (c.getQuickFilterText || typeof format !== 'function') return c;
    return {
      ...c,
      getQuickFilterText: (p: GetQuickFilterTextParams<T>) => {
        const raw = p.value == null ? '' : String(p.value);
        const shown = format(p as unknown as ValueFormatterParams<T>);
        return shown && shown !== raw ? `${raw}\n${shown}` : raw;
      },
    };
  });
}
