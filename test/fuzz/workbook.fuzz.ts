// The workbook loader (parseWorkbook) on damaged, garbled, deep and huge-ish texts: it accepts a workbook that
// saves and loads again the same, or refuses with a line inside the file for every problem; never throws.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkComputable } from '../../shared/engine/check';
import { EngineError } from '../../shared/engine/apportion';
import { parseWorkbook } from '../../shared/model/validate';
import { badWords, garble, textMutationArb, workbookArb } from './gen';
import type { FuzzTarget, Verdict } from './harness';

const example = readFileSync('examples/example-workbook.json', 'utf8');

const textArb = fc.oneof(
  {
    weight: 150,
    arbitrary: fc
      .tuple(workbookArb, fc.boolean(), fc.array(textMutationArb, { maxLength: 3 }))
      .map(([wb, pretty, ms]) => garble(JSON.stringify(wb, null, pretty ? 2 : undefined), ms)),
  },
  { weight: 1, arbitrary: fc.array(textMutationArb, { minLength: 1, maxLength: 2 }).map((ms) => garble(example, ms)) }, // 0.5 MB: rare, it costs 100× more
  {
    weight: 15,
    arbitrary: fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.constantFrom('', ' ', '\uFEFF{}', 'null', '[]', '{}', '"x"'),
    ),
  },
);

/** Length of the longest string literal in the text, quotes included (it bounds what a message may echo). */
function longestString(text: string): number {
  let most = 0;
  for (const m of text.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) most = Math.max(most, m[0].length);
  return most;
}

export function checkLoaded(text: string): Verdict {
  const lineCount = text.split('\n').length;
  const r = parseWorkbook(text);
  if (r.workbook) {
    if (r.problems.length > 0) return { defect: 'a workbook and problems at once' };
    const again = parseWorkbook(JSON.stringify(r.workbook, null, 2)); // what a save writes must load
    if (!again.workbook)
      return { defect: `the accepted workbook does not load once saved: ${again.problems[0]?.message}` };
    try {
      checkComputable(r.workbook);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      return { defect: `checkComputable let an EngineError out: ${e.message}` };
    }
    return 'accepted';
  }
  if (r.problems.length === 0) return { defect: 'no workbook and no problem' };
  if (r.lines.length !== r.problems.length)
    return { defect: `${r.problems.length} problems but ${r.lines.length} lines` };
  let echo: number | undefined; // found once, and only when a long message needs it (not once per problem)
  for (const [i, p] of r.problems.entries()) {
    const line = r.lines[i];
    if (line === undefined || !Number.isInteger(line) || line < 1 || line > lineCount)
      return { defect: `problem ${i} (${p.path}) at line ${line} of ${lineCount}: ${p.message}` };
    const bad = badWords(p.message, text);
    if (bad) return { defect: `${bad}: ${p.message.slice(0, 200)} [${p.path}]` };
    // A message may echo a value of the file (a long code, say), but never grow beyond it: 5,000 × 5,000 codes was 150 MB.
    if (p.message.length > 2_000 && p.message.length > 2_000 + 4 * (echo ??= longestString(text)))
      return { defect: `a message of ${p.message.length} characters [${p.path}]` };
  }
  return 'refused';
}

export default {
  name: 'workbook',
  arbitrary: textArb,
  run: checkLoaded,
} satisfies FuzzTarget<string>;
