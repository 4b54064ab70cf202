import type { ChangeEvent } from 'react';
import type { Budget } from '../../../shared/model/types';

/** A budget picker whose first choice covers every budget (`allValue`). */
export function BudgetSelect(props: { budgets: readonly Budget[]; value: string; allValue: string; testId: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => void }) {
  return (
    <select data-testid={props.testId} value={props.value} onChange={props.onChange}>
      <option value={props.allValue}>All budgets</option>
      {props.budgets.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </select>
  );
}
