import { Fragment, useState } from 'react';
import { entrySummary, journalOf } from '../../../shared/merge/journal';
import { useOpenDocument } from '../document/DocumentProvider';
import { useSay, useT } from '../i18n';
import { HeadedTable, ModalDialog } from '../layout/dialog';
import { useLocale } from '../locale';
import { groupByDay } from './history-days';
import { readAuthor, shellNames, startJournal, writeAuthor } from './journal-step';
import './merge.css';

// Issue 16 item 5: the history panel. Who changed what, newest first, from the workbook's journal; a workbook that
// keeps none can start one (a step like any other, so it is itself the first entry). Steps are grouped by day, each day
// a button that shows or hides its steps (Enter or Space, aria-expanded); the latest day is open.

const SHOWN = 500;

export function HistoryButton() {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <button onClick={() => setOpen(true)} data-testid="history-open">
        {t('merge.history.button')}
      </button>
      {open && <HistoryPanel onClose={() => setOpen(false)} />}
    </>
  );
}

function HistoryPanel({ onClose }: { onClose(): void }) {
  const { doc, run } = useOpenDocument();
  const t = useT();
  const say = useSay();
  const locale = useLocale();
  const [author, setAuthor] = useState(readAuthor);
  const journal = journalOf(doc.workbook);
  const lang = locale.number.locale;
  const when = (at: string) => new Date(at).toLocaleString(lang === 'en' ? undefined : lang);
  const entries = journal ? [...journal].reverse() : [];
  const days = groupByDay(entries.slice(0, SHOWN));
  // Days the user opened or closed; the others as by default (only the latest open).
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const isOpen = (key: string, i: number) => (i === 0) !== toggled.has(key);
  const toggle = (key: string) =>
    setToggled((s) => {
      const n = new Set(s);
      if (!n.delete(key)) n.add(key);
      return n;
    });
  const dayName = (at: string) =>
    new Date(at).toLocaleDateString(lang === 'en' ? undefined : lang, { dateStyle: 'full' });
  const change = (a: typeof author) => {
    setAuthor(a);
    writeAuthor(a);
  };
  /** The name recorded with each step, or the machine's: blank shows the shell's own as a placeholder. */
  const field = (key: 'user' | 'machine', label: string) => (
    <label>
      {label}{' '}
      <input
        data-testid={`history-${key}`}
        value={author[key]}
        placeholder={shellNames()[key]}
        onChange={(e) => change({ ...author, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <ModalDialog className="merge-view history" testId="history" titleId="history-title" onCancel={onClose}>
      <h2 id="history-title">{t('merge.history.title')}</h2>
      <p className="history-author">
        {field('user', t('merge.history.you'))} {field('machine', t('merge.history.machine'))}
        <br />
        <small>{t('merge.history.nameHint')}</small>
      </p>
      {!journal ? (
        <p>
          {t('merge.history.none')}{' '}
          <button data-testid="history-start" onClick={() => run(startJournal)}>
            {t('merge.history.start')}
          </button>
        </p>
      ) : entries.length === 0 ? (
        <p>{t('merge.history.empty')}</p>
      ) : (
        <HeadedTable
          className="merge-conflicts history-entries"
          testId="history-entries"
          columns={[t('merge.history.when'), t('merge.history.who'), t('merge.history.what')]}
        >
          {days.map((d, i) => {
            // A merged journal may hold a day twice (not in time order): its first step tells the two apart.
            const id = `${d.key}:${d.entries[0].id}`;
            const open = isOpen(id, i);
            return (
              <Fragment key={id}>
                <tr className="history-day">
                  <th colSpan={3} scope="rowgroup">
                    <button
                      type="button"
                      className="history-day-toggle"
                      data-testid="history-day"
                      aria-expanded={open}
                      onClick={() => toggle(id)}
                    >
                      {t('app.history.day', { day: dayName(d.entries[0].at), count: d.entries.length })}
                    </button>
                  </th>
                </tr>
                {open &&
                  d.entries.map((e) => (
                    <tr key={e.id} data-testid="history-entry">
                      <td>{when(e.at)}</td>
                      <td>
                        <bdi>{e.user || t('merge.history.unnamed')}</bdi>
                        {e.machine && (
                          <>
                            {' '}
                            (<bdi>{e.machine}</bdi>)
                          </>
                        )}
                      </td>
                      <td>{entrySummary(e, say)}</td>
                    </tr>
                  ))}
              </Fragment>
            );
          })}
          {entries.length > SHOWN && (
            <tr>
              <td colSpan={3}>{t('merge.history.more', { count: entries.length - SHOWN })}</td>
            </tr>
          )}
        </HeadedTable>
      )}
      <p className="merge-buttons">
        <button onClick={onClose} data-testid="history-close">
          {t('merge.history.close')}
        </button>
      </p>
    </ModalDialog>
  );
}
