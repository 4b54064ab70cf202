import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advancesReport } from '../../shared/engine/advances';
import { Ledger } from '../../shared/engine/ledger';
import { wcfReport } from '../../shared/engine/wcf';
import {
  advanceMovementsExport,
  advancesExport,
  votingDecisionsExport,
  wcfDecisionsExport,
} from '../../shared/export/ledger-export';
import type { ExportTable } from '../../shared/export/table-model';
import { translator } from '../../shared/i18n/intl';
import { parseWorkbook } from '../../shared/model/validate';

// Issue 11: the ledger's exports (XLSX, PDF) have their titles, headers and words in the chosen language; English
// as before, without the rule ids users were shown.

const wb = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const date = '2027-06-30';
const tables = (locale?: string): ExportTable[] => {
  const ctx = { organization: 'WIPO', produced: '2027-07-01', ...(locale ? { locale } : {}) };
  const adv = advancesReport(wb, date);
  const wcf = wcfReport(new Ledger(wb), date);
  return [
    votingDecisionsExport(wb.votingDecisions ?? [], ctx),
    wcfDecisionsExport(wcf, ctx),
    advancesExport(adv, ctx),
    advanceMovementsExport(adv, ctx),
  ];
};

describe('ledger exports in a language', () => {
  it('English: the titles and headers as before, no rule ids', () => {
    const [decisions, wcf, advances, movements] = tables();
    expect(decisions.title).toBe('Decisions under which a member keeps its vote');
    expect(wcf.title).toBe(`Working capital fund decisions on ${date}`);
    expect(advances.title).toBe(`Host-state advances on ${date}`);
    expect(movements.title).toBe(`Advances drawn and repaid by ${date}`);
    expect(advances.columns.map((c) => c.header)).toContain('Ex officio seat');
    expect(advances.rows[0].bound).toBe('yes');
    expect(movements.rows[0].kind).toBe('drawn');
    expect(wcf.rows.map((r) => r.basis)).toContain('0.05 of the contribution');
    for (const t of tables()) expect(JSON.stringify([t.title, t.info, t.columns])).not.toMatch(/\(R\d+[a-z]?\)/);
  });

  for (const lang of ['fr', 'ar', 'zh'])
    it(`${lang}: every title, header and word of the catalog, none left in English`, () => {
      const t = translator(lang);
      const en = tables();
      const other = tables(lang);
      other.forEach((x, i) => {
        expect(x.locale).toBe(lang);
        expect(x.title).not.toBe(en[i].title);
        x.columns.forEach((c, j) => {
          // Words French writes as English does (Id, Budget, Date, Total) aside, every header is the language's own.
          if (!['Id', 'Budget', 'Date', 'Total'].includes(en[i].columns[j].header))
            expect(c.header, `${x.name} ${c.key}`).not.toBe(en[i].columns[j].header);
        });
      });
      expect(other[2].title).toBe(t('export.file.advances.title', { date }));
      expect(other[2].rows[0].bound).toBe(t('export.file.yesNo', { value: 'yes' }));
      expect(other[3].rows[0].kind).toBe(t('export.file.movement', { kind: 'drawn' }));
    });
});
