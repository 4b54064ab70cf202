import { describe, expect, it } from 'vitest';
import { compareScenario } from '../../shared/scenario/scenario';
import { example } from './edit-helpers';

describe('R14 R21 R22 a what-if on a derived budget', () => {
  it('a new total for the Special Fund keeps its derivation and its credit', () => {
    const wb = example();
    const c = compareScenario(
      wb,
      {
        name: 'More',
        overrides: [{ kind: 'level', budget: 'special-fund', year: 2026, method: 'total', amount: '2000000' }],
      },
      'special-fund',
      2026,
    );
    expect(c.after.total).toBe('2000000');
    expect(c.after.derivation?.settings.ceiling).toBe('15');
    expect(c.after.credit?.total).toBe('240000');
    expect(c.rows.every((r) => !r.changed)).toBe(true);
  });
});
