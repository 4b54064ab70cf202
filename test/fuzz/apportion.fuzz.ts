// Apportionment (R4–R7) against the slow rational oracle: every amount exact, the sum exactly the total, R6 ties by
// units then code point, whatever the spelling of the units; refused (EngineError) exactly when the oracle refuses.
import fc from 'fast-check';
import { applyUnitValue, apportionTotal, EngineError } from '../../shared/engine/apportion';
import { codeArb, decimalArb, spell } from './gen';
import type { FuzzTarget, Verdict } from './harness';
import { apportionOracle, sumsTo, unitValueOracle, type OracleResult } from './oracle';

const unitArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('0.01', '1', '0.05', '100', '0.001', '5', '0.25', '0.010', '1.00', '01') },
  { weight: 1, arbitrary: fc.constantFrom('0', '0.00', '-1') },
  { weight: 2, arbitrary: decimalArb(4, true) },
);
// Units drawn from a few values, so ties are common, each value spelled many ways.
const unitsArb = fc.oneof(
  {
    weight: 200,
    arbitrary: fc
      .tuple(fc.constantFrom(1n, 2n, 3n, 5n, 10n, 25n, 75n, 125n, 3125n), fc.constantFrom(0, 1, 2, 3, 5), fc.nat(30))
      .map(([n, k, how]) => spell(n, k, how, true)),
  },
  { weight: 100, arbitrary: decimalArb(9, true) },
  { weight: 1, arbitrary: fc.constantFrom('0', '0.0', '-1', '0', '0', '0', '0') },
);

export interface ApportionInput {
  method: 'total' | 'unit-value';
  members: { code: string; units: string }[];
  level: string;
  unit: string;
  mode: 'half-up' | 'half-even';
}

const inputArb: fc.Arbitrary<ApportionInput> = fc
  .record({
    method: fc.constantFrom('total' as const, 'total' as const, 'unit-value' as const),
    members: fc.oneof(
      {
        weight: 20,
        arbitrary: fc.uniqueArray(fc.record({ code: codeArb, units: unitsArb }), {
          maxLength: 40,
          selector: (m) => m.code,
        }),
      },
      // Now and then a long list: codes made from the index, so generating it stays cheap.
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 200, max: 2_000 }), fc.array(unitsArb, { minLength: 1, maxLength: 8 }))
          .map(([n, us]) =>
            Array.from({ length: n }, (_, i) => ({ code: `M${(n - i) % 97}-${i}`, units: us[i % us.length] })),
          ),
      },
    ),
    cents: fc.bigInt({ min: 0n, max: 10n ** 13n }),
    raw: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: decimalArb(10, true) }), // rarely a level that may not divide
    unit: unitArb,
    mode: fc.constantFrom('half-up' as const, 'half-even' as const),
  })
  .map(({ method, members, cents, raw, unit, mode }) => {
    // Mostly a whole number of rounding units; sometimes anything.
    const r = /^\d*\.?\d*$/.test(unit) && /[1-9]/.test(unit) ? unit : '1';
    const places = r.includes('.') ? r.length - r.indexOf('.') - 1 : 0;
    const scaled = BigInt(r.replace('.', '')) * cents;
    const level = raw ?? spell(scaled, places, Number(cents % 7n), true);
    return { method, members, level, unit, mode };
  });

function compare(
  got: () => { amounts: string[]; roundedUp: boolean[] },
  want: OracleResult,
  input: ApportionInput,
): Verdict {
  let res: { amounts: string[]; roundedUp: boolean[] };
  try {
    res = got();
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    return 'invalid' in want ? 'refused' : { defect: `refused (${e.message}) where the oracle computes` };
  }
  if ('invalid' in want) return { defect: `computed where the oracle refuses (${want.invalid})` };
  for (let i = 0; i < want.amounts.length; i++) {
    if (res.amounts[i] !== want.amounts[i])
      return {
        defect: `member ${JSON.stringify(input.members[i].code)} (units ${input.members[i].units}): ${res.amounts[i]}, oracle ${want.amounts[i]}`,
      };
    if (res.roundedUp[i] !== want.roundedUp[i])
      return { defect: `member ${i}: roundedUp ${res.roundedUp[i]}, oracle ${want.roundedUp[i]}` };
  }
  if (res.amounts.length !== want.amounts.length)
    return { defect: `${res.amounts.length} amounts for ${want.amounts.length} members` };
  if (input.method === 'total' && !sumsTo(res.amounts, input.level))
    return { defect: `R5: the amounts do not sum to ${input.level}` };
  return 'accepted';
}

export function checkApportion(input: ApportionInput): Verdict {
  const { method, members, level, unit, mode } = input;
  if (method === 'total')
    return compare(() => apportionTotal(members, level, unit), apportionOracle(members, level, unit), input);
  return compare(() => applyUnitValue(members, level, unit, mode), unitValueOracle(members, level, unit, mode), input);
}

export default {
  name: 'apportion',
  arbitrary: inputArb,
  run: checkApportion,
} satisfies FuzzTarget<ApportionInput>;
