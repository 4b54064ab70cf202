import { useEffect, useMemo, useState } from 'react';
import { setAccession, setLeaving, setNewMemberRule, refusal } from '../../shared/edit';
import type { ContributionTable } from '../../shared/engine';
import type { Budget, NewMemberRule, Participation, Workbook } from '../../shared/model/types';
import { DateField } from './DateField';
import { useArticle } from './articles';
import { useDocument } from './document/DocumentProvider';
import { Bidi, useSay, useT } from './i18n';
import { useDateReader } from './DateField';
import { isolateIn, useRich } from './rich';
import { useLocale } from './locale';

// R8/R12 joining and leaving a budget, with dates: the member chosen in the grid (or in the list, for a member
// the engine does not assess in the year shown) and how a year of accession is assessed. The engine decides who is
// in the table and each pro-rata amount; this panel only records the dates.

export interface MembershipDates {
  from?: string;
  until?: string;
}

/** The dates of each member's participation in a budget, by member code. */
export function membershipDates(
  participations: readonly Participation[],
  budgetId: string,
): ReadonlyMap<string, MembershipDates> {
  const out = new Map<string, MembershipDates>();
  for (const p of participations)
    if (p.budget === budgetId && (p.from !== undefined || p.until !== undefined))
      out.set(p.member, { from: p.from, until: p.until });
  return out;
}

const RULES: { rule: NewMemberRule; label: string }[] = [
  { rule: 'full', label: 'members.rule.full' },
  { rule: 'months', label: 'members.rule.months' },
  { rule: 'days', label: 'members.rule.days' },
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
  const t = useT();
  const article = useArticle();
  const say = useSay();
  const rich = useRich();
  const reader = useDateReader();
  const iso = isolateIn(useLocale().dir);
  // Dates inside the sentences below, isolated so an ISO date keeps its order in Persian text.
  const dates = { show: (d: string | undefined) => iso(reader.show(d)) };
  const participants = useMemo(() => {
    const names = new Map(workbook.members.map((m) => [m.code, m.name]));
    return workbook.participations
      .filter((p) => p.budget === budget.id)
      .map((p) => ({ code: p.member, name: names.get(p.member) ?? p.member, from: p.from, until: p.until }));
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
  const moving = participants.filter(
    (x) =>
      (x.from && x.from.startsWith(`${year}-`)) ||
      (x.until && x.until >= `${year - 1}-12-31` && x.until <= `${year}-12-31`),
  );

  // What the list says of a member moving in the year shown: joins, leaves or left, with the dates.
  const moves = (x: (typeof participants)[number]) => {
    const joins = x.from?.startsWith(`${year}-`) ? t('members.moves.joins', { date: dates.show(x.from) }) : '';
    const until = x.until && x.until >= `${year - 1}-12-31` && x.until <= `${year}-12-31` ? x.until : undefined;
    const leaves = until
      ? t(until < `${year}-01-01` ? 'members.moves.left' : 'members.moves.leaves', { date: dates.show(until) })
      : '';
    return joins && leaves ? t('members.moves.both', { joins, leaves }) : joins || leaves;
  };

  return (
    <section className="class-changes membership" data-testid="membership">
      <h3 title={article.due}>{t('members.membership.title')}</h3>
      <label className="field">
        <span>{t('members.membership.member')}</span>
        {/* The full list is built only once the picker is used: with 10,000 members, reconciling the options on every
            open of a workbook cost ~300 ms of React's sibling search. */}
        <select
          data-testid="membership-member"
          value={p?.code ?? ''}
          onChange={(e) => setPicked(e.target.value || null)}
          onFocus={() => setListed(true)}
          onPointerDown={() => setListed(true)}
        >
          <option value="">{t('members.membership.pick')}</option>
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
            <span>{rich('members.membership.joined', { budget: budget.name })}</span>
            <DateField
              optional
              value={p.from}
              testId="accession-date"
              commit={(v) =>
                refusal(
                  run((wb) => setAccession(wb, { budget: budget.id, member: p.code, from: v })),
                  say,
                )
              }
            />
          </label>
          <label className="field">
            <span>{t('members.membership.leaves')}</span>
            <DateField
              optional
              value={p.until}
              testId="leaving-date"
              commit={(v) =>
                refusal(
                  run((wb) => setLeaving(wb, { budget: budget.id, member: p.code, until: v })),
                  say,
                )
              }
            />
          </label>
          <p className="effect" data-testid="membership-effect">
            {row
              ? row.proRata
                ? t('members.effect.proRata', { year: String(year), fraction: `${row.proRata.num}/${row.proRata.den}` })
                : p.from?.startsWith(`${year}-`)
                  ? t('members.effect.inFull', { year: String(year) })
                  : t('members.effect.assessed', { year: String(year) })
              : p.from && p.from > `${year}-12-31`
                ? t('members.effect.notYetJoins', { year: String(year), date: dates.show(p.from) })
                : p.until
                  ? t('members.effect.left', { year: String(year), date: dates.show(p.until) })
                  : t('members.effect.notMember', { year: String(year) })}
          </p>
        </>
      )}
      <label className="field">
        <span>{t('members.membership.rule')}</span>
        <select
          data-testid="new-member-rule"
          value={workbook.settings.newMemberRule}
          onChange={(e) => refusal(run((wb) => setNewMemberRule(wb, e.target.value as NewMemberRule)))}
        >
          {RULES.map((r) => (
            <option key={r.rule} value={r.rule}>
              {t(r.label)}
            </option>
          ))}
        </select>
      </label>
      {moving.length > 0 && (
        <ul className="muted" data-testid="membership-moves">
          {moving.map((x) => (
            <li key={x.code}>
              <button className="link plain" onClick={() => setPicked(x.code)}>
                <Bidi>{x.code}</Bidi>
              </button>{' '}
              {moves(x)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
