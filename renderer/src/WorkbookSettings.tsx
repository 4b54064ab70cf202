import { CREDITING_ORDERS, setCreditingOrder, setOrganizationName, setVotingTest, refusal, VOTING_TESTS } from '../../shared/edit';
import type { Workbook } from '../../shared/model/types';
import { CommitField } from './BudgetPanel';
import { LocaleChoice } from './LocaleChoice';
import { ARTICLE } from './articles';
import { useDocument } from './document/DocumentProvider';

// The organization's name (it heads every export) and R15's crediting order: one undoable step each (R12's rule is
// in the joining-and-leaving panel).

export function WorkbookSettings({ workbook }: { workbook: Workbook }) {
  const { run } = useDocument();
  return (
    <details className="scheme-editor workbook-settings" data-testid="workbook-settings">
      <summary>Organization and settings</summary>
      <div className="names">
        <CommitField
          label="Organization (heads every exported table)"
          testId="organization-name"
          value={workbook.organization.name}
          commit={(text) => (text.trim() === workbook.organization.name ? null : refusal(run((wb) => setOrganizationName(wb, text))))}
        />
      </div>
      <label className="field">
        <span>A payment is credited to</span>
        <select data-testid="crediting-order" value={workbook.settings.creditingOrder} onChange={(e) => run((wb) => setCreditingOrder(wb, e.target.value))}>
          {CREDITING_ORDERS.map(([order, words]) => (
            <option key={order} value={order}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span title={ARTICLE.vote}>The vote is lost for arrears</span>
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
              {words}
            </option>
          ))}
        </select>
      </label>
      <LocaleChoice />
    </details>
  );
}
