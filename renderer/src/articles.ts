import { useMemo } from 'react';
import { useT } from './i18n';

// The treaty article behind a label, shown in its tooltip: users can look an article up, not a rule id (DOMAIN.md's
// R-numbers stay in the code). Paris and Locarno have the same provisions (Paris 16, Locarno 7). The words are in the
// catalogs (budgets.article.*), in the user's language through useArticle().
const IDS = {
  /** R1 */
  classes: 'budgets.article.classes',
  /** R4 */
  total: 'budgets.article.total',
  /** R8 */
  due: 'budgets.article.due',
  /** R13 */
  classChange: 'budgets.article.classChange',
  /** R16, R17 */
  vote: 'budgets.article.vote',
  /** R19 */
  wcf: 'budgets.article.wcf',
  /** R20 */
  advances: 'budgets.article.advances',
} as const;

export type Article = keyof typeof IDS;

const words = (t: (id: string) => string) =>
  Object.fromEntries(Object.entries(IDS).map(([k, id]) => [k, t(id)])) as Record<Article, string>;

/** The articles' tooltips in the user's language. */
export function useArticle(): Record<Article, string> {
  const t = useT();
  return useMemo(() => words(t), [t]);
}
