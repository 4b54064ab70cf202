import { describe, expect, it } from 'vitest';
import { exportText } from '../../shared/export/export-text';
import { alignedText } from '../../shared/export/text-table';

// `contrib apportion --members` with --format table on 200,000 members overflowed the stack (Math.max over every row).
describe('text tables of many rows', () => {
  const n = 200_000; // Math.max(...) overflows from about 130,000 arguments
  it('alignedText pads 200,000 rows to the widest cell', () => {
    const rows = Array.from({ length: n }, (_, i) => [`M${i}`, i === n - 1 ? '1234567.89' : '1.00']);
    const out = alignedText(['code', 'amount'], rows, [false, true]);
    expect(out).toHaveLength(n + 2);
    expect(out[2]).toBe('M0             1.00');
    expect(out[n + 1]).toBe('M199999  1234567.89');
  });
  it('exportText writes 200,000 rows', () => {
    const rows = Array.from({ length: n }, (_, i) => ({ code: `M${i}`, amount: '1.00' }));
    const text = exportText({
      title: 'T',
      info: [],
      locale: 'fr',
      columns: [
        { key: 'code', header: 'Code', kind: 'text' },
        { key: 'amount', header: 'Montant', kind: 'amount' },
      ],
      rows,
    } as unknown as Parameters<typeof exportText>[0]);
    expect(text.split('\n')).toHaveLength(n + 5);
  });
});
