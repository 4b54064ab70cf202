import {
  CREDITING_ORDERS,
  setCreditingOrder,
  setOrganizationName,
  setVotingTest,
  refusal,
  VOTING_TESTS,
} from '../../shared/edit';
import { hasMessage } from '../../shared/i18n/intl';
import type { Workbook } from '../../shared/model/types';
import { CommitField } from './BudgetPanel';
import { LocaleChoice } from './LocaleChoice';
import { useArticle } from './articles';
import { useDocument } from './document/DocumentProvider';
import { useSay, useT } from './i18n';

// The organization's name (it heads every export) and R15's crediting order: one undoable step each (R12's rule is
// in the joining-and-leaving panel).

export function WorkbookSettings({ workbook }: { workbook: Workbook }) {
  const { run } = useDocument();
  const t = useT();
  const say = useSay();
  const article = useArticle();
  return (
    <details className="scheme-editor workbook-settings" data-testid="workbook-settings">
      <summary>{t('budgets.settings.title')}</summary>
      <div className="names">
        <CommitField
          label={t('budgets.settings.organization')}
          testId="organization-name"
          value={workbook.organization.name}
          commit={(text) =>
            text.trim() === workbook.organization.name
              ? null
              : refusal(
                  run((wb) => setOrganizationName(wb, text)),
                  say,
                )
          }
        />
      </div>
      <label className="field">
        <span>{t('budgets.settings.creditedTo')}</span>
        <select
          data-testid="crediting-order"
          value={workbook.settings.creditingOrder}
          onChange={(e) => run((wb) => setCreditingOrder(wb, e.target.value))}
        >
          {CREDITING_ORDERS.map(([order, words]) => (
            <option key={order} value={order}>
              {hasMessage(`budgets.settings.order.${order}`) ? t(`budgets.settings.order.${order}`) : words}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span title={article.vote}>{t('budgets.settings.votingTest')}</span>
        <select
          data-testid="voting-test"
          value={workbook.settings.votingTest ?? 'per-budget'}
          onChange={(e) => {
            const o = run((wb) => setVotingTest(wb, e.target.value));
            if (!o.ok) e.target.value = workbook.settings.votingTest ?? 'per-budget';
          }}
        >
          {VOTING_TESTS.map(([test, words]) => (
            <option key={test} value={test}>
              {hasMessage(`budgets.settings.test.${test}`) ? t(`budgets.settings.test.${test}`) : words}
            </option>
          ))}
        </select>
      </label>
      <LocaleChoice />
    </details>
  );
}
