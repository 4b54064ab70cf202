import { useCallback, useMemo, useState } from 'react';
import { isAmountKey, type Message } from '../../../shared/i18n/intl';
import {
  resolve,
  type Conflict,
  type MergeInputs,
  type MergeResult,
  type Side,
  type Taken,
} from '../../../shared/merge/merge';
import { isDecimal } from '../../../shared/model/fields';
import type { Workbook } from '../../../shared/model/types';
import { useAmount, useSay, useT, type T } from '../i18n';
import { HeadedTable, ModalDialog } from '../layout/dialog';
import { describePath, fieldWords, parsePath, renamedPath, summarize, viewValue, type MergeSummary } from './describe';
import './merge.css';

// Issue 16 item 3 in the app: the merge view. A merge without conflict lists what came from where (yours, theirs,
// both, renumbered) before it is applied; conflicts are shown side by side, a side chosen for each; a merge whose
// result is not a valid workbook says why and changes nothing. Applying is one undoable step (the caller runs it).

const SHOWN = 40;

/** A merge path in words: "payment pay-0013 › amount". */
export function useWhere(): (path: string) => string {
  const t = useT();
  return useCallback(
    (path: string) =>
      describePath(path)
        .map((m: Message) => t(m.id, m.values))
        .join(' › '),
    [t],
  );
}

