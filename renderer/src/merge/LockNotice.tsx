import { useState } from 'react';
import { useDocument } from '../document/DocumentProvider';
import { useT } from '../i18n';
import { lockNotice, whoValues } from './messages';

// Issue 16 item 1: a workbook someone else has open (its lock file) opens read-only. The notice names who and since
// when; "Open read-only" keeps it so (a short banner stays), "Edit anyway" tells the shell and lifts it.

export function LockNotice() {
  const { doc, editAnyway, notify } = useDocument();
  const t = useT();
  // The document (generation) whose notice was answered with "Open read-only": a later document asks again.
  const [answered, setAnswered] = useState<number | null>(null);
  if (!doc?.lockedBy) return null;
  const owner = doc.lockedBy;
  const full = answered !== doc.generation;
  const m = lockNotice(owner);
  const file = doc.file?.name ?? '';
  return (
    <div
      className="notice warning lock-notice"
      role={full ? 'alertdialog' : 'status'}
      aria-live="polite"
      data-testid="lock-notice"
    >
      <span>{full ? t(m.id, m.values) : t('merge.lock.banner', whoValues(owner))}</span>{' '}
      {full && (
        <button data-testid="lock-read-only" onClick={() => setAnswered(doc.generation)}>
          {t('merge.lock.readOnly')}
        </button>
      )}{' '}
      <button
        data-testid="lock-edit-anyway"
        title={t('merge.lock.editAnywayTitle')}
        onClick={() =>
          void editAnyway().then(() =>
            notify({ kind: 'info', text: t('merge.lock.editing', { ...whoValues(owner), file }) }),
          )
        }
      >
        {t('merge.lock.editAnyway')}
      </button>
    </div>
  );
}
