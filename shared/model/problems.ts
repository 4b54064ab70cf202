import { say, type Message, type MessageValues } from '../i18n/intl';
import type { Problem } from './types';

// Problems as data (issues 11, 13): the workbook checks (validate.ts, liquidity.ts) refuse with messages of the catalog
// area `validation`; a problem's English `message` is said only when read.

/** A message of the catalog area `validation`; `parts` are messages said inside it (a label, a value shown). */
export const V = (id: string, values?: MessageValues, parts?: Record<string, Message>): Message => {
  const m: Message = { id: `validation.${id}` };
  if (values) m.values = values;
  if (parts) m.parts = parts;
  return m;
};

/** A problem whose English text is said from its message the first time it is read (a getter). */
export function problemOf(path: string, m: Message): Problem {
  let text: string | undefined;
  return {
    path,
    get message(): string {
      return (text ??= say(m));
    },
    msg: m,
  };
}

/** A value as a problem shows it: JSON, cut at 40 characters; `nothing` (in the language) for a missing one. */
export function shownValue(v: unknown): Message {
  if (v === undefined) return V('got.nothing');
  const s = JSON.stringify(v);
  return V('got.value', { text: s.length > 40 ? `${s.slice(0, 37)}...` : s });
}
