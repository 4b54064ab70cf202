// `contrib help`: the commands' syntax and its few sentences. A module of its own, with nothing of the commands or
// the engine, so --help and a usage error read only this (issue 13: start-up). The syntax lines are the same in
// every language (command and flag names); the sentences are catalog messages of the area cli (`cli.help.*`).
import { say } from '../shared/i18n/intl';
import type { Lang } from '../shared/i18n/languages';
import { C } from './io';

const APPORTION = `  contrib apportion WORKBOOK.json --budget ID --year YYYY [--format table|csv|json|xlsx] [--out FILE]
  contrib apportion --members MEMBERS.csv --scheme wipo-convention|paris|wipo-unitary|scale|percent-scale|SCHEME.json
                    (--total AMOUNT [--credit AMOUNT] | --unit-value AMOUNT [--credit-unit-value AMOUNT])
                    [--rounding-unit 0.01] [--rounding half-up|half-even]
                    [--format table|csv|json|xlsx] [--out FILE]`;
const VALIDATE = `  contrib validate WORKBOOK.json`;
const WHATIF = `  contrib whatif WORKBOOK.json --budget ID --year YYYY --set CODE=CLASS [--set CODE=CLASS ...]
                 [--total AMOUNT | --unit-value AMOUNT] [--format table|csv|json|xlsx] [--out FILE]
                 [--lang LANG]
  contrib whatif WORKBOOK.json --budget ID --year YYYY --scenario NAME [--scenario NAME ...] [--format …] [--out FILE]`;
const STATUS = `  contrib status WORKBOOK.json --date YYYY-MM-DD [--budget ID] [--format table|csv|json|xlsx] [--out FILE]
                 [--lang LANG]`;
const WCF = `  contrib wcf WORKBOOK.json --date YYYY-MM-DD [--budget ID] [--format table|csv|json|xlsx] [--out FILE]
                 [--lang LANG]`;
const ADVANCES = `  contrib advances WORKBOOK.json --date YYYY-MM-DD [--format table|csv|json|xlsx] [--out FILE]
                 [--lang LANG]`;
const LIQUIDITY = `  contrib liquidity WORKBOOK.json --budget ID --year YYYY [--late CODE=MONTHS ...] [--late-largest K=MONTHS]
                    [--collect PERCENT] [--expect CODE=YYYY-MM-DD ...] [--not-paying CODE ...]
                    [--format table|csv|json] [--out FILE] [--lang LANG]`;
const SCALE = `  contrib scale derive --base BASE.csv --members MEMBERS.csv [--exclude-below RATE] [--ceiling RATE]
                       [--floor RATE] [--decimals D] [--rounding half-up|largest-remainder]
                       [--format csv|json|table] [--out FILE] [--lang LANG]`;
const MERGE = `  contrib merge BASE.json OURS.json THEIRS.json [--out FILE] [--lang LANG]`;

/** The help, its sentences in the language of --lang or LANG (issue 11). */
export function usage(lang: Lang): string {
  const t = (id: string) => say(C(`help.${id}`), lang);
  return `${t('usage')}
${APPORTION}
${VALIDATE}
${WHATIF}
${STATUS}
${WCF}
${ADVANCES}
${LIQUIDITY}
${SCALE}
      ${t('scaleFiles')}
${MERGE}
                    ${t('mergeDriver')}
  contrib --version
                    ${t('version')}
  ${t('lang')}

${t('exit')}
`;
}
