import { msg, say, type Message, type MessageValues } from '../i18n/intl';

/** A workbook that validated but cannot be computed as asked (no class for a year, an unknown scheme…). */
export class EngineError extends Error {}

/** An EngineError with its message as data (issue 11): `message` is the English text, `msg` the id and values. */
export function engineErrorOf(id: string, values?: MessageValues): EngineError {
  const m: Message = msg(id, values);
  return Object.assign(new EngineError(say(m)), { msg: m });
}
