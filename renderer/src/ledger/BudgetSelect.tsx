import type { ChangeEvent } from 'react';
import type { Budget } from '../../../shared/model/types';
import { useT } from '../i18n';

/** A budget picker whose first choice covers every budget (`allValue`). */
export function BudgetSelect(props: {
  budgets: readonly Budget[];
  value: string;
  allValue: string;
  testId: string;
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
}) {
  const t = useT();
  return (
    <select data-testid={props.testId} value={props.value} onChange={props.onChange}>
      <option value={props.allValue}>{t('ledger.allBudgets')}</option>
      {props.budgets.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </select>
  );
}
