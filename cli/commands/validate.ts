// `contrib validate`: every problem of a workbook on its line (issue 13: its own module, loaded only when asked for).
import { checkComputable } from '../../shared/engine/check';
import { workbookWarnings } from '../../shared/engine/warnings';
import { say } from '../../shared/i18n/intl';
import { lineOfPath, parseWorkbook } from '../../shared/model/validate';
import { readText } from '../files';
import { C, cliLanguage, parse, UsageError, words, type Io } from '../io';
import { warningLines } from '../workbook';

/** `contrib validate`: every problem on its line, in the language of --lang or LANG (issue 11). */
export function validate(args: string[], io: Io, env: NodeJS.ProcessEnv): number {
  const { values, positionals } = parse(args, { lang: { type: 'string' } });
  const lang = cliLanguage(values.lang, env);
  if (positionals.length !== 1) throw new UsageError(C('usage.validate'));
  const file = positionals[0];
  const text = readText(file, io);
  const res = parseWorkbook(text);
  if (!res.workbook) {
    res.problems.forEach((p, i) =>
      io.out(`${file}:${res.lines[i] ?? 1}: ${words(p, lang)}${p.path ? ` [${p.path}]` : ''}\n`),
    );
    io.out(`${say(C('validate.problems', { count: res.problems.length, n: String(res.problems.length) }), lang)}\n`);
    return 1;
  }
  const wb = res.workbook;
  const late = checkComputable(wb);
  if (late.length > 0) {
    for (const p of late) io.out(`${file}:${lineOfPath(text, p.path) ?? 1}: ${words(p, lang)} [${p.path}]\n`);
    io.out(`${say(C('validate.problems', { count: late.length, n: String(late.length) }), lang)}\n`);
    return 1;
  }
  // Warnings never fail validation: printed with their line, exit 0.
  const warnings = workbookWarnings(wb);
  for (const line of warningLines(file, text, warnings, lang)) io.out(line);
  // Counts as plain digits, as scripts have read them ("10000 members"), not grouped by the locale.
  const counts = {
    members: String(wb.members.length),
    budgets: String(wb.budgets.length),
    participations: String(wb.participations.length),
    warnings: warnings.length,
    n: String(warnings.length),
  };
  io.out(`${file}: ${say(C(warnings.length ? 'validate.validWarned' : 'validate.valid', counts), lang)}\n`);
  return 0;
}
