import { Decimal } from '../model/decimal';
import { msg, say, type Message } from '../i18n/intl';

// A module of its own so a contribution table can say it without loading the ledger that the other warnings need
// (issue 13: `contrib apportion` loads only what it uses).

/** R21–R23 what to say about the sum of a percent scale's declared rates; null when they sum to exactly 100. */
export function percentSumWarning(sum: string): string | null {
  const m = percentSumMessage(sum);
  return m ? say(m) : null;
}

/** The same as a Message, for a display in the user's language. */
export function percentSumMessage(sum: string): Message | null {
  const s = new Decimal(sum);
  // Issue 14: the sum is a figure (…Amount), written in the reader's number format as the grid writes it.
  return s.eq(100) ? null : msg('engine.warning.percentSum', { sumAmount: s.toFixed() });
}
