import { msg, type Message, type MessageValues } from '../i18n/intl';

// The words the commands share (issue 11): catalog area `engine`, ids `engine.edit.*`. Each command file keeps its
// own messages at its top; these are the ones several files say alike.

/** A command's message: `engine.edit.<id>`. */
export const E = (id: string, values?: MessageValues): Message => msg(`engine.edit.${id}`, values);

/** A message with a reason inside it: the reason's Message when it has one, else its English text. */
export function withReason(
  id: string,
  values: MessageValues,
  reason: string | Message | { message: string; msg?: Message },
): Message {
  const m = typeof reason === 'string' ? undefined : 'id' in reason ? reason : reason.msg;
  if (m) return { id: `engine.edit.${id}`, values, parts: { reason: m } };
  const text = typeof reason === 'string' ? reason : (reason as { message: string }).message;
  return E(id, { ...values, reason: text });
}

/** "row 3" / "line 4" (where a pasted or imported row came from) in the language. */
export function atMsg(at: string): Message {
  const m = /^(row|line) (\d+)$/.exec(at);
  return m ? E('at', { unit: m[1], n: Number(m[2]) }) : E('text', { text: at });
}

/** "row 3: …" — a row's problem, naming the row. */
export function rowProblem(at: string, reason: string | Message | { message: string; msg?: Message }): Message {
  const m = withReason('rowProblem', {}, reason);
  return { ...m, parts: { ...m.parts, at: atMsg(at) } };
}

export const noBudget = (budget: string) => E('noBudget', { budget });
export const notInBudget = (member: string, budget: string) => E('notInBudget', { member, budget });
export const notIsoDate = (text: string) => E('notIsoDate', { text });
export const notCurrency = (text: string) => E('notCurrency', { text });
export const notYear = (text: string | number) => E('notYear', { text: String(text) });
export const notMember = (text: string) => E('notMember', { text });
export const clipboardEmpty = () => E('clipboardEmpty');
export const noRowsToRead = () => E('noRowsToRead');
export const nameUnchanged = () => E('nameUnchanged');

/** What another module refused with (its Message when it gives one, else its English text), to refuse with here. */
export const said = (r: { message: string; msg?: Message }): string | Message => r.msg ?? r.message;
