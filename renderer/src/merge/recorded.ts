import { useMemo } from 'react';
import { entrySummary, journalOf, recordedIndex, type JournalEntry } from '../../../shared/merge/journal';
import type { Workbook } from '../../../shared/model/types';
import { useSay, useT } from '../i18n';
import { whoValues } from './messages';

// Issue 16 item 5: the payment and status views say who recorded each payment and decision, from the journal.

export interface Recorded {
  /** The cell: the user's name, else the computer's. */
  who: string;
  /** The tooltip: who, on which computer, when, and the step's own words. */
  tip: string;
}

/**
 * Who recorded a record of `list` (`payments`, `votingDecisions`) by its id; undefined when the workbook keeps no
 * journal, so the views show no column for it.
 */
export function useRecordedBy(
  workbook: Workbook,
  list: 'payments' | 'votingDecisions',
): ((id: string) => Recorded | undefined) | undefined {
  const t = useT();
  const say = useSay();
  // The journal as stored: journalOf makes a new list each time, the stored one changes only with a step.
  const stored = (workbook as { journal?: unknown }).journal;
  const index = useMemo(() => {
    const journal = journalOf({ journal: stored } as unknown as Workbook);
    return journal ? recordedIndex(journal) : undefined;
  }, [stored]);
  return useMemo(() => {
    if (!index) return undefined;
    const words = (e: JournalEntry): Recorded => {
      const at = new Date(e.at);
      const tip = t(Number.isNaN(at.getTime()) ? 'merge.recorded.tipNoTime' : 'merge.recorded.tip', {
        ...whoValues({ user: e.user ?? '', machine: e.machine ?? '', since: e.at }),
        at,
        summary: entrySummary(e, say),
      });
      return { who: e.user || e.machine || t('merge.history.unnamed'), tip };
    };
    return (id: string) => {
      const e = index.get(`${list}[${id}]`);
      return e && words(e);
    };
  }, [index, list, t, say]);
}
