import { useCallback, useMemo, useState } from 'react';
import type { Outcome } from '../../../shared/edit';
import { yearOf } from '../../../shared/model/dates';
import { DateField } from '../DateField';
import type { Problem, Workbook } from '../../../shared/model/types';
import { useOpenDocument } from '../document/DocumentProvider';
import { useT } from '../i18n';
import { LiquidityView } from '../liquidity/LiquidityView';
import { ScalesView } from '../scales/ScalesView';
import { AdvancesView } from './AdvancesView';
import { PaymentsView } from './PaymentsView';
import { LedgerState } from '../../../shared/engine/status-state';
import { rowStatusLines, type StatusLine } from '../../../shared/export/ledger-export';
import { StatusView } from './StatusView';
import type { LedgerViewId } from './ViewTabs';
import { WcfView } from './WcfView';
import './ledger.css';

// R15–R20 in the app: payments, voting status, the working capital fund and host-state advances, on an "as of"
// date the user picks (shared by the four views). Edits go through the document store's `run` (one undo stack).

export type Notify = (kind: 'info' | 'error', text: string, problems?: Problem[]) => void;

export interface LedgerProps {
  workbook: Workbook;
  asOf: string;
  state: LedgerState<StatusLine>;
  run(command: (wb: Workbook) => Outcome): Outcome;
  notify: Notify;
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Kept across view switches: the date a user picked stays picked. */
let rememberedAsOf: string | null = null;

export function LedgerView({ view }: { view: LedgerViewId }) {
  const { doc, run, notify: show } = useOpenDocument();
  const t = useT();
  const workbook = doc.workbook;
  const notify = useCallback<Notify>((kind, text, problems) => show({ kind, text, problems }), [show]);
  const [asOf, setAsOfState] = useState(() => rememberedAsOf ?? todayIso());
  const state = useMemo(() => new LedgerState(rowStatusLines), []);
  const setAsOf = (d: string) => {
    rememberedAsOf = d;
    setAsOfState(d);
  };
  // R24 the Liquidity view takes the toolbar's budget and year, not the "as of" date.
  if (view === 'liquidity') return <LiquidityView />;
  // R21 the Scales view takes the toolbar's budget and year too.
  if (view === 'scales') return <ScalesView />;
  const props: LedgerProps = { workbook, asOf, state, run, notify };
  const year = yearOf(asOf);
  const eve = asOf.slice(5) === '12-31' ? year + 1 : year;
  return (
    <div className="ledger" role="tabpanel" aria-labelledby={`tab-${view}`}>
      <div className="ledger-bar">
        <label>
          {t('ledger.bar.asOf')}{' '}
          <DateField
            testId="as-of"
            value={asOf}
            commit={(d) => {
              if (d) setAsOf(d);
              return null;
            }}
            title={t('ledger.bar.asOfTitle')}
          />
        </label>
        <button onClick={() => setAsOf(todayIso())}>{t('ledger.bar.today')}</button>
        {/* "Who loses the vote on 1 January, and what must each pay to keep it?": the eve shows who is about to lose it
            and the payment to keep it; the day shows who has lost it. Each press steps on a year. */}
        <button data-testid="eve-january" onClick={() => setAsOf(`${eve}-12-31`)} title={t('ledger.bar.eveTitle')}>
          {t('ledger.bar.eve', { year: String(eve) })}
        </button>
        <button
          data-testid="next-january"
          onClick={() => setAsOf(`${year + 1}-01-01`)}
          title={t('ledger.bar.januaryTitle')}
        >
          {t('ledger.bar.january', { year: String(year + 1) })}
        </button>
      </div>
      {view === 'payments' && <PaymentsView {...props} />}
      {view === 'status' && <StatusView {...props} />}
      {view === 'wcf' && <WcfView {...props} />}
      {view === 'advances' && <AdvancesView {...props} />}
    </div>
  );
}
