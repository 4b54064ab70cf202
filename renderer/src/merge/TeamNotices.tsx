import { ChangedElsewhere } from './ChangedElsewhere';
import { LockNotice } from './LockNotice';

// Issue 16: what the app says about a workbook shared by a team, above the document's own notice.
export function TeamNotices() {
  return (
    <>
      <LockNotice />
      <ChangedElsewhere />
    </>
  );
}
