import { obligationEnds } from '../model/dates';
import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import type { AdvanceAgreement, AdvanceMovement, Workbook } from '../model/types';

// R20's date rule lives with the dates (validation needs it too); the engine's API keeps offering it.
export { obligationEnds };

/** R20 the host state is bound on `date`: the agreement is signed and, if denounced, has not yet ended. */
export function isBound(agreement: AdvanceAgreement, date: string): boolean {
  if (agreement.signedOn !== undefined && date < agreement.signedOn) return false;
  const d = agreement.denunciation;
  return d === undefined || d.notifiedOn > date || date <= obligationEnds(d.notifiedOn);
}

export interface AdvanceStatus {
  agreement: string;
  hostState: string;
  hostName: string;
  currency: string;
  ceiling: string;
  drawn: string;
  repaid: string;
  outstanding: string;
  /** What may still be drawn: ceiling − outstanding while bound, else 0. */
  available: string;
  bound: boolean;
  /** The denunciation, once notified (on or before the date). */
  denouncedBy: 'host-state' | 'organization' | null;
  notifiedOn: string | null;
  endsOn: string | null;
  conditions?: string;
  movements: AdvanceMovement[];
}

export interface ExOfficioSeat {
  hostState: string;
  name: string;
  /** R20 while bound by an agreement, the host state holds an ex officio seat on the Coordination Committee. */
  seat: boolean;
  /** The last day it is bound under a denounced agreement; null = no end in sight. */
  boundUntil: string | null;
}

export interface AdvancesReport {
  date: string;
  rows: AdvanceStatus[];
  seats: ExOfficioSeat[];
}

/** R20 one agreement on a date: advances drawn and repaid by then, the outstanding balance, whether still bound. */
export function advanceStatus(
  agreement: AdvanceAgreement,
  date: string,
  hostName = agreement.hostState,
): AdvanceStatus {
  const places = Math.max(decimalPlaces(agreement.ceiling), ...agreement.movements.map((m) => decimalPlaces(m.amount)));
  const money = (s: string) => toScaledBigInt(s, places);
  const fmt = (v: bigint) => formatScaled(v, places);
  const movements = agreement.movements.filter((m) => m.date <= date);
  let drawn = 0n;
  let repaid = 0n;
  for (const m of movements) {
    if (m.kind === 'drawn') drawn += money(m.amount);
    else repaid += money(m.amount);
  }
  const bound = isBound(agreement, date);
  const outstanding = drawn - repaid;
  const room = money(agreement.ceiling) - outstanding;
  const den =
    agreement.denunciation !== undefined && agreement.denunciation.notifiedOn <= date
      ? agreement.denunciation
      : undefined;
  const s: AdvanceStatus = {
    agreement: agreement.id,
    hostState: agreement.hostState,
    hostName,
    currency: agreement.currency,
    ceiling: fmt(money(agreement.ceiling)),
    drawn: fmt(drawn),
    repaid: fmt(repaid),
    outstanding: fmt(outstanding),
    available: fmt(bound && room > 0n ? room : 0n),
    bound,
    denouncedBy: den?.by ?? null,
    notifiedOn: den?.notifiedOn ?? null,
    endsOn: den ? obligationEnds(den.notifiedOn) : null,
    movements,
  };
  if (agreement.conditions !== undefined) s.conditions = agreement.conditions;
  return s;
}

/** R20 every agreement on a date, and each host state's ex officio seat. */
export function advancesReport(workbook: Workbook, date: string): AdvancesReport {
  const names = new Map(workbook.members.map((m) => [m.code, m.name]));
  const rows = workbook.advanceAgreements.map((a) => advanceStatus(a, date, names.get(a.hostState)));
  const seats: ExOfficioSeat[] = [];
  for (const host of [...new Set(workbook.advanceAgreements.map((a) => a.hostState))]) {
    const mine = workbook.advanceAgreements.filter((a) => a.hostState === host && isBound(a, date));
    const ends = mine.map((a) =>
      a.denunciation && a.denunciation.notifiedOn <= date ? obligationEnds(a.denunciation.notifiedOn) : null,
    );
    const known = ends.filter((e): e is string => e !== null);
    seats.push({
      hostState: host,
      name: names.get(host) ?? host,
      seat: mine.length > 0,
      boundUntil: mine.length === 0 || known.length < ends.length ? null : known.sort().at(-1)!,
    });
  }
  return { date, rows, seats };
}