export function SummaryLists({ summary, testid = 'merge-summary' }: { summary: MergeSummary; testid?: string }) {
  const t = useT();
  const where = useWhere();
  const groups: [string, 'ours' | 'theirs' | 'both', Taken[]][] = [
    [t('merge.summary.ours', { count: summary.ours.length }), 'ours', summary.ours],
    [t('merge.summary.theirs', { count: summary.theirs.length }), 'theirs', summary.theirs],
    [t('merge.summary.both', { count: summary.both.length }), 'both', summary.both],
  ];
  const nothing = groups.every(([, , l]) => l.length === 0) && summary.renamed.length === 0;
  return (
    <div className="merge-summary" data-testid={testid}>
      {nothing && <p>{t('merge.summary.none')}</p>}
      {groups
        .filter(([, , list]) => list.length > 0)
        .map(([title, from, list]) => (
          <section key={from} data-testid={`merge-from-${from}`}>
            <h3>{title}</h3>
            <ul>
              {list.slice(0, SHOWN).map((x, i) => (
                <li key={i}>{t(`merge.summary.${x.what}`, { where: where(x.path) })}</li>
              ))}
              {list.length > SHOWN && <li>{t('merge.summary.more', { count: list.length - SHOWN })}</li>}
            </ul>
          </section>
        ))}
      {summary.renamed.length > 0 && (
        <section data-testid="merge-renumbered">
          <h3>{t('merge.summary.renamed', { count: summary.renamed.length })}</h3>
          <ul>
            {summary.renamed.map((r, i) => (
              <li key={i}>{t('merge.summary.renumbered', { side: r.side, where: where(renamedPath(r)), to: r.to })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One side's value in a conflict: removed, a value (an amount in the user's format), or a record's fields. */
function Value({ value, path, t }: { value: unknown; path: string; t: T }) {
  const amount = useAmount();
  const say = (m: Message) => t(m.id, m.values);
  const v = viewValue(value);
  if (v.kind === 'absent') return <em>{t('merge.value.absent')}</em>;
  const last = parsePath(path).at(-1);
  const field = last && 'field' in last ? last.field : '';
  const write = (key: string, text: string) => (isAmountKey(key) && isDecimal(text) ? amount(text) : text);
  if (v.kind === 'text') return <bdi>{v.text === '' ? t('merge.value.empty') : write(field, v.text)}</bdi>;
  return (
    <span>
      {v.fields.map((f, i) => (
        <span key={f.field}>
          {i > 0 && ', '}
          {say(fieldWords(f.field))}: <bdi>{write(f.field, f.text)}</bdi>
        </span>
      ))}
      {v.more > 0 && ` ${t('merge.summary.more', { count: v.more })}`}
    </span>
  );
}

function ConflictRows({
  conflicts,
  choices,
  choose,
}: {
  conflicts: Conflict[];
  choices: Record<string, Side>;
  choose(path: string, side: Side): void;
}) {
  const t = useT();
  const where = useWhere();
  return (
    <HeadedTable
      className="merge-conflicts"
      testId="merge-conflicts"
      columns={[t('merge.view.where'), t('merge.view.ours'), t('merge.view.theirs')]}
    >
      {conflicts.map((c, i) => (
        <tr key={c.path} data-testid="conflict" data-path={c.path}>
          <th scope="row">{where(c.path)}</th>
          {(['ours', 'theirs'] as const).map((side) => (
            <td key={side} className={choices[c.path] === side ? 'chosen' : undefined}>
              <label>
                <input
                  type="radio"
                  name={`conflict-${i}`}
                  data-testid={`choose-${side}`}
                  checked={choices[c.path] === side}
                  onChange={() => choose(c.path, side)}
                />{' '}
                <Value value={c[side]} path={c.path} t={t} />
              </label>
            </td>
          ))}
        </tr>
      ))}
    </HeadedTable>
  );
}

export interface MergeViewProps {
  /** The file merged with, as it is on disk. */
  file: string;
  result: MergeResult;
  /** What was merged: the summary tells a part one side alone changed record by record from them. */
  inputs: MergeInputs;
  /** Applies the merged workbook (one undoable step) and saves it over the version on disk. */
  onApply(workbook: Workbook, result: MergeResult): void;
  onCancel(): void;
}

export function MergeView({ file, result: first, inputs, onApply, onCancel }: MergeViewProps) {
  const t = useT();
  const sayMsg = useSay();
  const [choices, setChoices] = useState<Record<string, Side>>({});
  // The last resolve that did not give a merged workbook (choices that make it invalid): said, nothing changed.
  const [after, setAfter] = useState<MergeResult | null>(null);
  const result = after ?? first;
  const summary = useMemo(() => summarize(result, inputs), [result, inputs]);
  const conflicts = first.kind === 'conflicts' ? first.conflicts : [];
  const left = conflicts.filter((c) => !choices[c.path]).length;
  const choose = (path: string, side: Side) => {
    setAfter(null);
    setChoices((c) => ({ ...c, [path]: side }));
  };
  const all = (side: Side) => {
    setAfter(null);
    setChoices(Object.fromEntries(conflicts.map((c) => [c.path, side])));
  };
  const apply = () => {
    if (first.kind === 'merged') return onApply(first.workbook, first);
    if (first.kind !== 'conflicts' || left > 0) return;
    const r = resolve(first, choices);
    if (r.kind === 'merged') onApply(r.workbook, r);
    else setAfter(r);
  };
  const invalid = result.kind === 'invalid' ? result : null;
  return (
    <ModalDialog className="merge-view" testId="merge-view" titleId="merge-view-title" onCancel={onCancel}>
      <h2 id="merge-view-title">{t('merge.view.title', { file })}</h2>
      {first.kind === 'merged' && <p data-testid="merge-state">{t('merge.view.merged')}</p>}
      {first.kind === 'conflicts' && (
        <>
          <p data-testid="merge-state">{t('merge.view.conflicts', { count: conflicts.length })}</p>
          <p className="merge-all">
            <button onClick={() => all('ours')} data-testid="choose-all-ours">
              {t('merge.view.allOurs')}
            </button>{' '}
            <button onClick={() => all('theirs')} data-testid="choose-all-theirs">
              {t('merge.view.allTheirs')}
            </button>
          </p>
          <ConflictRows conflicts={conflicts} choices={choices} choose={choose} />
        </>
      )}
      {invalid && (
        <div className="notice error" role="alert" data-testid="merge-invalid">
          <span>{t('merge.view.invalid')}</span>
          <ul>
            {invalid.problems.slice(0, 20).map((p, i) => (
              <li key={i}>{p.msg ? sayMsg(p.msg) : p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <SummaryLists summary={summary} />
      <form method="dialog" className="merge-buttons" onSubmit={(e) => e.preventDefault()}>
        {first.kind !== 'invalid' && (
          <button
            type="button"
            className="primary"
            data-testid="merge-apply"
            disabled={first.kind === 'conflicts' && left > 0}
            title={left > 0 ? t('merge.view.chooseAll', { count: left }) : undefined}
            onClick={apply}
          >
            {t('merge.view.apply')}
          </button>
        )}{' '}
        <button type="button" data-testid="merge-cancel" onClick={onCancel}>
          {first.kind === 'invalid' ? t('merge.view.close') : t('merge.view.cancel')}
        </button>
      </form>
    </ModalDialog>
  );
}
