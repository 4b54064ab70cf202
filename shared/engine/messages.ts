import { msg, say, type Message, type MessageValues } from '../i18n/intl';
import { EngineError } from '../model/errors';
import type { Problem } from '../model/types';

// Messages as data for the engine (issue 11): errors and warnings carry a Message (catalog area `engine`) beside the
// English text that `message` keeps for the CLI and the tests; both come from the one English catalog.

/** An EngineError with its message as data: `message` is the English text, `msg` the catalog's id and values. */
export function engineError(id: string, values?: MessageValues): EngineError {
  const m = msg(`engine.${id}`, values);
  return Object.assign(new EngineError(say(m)), { msg: m });
}

/** The message as data an error carries, when it has one (made by engineError or a command). */
export function messageOf(e: unknown): Message | undefined {
  const m = (e as { msg?: Message } | null)?.msg;
  return m && typeof m.id === 'string' ? m : undefined;
}

/** A problem (or, with severity, a warning) with its message as data. */
export function problemOf(path: string, m: Message, severity?: 'warning'): Problem {
  const p: Problem = { path, message: say(m), msg: m };
  if (severity) p.severity = severity;
  return p;
}

/** An error's reason as a part of a larger message: its Message when it has one, else its English text. */
export function reasonOf(e: unknown): { parts?: Record<string, Message>; values?: MessageValues } {
  const m = messageOf(e);
  return m ? { parts: { reason: m } } : { values: { reason: e instanceof Error ? e.message : String(e) } };
}

/** "a, b and c" in the language: items joined by the catalog's list words. */
export function andList(items: readonly Message[]): Message {
  if (items.length === 0) return msg('engine.list.empty');
  if (items.length === 1) return items[0];
  if (items.length === 2) return { id: 'engine.list.and', parts: { first: items[0], last: items[1] } };
  return { id: 'engine.list.comma', parts: { first: items[0], rest: andList(items.slice(1)) } };
}

/** "a, b, c" in the language (no "and": a list of what there is). */
export function commaList(items: readonly Message[]): Message {
  if (items.length === 0) return msg('engine.list.empty');
  if (items.length === 1) return items[0];
  return { id: 'engine.list.comma', parts: { first: items[0], rest: commaList(items.slice(1)) } };
}

/** Plain data (a name, a code) as a message of its own, to stand in a list. */
export const verbatim = (text: string): Message => msg('engine.list.item', { text });
