import { useEffect, useMemo, useRef, useState } from 'react';
import { msg } from '../../../shared/i18n/intl';
import { withoutJournal } from '../../../shared/merge/journal';
import { mergeWorkbooks, type MergeInputs, type MergeResult } from '../../../shared/merge/merge';
import type { Problem, Workbook } from '../../../shared/model/types';
import { useDocument } from '../document/DocumentProvider';
import type { Elsewhere } from '../document/reducer';
import { useSay, useT } from '../i18n';
import { readWorkbook } from '../open/readWorkbook';
import { adoptMerged, summarize } from './describe';
import { MergeView, SummaryLists } from './MergeView';
import './merge.css';

// Issue 16 item 2 in the app: the workbook changed on disk since it was opened or last saved here. A save refused
// for it, or the check made when the window regains focus (and every 30 s while it has it), offers: Merge, Save as,
// Replace (after naming what would be lost), or Reload when there is nothing unsaved. In a browser none of the
// shell's calls exists (no other writer): nothing here runs.

/** How often the file is compared with what was opened or saved, while the window has the focus. */
export const DISK_CHECK_MS = 30_000;

type Stage =
  | { kind: 'ask' }
  | { kind: 'busy' }
  | { kind: 'unreadable'; problems: Problem[] }
  | { kind: 'merge'; result: MergeResult; inputs: MergeInputs }
  | { kind: 'replace'; theirs: Workbook };

/**
 * Checks the disk when the shell's file watch reports a change, on focus and every DISK_CHECK_MS while focused; a
 * version the user put aside is not offered again.
 */
function useDiskWatch(dismissed: React.RefObject<Set<string>>) {
  const { api, doc, setElsewhere } = useDocument();
  const file = doc?.file ?? null;
  const pending = Boolean(doc?.elsewhere);
  const busy = useRef(false);
  const state = useRef({ pending });
  state.current.pending = pending;
  const fileId = file?.id;
  const fileName = file?.name;
  useEffect(() => {
    const diskChanged = api.diskChanged?.bind(api);
    if (!diskChanged || fileId === undefined || fileName === undefined) return;
    const check = async () => {
      if (busy.current || state.current.pending) return;
      busy.current = true;
      try {
        const c = await diskChanged({ id: fileId, name: fileName });
        if (c && !dismissed.current.has(c.hash) && !state.current.pending) setElsewhere({ ...c, found: 'watch' });
      } catch {
        // The shell could not read the file (a network drive gone): the next save says so.
      } finally {
        busy.current = false;
      }
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      timer = setInterval(() => void check(), DISK_CHECK_MS);
    };
    const onFocus = () => {
      void check();
      start();
    };
    const onBlur = () => clearInterval(timer);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    if (document.hasFocus()) start();
    // The shell's file watch (Electron) tells of a change as it happens, focused or not; polling stays the fallback.
    const unwatch = api.onDiskChange?.(() => void check());
    return () => {
      unwatch?.();
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
    };
  }, [api, fileId, fileName, setElsewhere, dismissed]);
}

/** The merge; journals (issue 16) are merged by mergeWorkbooks itself, as a set that never conflicts. */
function mergeAll(inputs: MergeInputs): { result: MergeResult; inputs: MergeInputs } {
  return { result: mergeWorkbooks(inputs.base, inputs.ours, inputs.theirs), inputs };
}

