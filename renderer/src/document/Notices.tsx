import type { Notice } from './reducer';
import { useDocument } from './DocumentProvider';

export function NoticeBar({ notice, onClose }: { notice: Notice; onClose?: () => void }) {
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} aria-busy={notice.busy ?? false} data-testid="notice">
      {notice.busy && <span className="spinner" aria-hidden="true" />}
      <span>{notice.text}</span>
      {notice.problems && (
        <ul>
          {notice.problems.slice(0, 20).map((p, i) => (
            <li key={i}>{p.message.startsWith(p.path) || !p.path ? p.message : `${p.path}: ${p.message}`}</li>
          ))}
          {notice.problems.length > 20 && <li>…and {notice.problems.length - 20} more</li>}
        </ul>
      )}
      {onClose && (
        <button className="close" aria-label="Dismiss" onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}

/** The store's notice, dismissable. */
export function DocumentNotice() {
  const { notice, notify } = useDocument();
  return notice ? <NoticeBar notice={notice} onClose={() => notify(null)} /> : null;
}

/** A draft left by a session that did not close cleanly: recover it or discard it. */
export function RecoverOffer() {
  const { draftOffer, recoverDraft, discardDraft } = useDocument();
  if (!draftOffer) return null;
  return (
    <div className="notice info" role="status" data-testid="recover">
      Unsaved work from {new Date(draftOffer.savedAt).toLocaleString()} ({draftOffer.file?.name ?? 'Untitled'}) was kept.{' '}
      <button data-testid="recover-draft" onClick={() => void recoverDraft()}>
        Recover
      </button>{' '}
      <button onClick={discardDraft}>Discard</button>
    </div>
  );
}
