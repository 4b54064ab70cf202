import { useEffect } from 'react';
import { useDocument } from '../document/DocumentProvider';
import { ChangedElsewhere } from './ChangedElsewhere';
import { setShellAuthor } from './journal-step';
import { LockNotice } from './LockNotice';

// Issue 16: what the app says about a workbook shared by a team, above the document's own notice.
export function TeamNotices() {
  const { api } = useDocument();
  // The system's names for the journal (Electron); a browser keeps those given in the history panel.
  useEffect(() => {
    api.whoAmI?.().then(setShellAuthor, () => undefined);
  }, [api]);
  return (
    <>
      <LockNotice />
      <ChangedElsewhere />
    </>
  );
}
