import type { GridOptions } from 'ag-grid-community';
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
