import { useCallback, useEffect, useRef, useState } from 'react';
import { useWhere } from '../layout/panels';
import { useDocument } from './DocumentProvider';
import { TeamNotices } from '../merge/TeamNotices';
import { useSay, useT } from '../i18n';
import { useLocale } from '../locale';
import { useRich } from '../rich';
import type { Message } from '../../../shared/i18n/intl';
import type { Notice } from './reducer';

export function NoticeBar({
  notice,
  onClose,
  testId = 'notice',
  onHold,
}: {
  notice: Notice;
  onClose?: () => void;
  testId?: string;
  /** Whether the pointer or the focus is on the notice (an information waits while it is). */
  onHold?: (held: boolean) => void;
}) {
  const t = useT();
  const hold = useRef({ pointer: false, focus: false });
  const holdLatest = useRef(onHold);
  holdLatest.current = onHold;
  const setHold = (k: 'pointer' | 'focus', v: boolean) => {
    hold.current[k] = v;
    holdLatest.current?.(hold.current.pointer || hold.current.focus);
  };
  // Gone (dismissed): it holds nothing any more.
  useEffect(() => () => holdLatest.current?.(false), []);
  // useSay: a Message's nested parts and its amounts (a command's label, an engine reason) said too.
  const sayMsg = useSay();
  const say = (m: string | Message) => (typeof m === 'string' ? m : sayMsg(m));
  const words = (text: Notice['text'], inner: Notice['inner']) =>
    typeof text === 'string'
      ? text
      : sayMsg({
          ...text,
          values: { ...text.values, ...Object.fromEntries(Object.entries(inner ?? {}).map(([k, v]) => [k, say(v)])) },
        });
  return (
    <div
      className={`notice ${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      aria-busy={notice.busy ?? false}
      data-testid={testId}
      onMouseEnter={() => setHold('pointer', true)}
      onMouseLeave={() => setHold('pointer', false)}
      onFocus={() => setHold('focus', true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHold('focus', false);
      }}
    >
      {notice.busy && <span className="spinner" aria-hidden="true" />}
      <span>{words(notice.text, notice.inner)}</span>
      {notice.problems && (
        <ul>
          {notice.problems.slice(0, 20).map((p, i) => {
            const m = p.msg ? sayMsg(p.msg) : p.message;
            // A message that names its own place (line 4: …, in English and so in its Message) keeps it; others are given it.
            return <li key={i}>{p.message.startsWith(p.path) || !p.path ? m : `${p.path}: ${m}`}</li>;
          })}
          {notice.problems.length > 20 && <li>{t('app.notice.more', { count: notice.problems.length - 20 })}</li>}
        </ul>
      )}
      {onClose && (
        <button className="close" aria-label={t('app.notice.dismiss')} onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}

/** How long an information stays on screen (an error or a warning stays until dismissed). */
export const INFO_NOTICE_MS = 8000;

/**
 * The store's notice, dismissable (×, or Escape). An information (not one under way) leaves by itself after
 * INFO_NOTICE_MS, unless the pointer or the focus is on it; it is then given the full time again once they leave. It belongs to its view: switching views takes an information away;
 * an error stays with the view it was raised in until dismissed, even when the next action says something else.
 */
export function DocumentNotice() {
  const { notice, notify } = useDocument();
  const where = useWhere();
  const [seen, setSeen] = useState<Notice | null>(notice);
  const [raisedIn, setRaisedIn] = useState(where);
  const [kept, setKept] = useState<{ notice: Notice; where: string } | null>(null);
  // A new notice: remember the view it came in; an error is kept apart so an action that follows does not hide it.
  if (notice !== seen) {
    setSeen(notice);
    setRaisedIn(where);
    if (notice?.kind === 'error') setKept(null);
    else if (seen?.kind === 'error' && notice) setKept({ notice: seen, where: raisedIn });
  }
  // Another view: an information or warning goes; an error waits in its own view.
  const moved = notice !== null && raisedIn !== where;
  useEffect(() => {
    if (moved && notice.kind !== 'error') notify(null);
  }, [moved, notice, notify]);

  const shown = notice && !moved ? notice : null;
  const keptShown = kept && kept.where === where ? kept.notice : null;
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!shown || shown.kind !== 'info' || shown.busy || held) return;
    const timer = setTimeout(() => notify(null), INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [shown, held, notify]);
  const dismiss = useCallback(() => {
    if (shown) notify(null);
    else setKept(null);
  }, [shown, notify]);
  // Escape dismisses the notice on screen, unless it is cancelling something else (an edit, a menu, a dialog).
  useEffect(() => {
    if (!shown && !keptShown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (
        target?.closest('input, textarea, select, dialog, [role=dialog], .ag-cell-inline-editing, .ag-popup, .tb-item')
      )
        return;
      if (shown) notify(null);
      else setKept(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, keptShown, notify]);
  return (
    <>
      <TeamNotices />
      {shown && <NoticeBar notice={shown} onClose={dismiss} onHold={setHeld} />}
      {keptShown && <NoticeBar notice={keptShown} onClose={() => setKept(null)} testId="notice-kept" />}
    </>
  );
}

/** A draft left by a session that did not close cleanly: recover it or discard it. */
export function RecoverOffer() {
  const { draftOffer, recoverDraft, discardDraft } = useDocument();
  const t = useT();
  const rich = useRich();
  const locale = useLocale();
  if (!draftOffer) return null;
  // The time the draft was kept, as the user's language writes a date and time (English: as the system does).
  const lang = locale.number.locale;
  const when = new Date(draftOffer.savedAt).toLocaleString(
    lang === 'en'
      ? undefined
      : `${lang}-u-nu-${!locale.number.nativeDigits ? 'latn' : lang.startsWith('fa') ? 'arabext' : lang.startsWith('ar') ? 'arab' : 'latn'}`,
  );
  return (
    <div className="notice info" role="status" data-testid="recover">
      {rich('app.recover.kept', { when, file: draftOffer.file?.name ?? t('app.toolbar.untitled') })}{' '}
      <button data-testid="recover-draft" onClick={() => void recoverDraft()}>
        {t('app.recover.recover')}
      </button>{' '}
      <button onClick={discardDraft}>{t('app.recover.discard')}</button>
    </div>
  );
}
