import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../shared/i18n/catalogs';
import { LANGS } from '../../shared/i18n/languages';

// docs/glossary.md is the reference for the domain's words (issue 11): the catalogs say its terms. Each check names a
// glossary table and column and the catalog texts that must carry that term, in every language.

const glossary = readFileSync('docs/glossary.md', 'utf8');

/** A glossary table's cells by language, from the `### heading` that starts with `title`. */
function table(title: string): Map<string, string[]> {
  const start = glossary.indexOf(`\n### ${title}`);
  if (start < 0) throw new Error(`no glossary table "${title}"`);
  const rows = new Map<string, string[]>();
  for (const line of glossary
    .slice(start + 1)
    .split('\n')
    .slice(1)) {
    if (line.startsWith('#')) break;
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length > 3 && /^[a-z]{2}$/.test(cells[1])) rows.set(cells[1], cells.slice(2));
  }
  return rows;
}

const text = (lang: string, id: string): string => {
  const area = id.split('.')[0] as keyof (typeof CATALOGS)['en'];
  const said = (CATALOGS[lang as 'en'][area] as Record<string, string>)[id];
  if (said === undefined) throw new Error(`no ${id} in ${lang}`);
  return said;
};
// Case and the apostrophe's form do not matter; a term's note in brackets is not part of it.
const norm = (s: string) => s.toLocaleLowerCase().replace(/’/g, "'");
const term = (cell: string) =>
  norm(
    cell
      .replace(/\s*\(.*\)$/, '')
      .split(';')[0]
      .trim(),
  );

// `except`: languages whose sentence declines the term (Russian: в Координационном комитете), checked by eye.
const checks: { table: string; column: number; ids: string[]; except?: string[] }[] = [
  {
    table: 'ex officio seat',
    column: 0,
    ids: [
      'export.text.advances.seat',
      'export.file.advances.seat',
      'ledger.advances.seat',
      'export.file.col.exOfficioSeat',
    ],
    except: ['ar'], // the header drops the pronoun: checked below
  },
  {
    table: 'ex officio seat',
    column: 1,
    ids: ['export.text.advances.seat', 'export.file.advances.seatUntil', 'ledger.advances.seatUntil'],
    except: ['ru'],
  },
  // English heads the column with the participle (Denounced).
  {
    table: 'denunciation',
    column: 0,
    ids: ['export.file.col.denounced', 'ledger.advances.denunciation'],
    except: ['en'],
  },
  { table: 'advance ceiling', column: 0, ids: ['cli.liquidity.opening'] },
  { table: 'advance ceiling', column: 1, ids: ['export.file.col.ceiling', 'ledger.advances.ceiling'] },
  { table: 'host state', column: 0, ids: ['export.file.col.hostState', 'ledger.advances.hostState'] },
  { table: 'opening balance', column: 0, ids: ['common.term.openingBalance'] },
  { table: 'receipts', column: 0, ids: ['liquidity.col.receipts'] },
  { table: 'history of changes', column: 0, ids: ['merge.journal.notList'] },
];

describe('the catalogs say the glossary’s terms', () => {
  for (const c of checks)
    it(`${c.table} (column ${c.column + 1}): ${c.ids.join(', ')}`, () => {
      const rows = table(c.table);
      for (const lang of LANGS.filter((l) => !c.except?.includes(l))) {
        const cell = rows.get(lang)?.[c.column];
        expect(cell, `${lang} in the glossary`).toBeTruthy();
        for (const id of c.ids) expect(norm(text(lang, id)), `${lang} ${id}`).toContain(term(cell!));
      }
    });

  it('Arabic: the ex officio seat in the sentences, and the column header the glossary gives', () => {
    const ar = table('ex officio seat').get('ar')![0];
    expect(ar).toContain(`header: ${text('ar', 'export.file.col.exOfficioSeat')}`);
    for (const id of ['export.text.advances.seat', 'export.file.advances.seat', 'ledger.advances.seat'])
      // The treaty's order: «تتمتع … بحكم وضعها بمقعد» (Art. 11(9)(a)).
      for (const word of term(ar)
        .split(' ')
        .filter((w) => w !== 'بحكم'))
        expect(text('ar', id), id).toContain(word);
  });
});
