import { useEffect, useMemo, useState } from 'react';
import { setAccession, setLeaving, setNewMemberRule, refusal } from '../../shared/edit';
import type { ContributionTable } from '../../shared/engine';
import type { Budget, NewMemberRule, Participation, Workbook } from '../../shared/model/types';
import { DateField } from './DateField';
import { ARTICLE } from './articles';
import { useDocument } from './document/DocumentProvider';

// R8/R12 joining and leaving a budget, with dates: the member chosen in the grid (or in the list, for a member
// the engine does not assess in the year shown) and how a year of accession is assessed. The engine decides who is
// in the table and each pro-rata amount; this panel only records the dates.

export interface MembershipDates {
  from?: string;
  until?: string;
}

/** The dates of each member's participation in a budget, by member code. */
export function membershipDates(participations: readonly Participation[], budgetId: string): ReadonlyMap<string, MembershipDates> {
  const out = new Map<string, MembershipDates>();
  for (const p of participations) if (p.budget === budgetId && (p.from !== undefined || p.until !== undefined)) out.set(p.member, { from: p.from, until: p.until });
  return out;
}

const RULES: { rule: NewMemberRule; label: string }[] = [
  { rule: 'full', label: 'in full' },
  { rule: 'months', label: 'pro rata, whole months' },
  { rule: 'days', label: 'pro rata, days' },
];

interface Props {
  workbook: Workbook;
  budget: Budget;
  year: number;
  table: ContributionTable | null;
  member: string | null;
}

export function Membership({ workbook, budget, year, table, member }: Props) {
  const { run } = useDocument();
  const participants = useMemo(() => {
    const names = new Map(workbook.members.map((m) => [m.code, m.name]));
    return workbook.participations.filter((p) => p.budget === budget.id).map((p) => ({ code: p.member, name: names.get(p.member) ?? p.member, from: p.from, until: p.until }));
  }, [workbook.participations, workbook.members, budget.id]);
  // The member the grid focuses, or one picked here (one that left is not in the grid any more).
  const [picked, setPicked] = useState<string | null>(member);
  const [listed, setListed] = useState(false);
  useEffect(() => {
    if (member) setPicked(member);
  }, [member]);
  const p = participants.find((x) => x.code === picked) ?? null;
  const row = p && table?.rows.find((r) => r.code === p.code);
  // Members whose dates touch the year shown: they join during it, left before it, or leave during it.
  const moving = participants.filter((x) => (x.from && x.from.startsWith(`${year}-`)) || (x.until && x.until >= `${year - 1}-12-31` && x.until <= `${year}-12-31`));

  return (
    <section className="class-changes membership" data-testid="membership">
      <h3 title={ARTICLE.due}>Joining and leaving</h3>
      <label className="field">
        <span>Member</span>
        {/* The full list is built only once the picker is used: with 10,000 members, reconciling the options on every
            open of a workbook cost ~300 ms of React's sibling search. */}
        <select
          data-testid="membership-member"
          value={p?.code ?? ''}
          onChange={(e) => setPicked(e.target.value || null)}
          onFocus={() => setListed(true)}
          onPointerDown={() => setListed(true)}
        >
          <option value="">Pick a member…</option>
          {(listed ? participants : p ? [p] : []).map((x) => (
            <option key={x.code} value={x.code}>
              {x.code} {x.name}
            </option>
          ))}
        </select>
      </label>
      {p && (
        <>
          <label className="field">
            <span>Joined {budget.name} on</span>
            <DateField optional value={p.from} testId="accession-date" commit={(v) => refusal(run((wb) => setAccession(wb, { budget: budget.id, member: p.code, from: v })))} />
          </label>
          <label className="field">
            <span>Leaves on (last day)</span>
            <DateField optional value={p.until} testId="leaving-date" commit={(v) => refusal(run((wb) => setLeaving(wb, { budget: budget.id, member: p.code, until: v })))} />
          </label>
          <p className="effect" data-testid="membership-effect">
            {row
              ? row.proRata
                ? `${year}: assessed pro rata ${row.proRata.num}/${row.proRata.den} (year of accession)`
                : `${year}: assessed${p.from?.startsWith(`${year}-`) ? ' in full (year of accession)' : ''}`
              : `${year}: not assessed (${p.from && p.from > `${year}-12-31` ? `joins ${p.from}` : p.until ? `left ${p.until}` : 'not a member that year'})`}
          </p>
        </>
      )}
      <label className="field">
        <span>Year of accession assessed</span>
        <select data-testid="new-member-rule" value={workbook.settings.newMemberRule} onChange={(e) => refusal(run((wb) => setNewMemberRule(wb, e.target.value as NewMemberRule)))}>
          {RULES.map((r) => (
            <option key={r.rule} value={r.rule}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {moving.length > 0 && (
        <ul className="muted" data-testid="membership-moves">
          {moving.map((x) => (
            <li key={x.code}>
              <button className="link plain" onClick={() => setPicked(x.code)}>
                {x.code}
              </button>{' '}
              {x.from?.startsWith(`${year}-`) ? `joins ${x.from}` : ''}
              {x.until && x.until >= `${year - 1}-12-31` && x.until <= `${year}-12-31` ? `${x.from?.startsWith(`${year}-`) ? ', ' : ''}${x.until < `${year}-01-01` ? 'left' : 'leaves'} ${x.until}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
