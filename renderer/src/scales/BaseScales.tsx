import { useMemo, useState } from 'react';
import {
  addBaseScale,
  baseScalePreview,
  baseScaleRows,
  refusal,
  removeBaseScale,
  renameBaseScale,
  replaceBaseScaleRates,
  type BaseScaleRead,
  type Outcome,
} from '../../../shared/edit';
import { readTabular } from '../../../shared/model/tabular';
import { Decimal } from '../../../shared/model/decimal';
import type { Workbook } from '../../../shared/model/types';
import { useOpenDocument } from '../document/DocumentProvider';
import { Bidi, useAmount, useSay, useT } from '../i18n';
import { ImportPreview } from '../import/ImportPreview';
import { isSheet, readTable } from '../import/readTable';
import { byAmount, byCode, byText } from '../grid/sorting';
import { useLocale } from '../locale';

// R21 the workbook's base scales: added, renamed, removed, and their rates replaced from a CSV/TSV/XLSX file or a
// paste (R25: what it will change shown first, applied all or nothing as one undoable step).

type Run = (command: (wb: Workbook) => Outcome) => Outcome;

interface Pending {
  scale: string;
  file: string;
  read: BaseScaleRead;
}

export function BaseScales({ workbook, run }: { workbook: Workbook; run: Run }) {
  const t = useT();
  const say = useSay();
  const g = useAmount();
  const { notify } = useOpenDocument();
  const scales = workbook.baseScales ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const current = scales.find((s) => s.id === selected) ?? scales[0];
  const [newName, setNewName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');

  const add = () => {
    const o = run((wb) => addBaseScale(wb, { name: newName }));
    setAddError(refusal(o, say));
    if (o.ok) {
      setNewName('');
      setSelected(o.workbook.baseScales?.at(-1)?.id ?? null);
    }
  };
  const importFile = async (file: File) => {
    if (!current) return;
    try {
      const table = await readTable(file);
      setPending({ scale: current.id, file: file.name, read: baseScaleRows(table) });
    } catch (e) {
      notify({
        kind: 'error',
        text: t('scales.import.unreadable', {
          file: file.name,
          sheet: isSheet(file.name) ? 'yes' : 'no',
          error: (e as Error).message,
        }),
      });
    }
  };
  const readPaste = () => {
    if (!current || pasted.trim() === '') return;
    const table = readTabular(new TextEncoder().encode(pasted), t('scales.paste.file'));
    // A header line names "code" (any case); without one the columns are code[, name], rate.
    const headerless = !(table.rows[0]?.cells ?? []).some((c) => c.trim().toLowerCase() === 'code');
    setPending({ scale: current.id, file: t('scales.paste.file'), read: baseScaleRows(table, { headerless }) });
  };

  return (
    <div className="base-scales" data-testid="base-scales">
      <h3>{t('scales.base.heading')}</h3>
      {scales.length === 0 && <p className="muted">{t('scales.base.none')}</p>}
      {scales.length > 0 && (
        <table className="scales-list">
          <thead>
            <tr>
              <th>{t('scales.base.name')}</th>
              <th>{t('scales.base.source')}</th>
              <th className="n">{t('scales.base.count')}</th>
              <th className="n">{t('scales.base.sum')}</th>
            </tr>
          </thead>
          <tbody>
            {scales.map((s) => (
              <tr
                key={s.id}
                className={s.id === current?.id ? 'selected' : undefined}
                aria-selected={s.id === current?.id}
                data-testid={`base-scale-${s.id}`}
                onClick={() => setSelected(s.id)}
              >
                <td>
                  <button type="button" className="link" onClick={() => setSelected(s.id)}>
                    <Bidi>{s.name}</Bidi>
                  </button>
                </td>
                {/* A source of several lines reads in its own direction as a block, not only as a phrase. */}
                <td dir="auto">
                  <Bidi>{s.source ?? ''}</Bidi>
                </td>
                <td className="n">{s.rates.length}</td>
                <td className="n">{g(s.rates.reduce((a, r) => a.plus(r.rate), new Decimal(0)).toFixed())}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="scales-add">
        <input
          data-testid="base-scale-new"
          value={newName}
          placeholder={t('scales.base.newName')}
          aria-label={t('scales.base.newName')}
          onChange={(e) => setNewName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" data-testid="base-scale-add" onClick={add}>
          {t('scales.base.add')}
        </button>
        {addError && (
          <span className="cell-error" role="alert">
            {addError}
          </span>
        )}
      </div>
      {current && (
        <SelectedScale
          key={`${current.id}|${current.name}|${current.source ?? ''}`}
          id={current.id}
          name={current.name}
          source={current.source ?? ''}
          run={run}
        >
          <div className="scales-import">
            <label className="button" data-testid="base-scale-import" title={t('scales.import.hint')}>
              {t('scales.import.button')}
              <input
                type="file"
                accept=".csv,.tsv,.txt,.xlsx"
                hidden
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void importFile(f);
                }}
              />
            </label>
            <button
              type="button"
              data-testid="base-scale-paste"
              onClick={() => setPasting((p) => !p)}
              aria-expanded={pasting}
            >
              {t('scales.paste.button')}
            </button>
          </div>
          {pasting && (
            <div className="scales-paste">
              <p className="muted">{t('scales.paste.hint')}</p>
              <textarea
                data-testid="base-scale-paste-text"
                rows={6}
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
                aria-label={t('scales.paste.button')}
              />
              <button
                type="button"
                data-testid="base-scale-paste-read"
                disabled={pasted.trim() === ''}
                onClick={readPaste}
              >
                {t('scales.paste.read')}
              </button>
            </div>
          )}
          <RatesTable rates={current.rates} />
        </SelectedScale>
      )}
      {pending && (
        <RatesPreview
          workbook={workbook}
          pending={pending}
          onApply={() => {
            const o = run((wb) =>
              replaceBaseScaleRates(wb, {
                scale: pending.scale,
                rows: pending.read.rows,
                problems: pending.read.problems,
              }),
            );
            setPending(null);
            if (o.ok) {
              setPasted('');
              setPasting(false);
            } else
              notify({ kind: 'error', text: t('scales.import.nothing', { file: pending.file }), problems: o.problems });
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}

/** The selected scale's name and source (saved together), its removal, and what the caller puts below. */
function SelectedScale({
  id,
  name,
  source,
  run,
  children,
}: {
  id: string;
  name: string;
  source: string;
  run: Run;
  children: React.ReactNode;
}) {
  const t = useT();
  const say = useSay();
  const [n, setN] = useState(name);
  const [s, setS] = useState(source);
  const [error, setError] = useState<string | null>(null);
  const changed = n !== name || s !== source;
  return (
    <div className="scales-selected" data-testid="base-scale-selected">
      <div className="scales-form">
        <label className="scales-field">
          <span>{t('scales.base.name')}</span>
          <input data-testid="base-scale-name" dir="auto" value={n} size={28} onChange={(e) => setN(e.target.value)} />
        </label>
        <label className="scales-field">
          <span>{t('scales.base.source')}</span>
          <input
            data-testid="base-scale-source"
            dir="auto"
            value={s}
            size={20}
            onChange={(e) => setS(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={!changed}
          onClick={() =>
            setError(
              refusal(
                run((wb) => renameBaseScale(wb, { scale: id, name: n, source: s })),
                say,
              ),
            )
          }
        >
          {t('scales.base.save')}
        </button>
        <button
          type="button"
          data-testid="base-scale-remove"
          onClick={() =>
            setError(
              refusal(
                run((wb) => removeBaseScale(wb, { scale: id })),
                say,
              ),
            )
          }
        >
          {t('scales.base.remove')}
        </button>
      </div>
      {error && (
        <p className="cell-error" role="alert" data-testid="base-scale-error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type Rate = { code: string; name?: string; rate: string };
type RateColumn = 'code' | 'name' | 'rate';

/** A base scale's rates; every header sorts (a click, or Enter on it): rates exactly, names by the language. */
function RatesTable({ rates }: { rates: Rate[] }) {
  const t = useT();
  const g = useAmount();
  const { id: localeId } = useLocale();
  const [sort, setSort] = useState<{ col: RateColumn; desc: boolean } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rates;
    const cmp = sort.col === 'rate' ? byAmount : sort.col === 'code' ? byCode : byText(localeId);
    // Stable: equal keys keep the scale's order.
    const out = rates.map((r, i) => ({ r, i }));
    out.sort((a, b) => (sort.desc ? -1 : 1) * cmp(a.r[sort.col], b.r[sort.col]) || a.i - b.i);
    return out.map((x) => x.r);
  }, [rates, sort, localeId]);
  if (rates.length === 0) return <p className="muted">{t('scales.base.noRates')}</p>;
  // Ascending, then descending, then the scale's own order (as the grids' headers do).
  const next = (col: RateColumn) =>
    setSort((s) => (s?.col !== col ? { col, desc: false } : s.desc ? null : { col, desc: true }));
  const head = (col: RateColumn, label: string, className?: string) => (
    <th
      className={className}
      aria-sort={sort?.col === col ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      data-testid={`rates-sort-${col}`}
    >
      <button type="button" className="link sort-head" onClick={() => next(col)}>
        {label}
        {sort?.col === col ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <div className="scales-rates-wrap">
      <table className="scales-rates" data-testid="base-scale-rates">
        <thead>
          <tr>
            {head('code', t('scales.preview.code'))}
            {head('name', t('scales.preview.name'))}
            {head('rate', t('scales.preview.baseRate'), 'n')}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code}>
              <td>
                <Bidi>{r.code}</Bidi>
              </td>
              <td>
                <Bidi>{r.name ?? ''}</Bidi>
              </td>
              <td className="n">{g(r.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** R25 what replacing the rates will change: added, changed (old → new), removed and refused rows. */
function RatesPreview({
  workbook,
  pending,
  onApply,
  onCancel,
}: {
  workbook: Workbook;
  pending: Pending;
  onApply(): void;
  onCancel(): void;
}) {
  const t = useT();
  const say = useSay();
  const g = useAmount();
  const v = useMemo(() => baseScalePreview(workbook, pending.scale, pending.read), [workbook, pending]);
  const name = (workbook.baseScales ?? []).find((s) => s.id === pending.scale)?.name ?? pending.scale;
  const text = (r: { message: string; msg?: import('../../../shared/i18n/intl').Message }) =>
    r.msg ? say(r.msg) : r.message;
  const refused = [...v.refused, ...v.breaks];
  // Without the place, which the first column says: "rate: …" of "line 4, rate: …".
  const why = (r: (typeof refused)[number]) => {
    const m = r.msg;
    if (!m?.parts?.at) return text(r);
    if (m.id === 'scales.edit.rowField') return say({ ...m, id: 'scales.edit.fieldReason' });
    return m.parts.reason ? say(m.parts.reason) : String(m.values?.reason ?? '');
  };
  const head = [
    t('scales.import.where'),
    t('scales.preview.code'),
    t('scales.preview.name'),
    t('scales.preview.baseRate'),
  ];
  return (
    <ImportPreview
      title={t('scales.import.title', { scale: name, file: pending.file })}
      notices={pending.read.notices.map((n) => say(n))}
      summary={t('scales.import.summary', {
        added: v.added.length,
        changed: v.changed.length,
        removed: v.removed.length,
        unchanged: v.unchanged,
        refused: refused.length,
      })}
      sections={[
        // A row's message starts with where it is ("line 4, rate: …"), which has a column of its own.
        {
          id: 'refused',
          title: t('scales.import.refused'),
          head: [t('scales.import.where'), t('scales.import.why')],
          rows: refused.map((r, i) => ({
            key: `${r.at}|${i}`,
            cells: [r.msg?.parts?.at ? say(r.msg.parts.at) : r.at, why(r)],
          })),
        },
        {
          id: 'added',
          title: t('scales.import.toAdd'),
          head,
          numeric: [3],
          rows: v.added.map((r) => ({
            key: r.code,
            cells: [r.at, <Bidi key="c">{r.code}</Bidi>, <Bidi key="n">{r.name}</Bidi>, g(r.rate)],
          })),
        },
        {
          id: 'changed',
          title: t('scales.import.toChange'),
          head,
          numeric: [3],
          rows: v.changed.map((r) => ({
            key: r.code,
            cells: [
              r.at,
              <Bidi key="c">{r.code}</Bidi>,
              r.from.name !== r.name ? (
                <>
                  <del>{r.from.name}</del> → <ins>{r.name}</ins>
                </>
              ) : (
                <Bidi>{r.name}</Bidi>
              ),
              r.from.rate !== r.rate ? (
                <>
                  <del>{g(r.from.rate)}</del> → <ins>{g(r.rate)}</ins>
                </>
              ) : (
                g(r.rate)
              ),
            ],
          })),
        },
        {
          id: 'left-out',
          title: t('scales.import.toRemove'),
          head: head.slice(1),
          numeric: [2],
          rows: v.removed.map((r) => ({
            key: r.code,
            cells: [<Bidi key="c">{r.code}</Bidi>, <Bidi key="n">{r.name}</Bidi>, g(r.rate)],
          })),
        },
      ]}
      canApply={v.canApply}
      blocked={refused.length > 0 ? t('scales.import.blocked') : t('scales.import.nothingChanges')}
      applyLabel={t('scales.import.apply', { count: pending.read.rows.length })}
      onApply={onApply}
      onCancel={onCancel}
    />
  );
}
