import { useLocale } from '../locale';

/**
 * Where a grid's key columns (code, member) are pinned: the start of the line (issue 14). AG Grid keeps
 * `pinned: 'left'` on the left in right-to-left languages, so Arabic and Persian pin them on the right.
 */
export function usePinStart(): 'left' | 'right' {
  return useLocale().dir === 'rtl' ? 'right' : 'left';
}

/** The member's name beside the pinned code: wide enough for most names, never flexed (a pinned column is not). */
export const PINNED_NAME_WIDTH = 210;
