import { refuse, type Refused } from '../../../shared/edit';
import { msg, type Message } from '../../../shared/i18n/intl';
import type { LockOwner } from '../../../shared/ipc/contract';

// Issue 16: every message of the lock and merge views is made here (catalog area `merge`), so the components only
// place them. Pure: the reducer uses the refusal too.

/** Who has the file, as the catalog's select reads it: a user name, a machine, or both may be missing. */
export function whoValues(o: LockOwner): { kind: 'both' | 'user' | 'machine' | 'none'; user: string; machine: string } {
  const kind = o.user && o.machine ? 'both' : o.user ? 'user' : o.machine ? 'machine' : 'none';
  return { kind, user: o.user, machine: o.machine };
}

/** What a command or Save says while the workbook is open read-only (someone else has it). */
export const readOnlyMessage = (o: LockOwner): Message => msg('merge.readOnly.refused', whoValues(o));
export const readOnlyRefusal = (o: LockOwner): Refused => refuse('', readOnlyMessage(o));

export const lockNotice = (o: LockOwner): Message => {
  const since = new Date(o.since);
  return Number.isNaN(since.getTime())
    ? msg('merge.lock.heldNoTime', whoValues(o))
    : msg('merge.lock.held', { ...whoValues(o), since });
};