export function ChangedElsewhere() {
  const { api, doc, dirty, run, saveOver, saveAs, openRecent, setElsewhere, notify } = useDocument();
  const t = useT();
  const sayMsg = useSay();
  const dismissed = useRef(new Set<string>());
  useDiskWatch(dismissed);
  const e = doc?.elsewhere;
  const [stage, setStage] = useState<{ hash: string | undefined; stage: Stage }>({
    hash: undefined,
    stage: { kind: 'ask' },
  });
  // A newer version on disk (the file changed once more) starts over with the question.
  const current: Stage = stage.hash === e?.hash ? stage.stage : { kind: 'ask' };
  const go = (s: Stage) => setStage({ hash: e?.hash, stage: s });
  if (!doc || !e || !doc.file) return null;
  const file = doc.file.name;
  const canReplace = Boolean(api.saveOver);

  const theirs = async (then: (w: Workbook) => void) => {
    go({ kind: 'busy' });
    const parsed = await readWorkbook(e.text);
    if (!parsed.workbook) return go({ kind: 'unreadable', problems: parsed.problems });
    then(parsed.workbook);
  };
  const later = () => {
    dismissed.current.add(e.hash);
    setElsewhere(undefined);
  };
  const applyMerged = async (merged: Workbook, version: Elsewhere) => {
    const o = run(adoptMerged(msg('merge.step.label', { file }), merged));
    if (!o.ok) return notify({ kind: 'error', text: t('merge.view.notApplied'), problems: o.problems });
    // Saved over the very version merged with; a newer one comes back as a new question (elsewhere changes).
    if (api.saveOver) {
      if (!(await saveOver(version.hash))) go({ kind: 'ask' });
    } else setElsewhere(undefined);
  };

  if (current.kind === 'merge')
    return (
      <MergeView
        file={file}
        result={current.result}
        inputs={current.inputs}
        onApply={(w) => void applyMerged(w, e)}
        onCancel={() => go({ kind: 'ask' })}
      />
    );
  return (
    <ElsewhereDialog key={e.hash}>
      <h2 id="elsewhere-title">{t('merge.disk.title', { file })}</h2>
      <p>{t(e.found === 'save' ? 'merge.disk.saveRefused' : 'merge.disk.changed', { file })}</p>
      {current.kind === 'unreadable' && (
        <div className="notice error" role="alert" data-testid="elsewhere-unreadable">
          <span>{t('merge.disk.unreadable')}</span>
          <ul>
            {current.problems.slice(0, 10).map((p, i) => (
              <li key={i}>{p.msg ? sayMsg(p.msg) : p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {current.kind === 'replace' ? (
        <ReplaceConfirm
          file={file}
          base={doc.saved}
          theirs={current.theirs}
          onBack={() => go({ kind: 'ask' })}
          onReplace={() => {
            go({ kind: 'busy' });
            void saveOver(e.hash).then((ok) => ok || go({ kind: 'ask' }));
          }}
        />
      ) : (
        <p className="merge-buttons">
          {!doc.lockedBy && (
            <button
              className="primary"
              data-testid="elsewhere-merge"
              disabled={current.kind === 'busy'}
              onClick={() =>
                void theirs((w) =>
                  go({ kind: 'merge', ...mergeAll({ base: doc.saved, ours: doc.workbook, theirs: w }) }),
                )
              }
            >
              {t('merge.disk.merge')}
            </button>
          )}{' '}
          {/* Nothing unsaved here: the version on disk can simply be read again. */}
          {!dirty && (
            <button
              data-testid="elsewhere-reload"
              disabled={current.kind === 'busy'}
              onClick={() => void openRecent(doc.file!.id)}
            >
              {t('merge.disk.reload')}
            </button>
          )}{' '}
          <button data-testid="elsewhere-save-as" disabled={current.kind === 'busy'} onClick={() => void saveAs()}>
            {t('merge.disk.saveAs')}
          </button>{' '}
          {canReplace && dirty && (
            <button
              data-testid="elsewhere-replace"
              disabled={current.kind === 'busy'}
              onClick={() => void theirs((w) => go({ kind: 'replace', theirs: w }))}
            >
              {t('merge.disk.replace')}
            </button>
          )}{' '}
          <button data-testid="elsewhere-later" onClick={later}>
            {t(e.found === 'save' ? 'merge.disk.cancel' : 'merge.disk.later')}
          </button>
        </p>
      )}
    </ElsewhereDialog>
  );
}

function ElsewhereDialog({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="merge-view elsewhere"
      data-testid="elsewhere"
      aria-labelledby="elsewhere-title"
      onCancel={(e) => e.preventDefault()}
    >
      {children}
    </dialog>
  );
}

/** Replacing the version on disk with ours: what it changed since ours was opened or saved would be lost, named first. */
function ReplaceConfirm({
  file,
  base,
  theirs,
  onBack,
  onReplace,
}: {
  file: string;
  base: Workbook;
  theirs: Workbook;
  onBack(): void;
  onReplace(): void;
}) {
  const t = useT();
  // Theirs merged onto an unchanged ours: every change theirs made, all of it lost by replacing.
  const lost = useMemo(() => {
    const [b, t] = [withoutJournal(base), withoutJournal(theirs)];
    return summarize(mergeWorkbooks(b, b, t), { base: b, ours: b, theirs: t });
  }, [base, theirs]);
  const none = lost.theirs.length === 0;
  return (
    <div data-testid="replace-confirm">
      <p>{t(none ? 'merge.replace.nothingLost' : 'merge.replace.confirm', { file, count: lost.theirs.length })}</p>
      {!none && (
        <SummaryLists summary={{ ours: [], both: [], renamed: [], theirs: lost.theirs }} testid="replace-lost" />
      )}
      <p className="merge-buttons">
        <button className="danger" data-testid="replace-yes" onClick={onReplace}>
          {t('merge.replace.yes', { file })}
        </button>{' '}
        <button data-testid="replace-no" onClick={onBack}>
          {t('merge.replace.no')}
        </button>
      </p>
    </div>
  );
}
