#!/usr/bin/env node
// Writes examples/example-workbook.json, the example workbook bundled with the app (format version 1,
// see shared/model/types.ts). Plain Node plus tsx (already a dependency of the CLI), so the payments are computed
// with the engine itself, to the cent. Deterministic: the same script always writes the same bytes.
// Run: node scripts/make-example.mjs
//
// The member states, their names and ISO 3166-1 alpha-2 codes are real; the dates, classes, budgets and class
// changes are illustrative, not official figures of any organization.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'examples', 'example-workbook.json');

// Years covered by every budget of the example.
const FIRST_YEAR = 2022;
const LAST_YEAR = 2027;
// Class histories start here, or at the year of accession when that is later.
const HISTORY_START = 2000;

// R1 the built-in schemes, as the engine defines them.
register();
const { WIPO_CONVENTION, PARIS, WIPO_UNITARY } = await import('../shared/model/schemes.ts');
const SCHEMES = [WIPO_CONVENTION, PARIS, WIPO_UNITARY];

// One member a line: code | name | joined | unitary class history | union and class history.
// A class history is "CLASS" or "CLASS;YEAR:CLASS;…": the first class holds from HISTORY_START (or the year of
// accession), each later entry from 1 January of its year (a change already in force).
// Union: "P" = Paris Union (paris budget), "C" = no Union (Conference budget, classes A/B/C).
const MEMBERS = `
AF|Afghanistan|2005-09-13|Ster|C B
AL|Albania|1992-06-30|Sbis|P VII
DZ|Algeria|1975-04-16|S|P VI
AD|Andorra|1994-10-28|IX|P VII
AO|Angola|1985-04-15|Ster|P VII
AG|Antigua and Barbuda|2000-03-14|Sbis|P VII
AR|Argentina|1980-10-08|S|P VI
AM|Armenia|1993-04-22|Sbis|P VII
AU|Australia|1972-08-10|IV|P IV
AT|Austria|1973-08-11|V|P IV
AZ|Azerbaijan|1995-12-25|Sbis|P VII
BS|Bahamas|1977-01-04|Sbis|P VII
BH|Bahrain|1995-06-22|S|P VII
BD|Bangladesh|1985-05-11|Ster|P VII
BB|Barbados|1979-10-05|Sbis|P VII
BY|Belarus|1991-12-25|Sbis|P VII
BE|Belgium|1975-01-31|IVbis|P IV
BZ|Belize|2000-06-17|Sbis|P VII
BJ|Benin|1975-03-09|Ster|P VII
BT|Bhutan|1994-03-16|Ster|C C
BO|Bolivia (Plurinational State of)|1993-07-06|Sbis|P VII
BA|Bosnia and Herzegovina|1992-03-01|Sbis|P VII
BW|Botswana|1998-04-15|Sbis|P VII
BR|Brazil|1975-03-20|S|P IV
BN|Brunei Darussalam|1994-04-21|S|P VII
BG|Bulgaria|1970-05-19|IX|P VI
BF|Burkina Faso|1975-08-23|Ster|P VII
BI|Burundi|1977-03-30|Ster|P VII
CV|Cabo Verde|1997-07-07|Ster|C C
KH|Cambodia|1995-07-25|Ster|P VII
CM|Cameroon|1973-11-03|Sbis|P VII
CA|Canada|1970-06-26|IV|P III
CF|Central African Republic|1978-08-23|Ster|P VII
TD|Chad|1970-09-26|Ster|P VII
CL|Chile|1975-06-25|S|P VI
CN|China|1980-06-03|IV;2021:II|P III;2021:I
CO|Colombia|1980-05-04|S|P VI
KM|Comoros|2005-04-03|Ster|P VII
CG|Congo|1975-12-02|Sbis|P VII
CR|Costa Rica|1981-06-10|Sbis|P VII
CI|Côte d'Ivoire|1974-05-01|Sbis|P VII
HR|Croatia|1991-10-08|VIII|P VI
CU|Cuba|1975-03-27|Sbis|P VII
CY|Cyprus|1984-10-26|IX|P VII
CZ|Czechia|1993-01-01|VIbis|P V
KP|Democratic People's Republic of Korea|1974-08-17|Sbis|P VII
CD|Democratic Republic of the Congo|1975-01-28|Ster|P VII
DK|Denmark|1970-04-26|V|P IV
DJ|Djibouti|2002-05-13|Ster|P VII
DM|Dominica|1998-09-26|Sbis|P VII
DO|Dominican Republic|2000-06-27|Sbis|P VII
EC|Ecuador|1988-05-22|Sbis|P VII
EG|Egypt|1975-04-21|S|P VI
SV|El Salvador|1979-09-18|Sbis|P VII
GQ|Equatorial Guinea|1997-06-26|Sbis|P VII
ER|Eritrea|1997-02-20|Ster|C C
EE|Estonia|1994-02-05|VIII|P VII
SZ|Eswatini|1988-08-18|Sbis|P VII
ET|Ethiopia|1998-02-19|Ster|C B
FJ|Fiji|1972-03-11|Sbis|C C
FI|Finland|1970-09-08|V|P IV
FR|France|1974-10-18|I|P I
GA|Gabon|1975-06-06|Sbis|P VII
GM|Gambia|1980-12-10|Ster|P VII
GE|Georgia|1991-12-25|Sbis|P VII
DE|Germany|1970-09-19|I|P I
GH|Ghana|1976-06-12|Sbis|P VII
GR|Greece|1976-03-04|VI;2013:VIbis|P VI
GD|Grenada|1998-09-22|Sbis|P VII
GT|Guatemala|1983-04-30|Sbis|P VII
GN|Guinea|1980-11-13|Ster|P VII
GW|Guinea-Bissau|1988-06-28|Ster|P VII
GY|Guyana|1994-10-25|Sbis|P VII
HT|Haiti|1983-11-02|Ster|P VII
VA|Holy See|1975-04-20|IX|P VII
HN|Honduras|1983-11-15|Sbis|P VII
HU|Hungary|1970-04-26|VII|P VI
IS|Iceland|1986-09-13|IX|P VII
IN|India|1975-05-01|S;2023:IX|P IV
ID|Indonesia|1979-12-18|S|P VI
IR|Iran (Islamic Republic of)|2002-03-14|S|P VI
IQ|Iraq|1976-01-21|S|P VII
IE|Ireland|1970-04-26|VI|P V
IL|Israel|1970-04-26|VI|P V
IT|Italy|1977-04-20|III|P II
JM|Jamaica|1978-12-25|Sbis|P VII
JP|Japan|1975-04-20|I|P I
JO|Jordan|1972-07-12|Sbis|P VII
KZ|Kazakhstan|1991-12-25|S|P VII
KE|Kenya|1971-10-05|Sbis|P VII
KI|Kiribati|2002-12-07|Ster|C C
KW|Kuwait|1998-07-14|S|C B;2022:A
KG|Kyrgyzstan|1991-12-25|Sbis|P VII
LA|Lao People's Democratic Republic|1995-01-17|Ster|P VII
LV|Latvia|1993-01-21|VIII|P VII
LB|Lebanon|1986-12-30|Sbis|P VII
LS|Lesotho|1986-11-18|Ster|P VII
LR|Liberia|1989-03-08|Ster|P VII
LY|Libya|1976-09-28|S|P VII
LI|Liechtenstein|1972-05-21|IX|P VII
LT|Lithuania|1992-04-30|VIII|P VII
LU|Luxembourg|1975-03-19|VII|P VII
MG|Madagascar|1989-12-22|Ster|P VII
MW|Malawi|1970-06-11|Ster|P VII
MY|Malaysia|1989-01-01|S|P VI
MV|Maldives|2004-05-12|Sbis|C C
ML|Mali|1982-08-14|Ster|P VII
MT|Malta|1977-12-07|IX|P VII
MH|Marshall Islands|2019-05-23|Sbis|C C
MR|Mauritania|1976-09-17|Ster|P VII
MU|Mauritius|1976-09-21|Sbis|P VII
MX|Mexico|1975-06-14|S|P V
FM|Micronesia (Federated States of)|2021-06-15|Sbis|C C
MC|Monaco|1975-03-03|IX|P VII
MN|Mongolia|1979-02-28|Sbis|P VII
ME|Montenegro|2006-06-03|Sbis|P VII
MA|Morocco|1971-07-27|Sbis|P VI
MZ|Mozambique|1996-12-23|Ster|P VII
MM|Myanmar|2001-05-15|Ster|C B
NA|Namibia|1991-12-23|Sbis|P VII
NR|Nauru|2020-01-20|Sbis|C C
NP|Nepal|1997-02-04|Ster|P VII
NL|Netherlands|1975-01-09|III|P III
NZ|New Zealand|1984-12-20|VI|P V
NI|Nicaragua|1985-05-05|Sbis|P VII
NE|Niger|1975-05-18|Ster|P VII
NG|Nigeria|1995-04-09|S|P VII
MK|North Macedonia|1993-09-08|Sbis|P VII
NO|Norway|1974-06-08|IVbis|P IV
OM|Oman|1997-02-19|S|P VII
PK|Pakistan|1977-01-06|S|P VII
PW|Palau|2014-08-27|Sbis|C C
PA|Panama|1983-09-17|Sbis|P VII
PG|Papua New Guinea|1997-07-10|Sbis|P VII
PY|Paraguay|1987-06-20|Sbis|P VII
PE|Peru|1980-09-04|S|P VII
PH|Philippines|1980-07-14|S|P VII
PL|Poland|1975-03-23|VII;2019:VIbis|P V
PT|Portugal|1975-04-27|VIbis|P VI
QA|Qatar|1976-09-03|S|P VII
KR|Republic of Korea|1979-03-01|IVbis|P IV;2021:III
MD|Republic of Moldova|1991-12-25|Sbis|P VII
RO|Romania|1970-04-26|IX|P VI
RU|Russian Federation|1970-04-26|IVbis|P IV
RW|Rwanda|1984-02-03|Ster|P VII
KN|Saint Kitts and Nevis|1995-11-16|Sbis|P VII
LC|Saint Lucia|1993-08-21|Sbis|P VII
VC|Saint Vincent and the Grenadines|1995-08-29|Sbis|P VII
WS|Samoa|1997-10-11|Ster|P VII
SM|San Marino|1991-06-26|IX|P VII
ST|Sao Tome and Principe|1998-05-12|Ster|P VII
SA|Saudi Arabia|1982-05-22|S|P VII;2024:V
SN|Senegal|1970-04-26|Sbis|P VII
RS|Serbia|1992-04-27|Sbis|P VII
SC|Seychelles|2000-03-16|Sbis|C C
SL|Sierra Leone|1986-05-18|Ster|P VII
SG|Singapore|1990-12-10|IX|P VI
SK|Slovakia|1993-01-01|VII|P VI
SI|Slovenia|1991-06-25|VIII|P VII
SB|Solomon Islands|2013-04-02|Ster|C C
SO|Somalia|1982-11-18|Ster|C C
ZA|South Africa|1975-03-23|S|P V
SS|South Sudan|2023-03-01|Ster|P VII
ES|Spain|1971-04-26|IV|P III
LK|Sri Lanka|1978-09-20|Sbis|P VII
SD|Sudan|1974-02-15|Ster|P VII
SR|Suriname|1975-11-25|Sbis|P VII
SE|Sweden|1970-04-26|IV|P IV
CH|Switzerland|1970-04-26|III|P III
SY|Syrian Arab Republic|2004-11-18|Sbis|P VII
TJ|Tajikistan|1991-12-25|Ster|P VII
TH|Thailand|1989-12-25|S|P VII
TL|Timor-Leste|2025-07-15|Ster|C C
TG|Togo|1975-04-28|Ster|P VII
TO|Tonga|2001-06-14|Ster|P VII
TT|Trinidad and Tobago|1988-08-16|Sbis|P VII
TN|Tunisia|1975-11-28|Sbis|P VII
TR|Türkiye|1976-05-12|S|P V
TM|Turkmenistan|1991-12-25|Sbis|P VII
TV|Tuvalu|2017-06-20|Ster|C C
UG|Uganda|1973-10-18|Ster|P VII
UA|Ukraine|1991-12-25|S|P VI
AE|United Arab Emirates|1974-09-24|S|P VI
GB|United Kingdom|1970-04-26|I|P I
TZ|United Republic of Tanzania|1983-12-30|Ster|P VII
US|United States of America|1970-08-25|I|P I
UY|Uruguay|1979-12-21|Sbis|P VII
UZ|Uzbekistan|1991-12-25|Sbis|P VII
VU|Vanuatu|2011-03-04|Ster|C C
VE|Venezuela (Bolivarian Republic of)|1984-11-23|S|P VII
VN|Viet Nam|1976-07-02|S|P VII
YE|Yemen|1979-03-29|Ster|P VII
ZM|Zambia|1977-05-14|Ster|P VII
ZW|Zimbabwe|1981-12-29|Sbis|P VII
`;

// Members that joined after FIRST_YEAR began: their participations carry `from` (the date of accession).
// Members that withdrew: their participations carry `until`, and the member carries `withdrew`.
const WITHDRAWN = { TV: '2024-12-31' };

// R11 Locarno Union: members of the Paris Union that also belong to Locarno. They hold their Paris class and none
// of their own (classes: []; Locarno Agreement Art. 7(4)(a)): validation refuses a class of their own.
const LOCARNO = `
AL AM AT AZ BY BE BZ BA BG CN HR CU CZ KP DK EE FI FR DE GE GR GN HU IS IR IE IT KZ KG LV
LI LT LU MW MX MC MN ME MA NL NO MK PL PT KR MD RO RU RS SK SI ES SE CH TJ TT TR TM UA UY UZ
`;
// Locarno accessions after FIRST_YEAR began (illustrative).
const LOCARNO_FROM = { BZ: '2024-01-10' };

// R13 class changes. The comments say what each should do once the engine applies R13.
const CLASS_CHANGES = [
  // Lower class (VIbis -> VII) announced at the 2025 ordinary session: in force from 1 January 2026.
  { member: 'PT', budget: 'unitary', toClass: 'VII', notifiedOn: '2025-09-10', sessionDate: '2025-10-01' },
  // Lower class (B -> C) with no session date yet: pending, changes nothing until a session date is entered.
  { member: 'ET', budget: 'conference', toClass: 'C', notifiedOn: '2026-02-15' },
  // Higher class (VI -> V) for the year the state names: in force from 1 January 2027.
  { member: 'IE', budget: 'unitary', toClass: 'V', notifiedOn: '2026-03-01', requestedYear: 2027 },
  // Paris Union, lower class (IV -> V) announced at the 2025 session: in force from 2026 in Paris and, by R11,
  // in the Locarno Union, where Denmark holds its Paris class.
  { member: 'DK', budget: 'paris', toClass: 'V', notifiedOn: '2025-06-30', sessionDate: '2025-10-01' },
  // Higher class (VII -> VI) with no year named: takes effect at the earliest on 1 January of the next year (2026).
  { member: 'VN', budget: 'paris', toClass: 'VI', notifiedOn: '2025-11-20' },
];

// --- The ledger (R15–R20): payments 2022–2026, WCF decisions, a voting decision, a host-state advance. ----------
// Illustrative only. Each member pays in one of these ways; everyone not listed pays each year in full, in one
// unmarked payment early in the year. On 2026-06-30 (and 2027-01-01) this gives every voting status:
const PAYERS = {
  // No payment recorded since 2022: no vote. (Also the member the edit and validate tests can remove or rename
  // without touching a payment.)
  none: ['AL'],
  // Paid 2022 and 2023, nothing since: arrears 2024 + 2025 reach the threshold, no vote.
  'stopped-2024': ['BO', 'KG', 'LY', 'SO'],
  // The same, but the General Assembly found the delay due to exceptional circumstances (VOTING_DECISIONS).
  'kept-by-decision': ['HT'],
  // Paid up to 2024, nothing since: in arrears on 2026-06-30, no vote from 2027-01-01.
  'stopped-2025': ['LB', 'VE', 'ZW'],
  // Paid about half of 2025 (in whole francs), nothing yet for 2026: in arrears on 2026-06-30.
  'half-2025': ['AR', 'EG', 'GT', 'MN', 'PH'],
  // Pays the unitary contribution and Locarno, marked, but nothing to the Paris Union since 2024: no vote in Paris,
  // so no vote in every body (Art. 11(5)).
  'paris-unpaid': ['CU'],
  // Four instalments a year.
  quarterly: ['BR', 'IN', 'MX', 'TR', 'ZA'],
  // Pays in the autumn: the current year is due, not in arrears, on 2026-06-30.
  late: ['CA', 'IT', 'NG', 'PK'],
  // Pays its contributions and its WCF shares separately, each payment marked.
  marked: ['NO'],
  // Pays on time, and its 2027 unitary contribution ahead, in November 2026 (credited on 1 January 2027).
  ahead: ['SG'],
};
// Tuvalu withdrew on 2024-12-31 without paying 2024: it keeps those arrears.
const UNPAID_FROM = { TV: 2024 };
const PAY_YEARS = [2022, 2023, 2024, 2025, 2026];

// R19 working capital fund decisions.
const WCF_DECISIONS = [
  // Established in the unitary contribution: 5% of each member's 2025 contribution, due 1 January 2025.
  {
    id: 'wcf-unitary-2025',
    budget: 'unitary',
    year: 2025,
    proportion: '0.05',
    decidedOn: '2024-10-08',
    reference: 'Assembly decision 2024/7 (illustrative)',
  },
  // Increased in the Paris Union: 150,000 apportioned in proportion to the 2026 contributions (R5).
  {
    id: 'wcf-paris-2026',
    budget: 'paris',
    year: 2026,
    amount: '150000',
    decidedOn: '2025-10-01',
    reference: 'Paris Union Assembly decision 2025/4 (illustrative)',
  },
];

// R17 the vote kept by decision.
const VOTING_DECISIONS = [
  {
    id: 'vd-2025-1',
    member: 'HT',
    body: 'General Assembly',
    date: '2025-10-09',
    reference: 'General Assembly decision 2025/12 (illustrative)',
    from: '2025-10-09',
    to: '2026-12-31',
  },
];

// R20 the host state's advances, and a denunciation on record: notified 2026-05-10, so the obligation ends on
// 2029-12-31 and the host state keeps its ex officio seat until then.
const ADVANCE_AGREEMENTS = [
  {
    id: 'hq-advances-2012',
    hostState: 'CH',
    ceiling: '10000000',
    currency: 'CHF',
    conditions: 'Interest-free; each advance repaid within twelve months (illustrative)',
    signedOn: '2012-06-01',
    movements: [
      { date: '2023-02-15', kind: 'drawn', amount: '4000000', reference: 'advance 2023/1' },
      { date: '2023-11-30', kind: 'repaid', amount: '4000000', reference: 'advance 2023/1' },
      { date: '2025-03-03', kind: 'drawn', amount: '2500000', reference: 'advance 2025/1' },
      { date: '2025-12-01', kind: 'repaid', amount: '1000000', reference: 'advance 2025/1' },
    ],
    denunciation: {
      by: 'host-state',
      notifiedOn: '2026-05-10',
      reference: 'note verbale of 2026-05-10 (illustrative)',
    },
  },
];

const years = (fn) => {
  const out = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.push(fn(y));
  return out;
};

/** Amounts per year, FIRST_YEAR..LAST_YEAR; null = not adopted before the year began (R10, carried over). */
function budgetYears(method, amounts) {
  if (amounts.length !== LAST_YEAR - FIRST_YEAR + 1) throw new Error('one amount per year expected');
  return years((y) => {
    const amount = amounts[y - FIRST_YEAR];
    return amount === null ? { year: y, method, adopted: false } : { year: y, method, amount, adopted: true };
  });
}

const BUDGETS = [
  {
    id: 'conference',
    name: 'Conference budget (states not members of any Union)',
    schemeId: 'wipo-convention',
    currency: 'CHF',
    roundingUnit: '0.01',
    rounding: 'half-up',
    // 2026 was not adopted before the year began: assessed at the 2025 level (R10).
    years: budgetYears('total', ['1520000.00', '1548000.00', '1575000.00', '1610000.00', null, '1665000.00']),
  },
  {
    id: 'paris',
    name: 'Paris Union',
    schemeId: 'paris',
    currency: 'CHF',
    roundingUnit: '1',
    rounding: 'half-up',
    years: budgetYears('total', ['3050000', '3120000', '3180000', '3240000', '3310000', '3375000']),
  },
  {
    id: 'locarno',
    name: 'Locarno Union (special union)',
    schemeId: 'paris',
    currency: 'CHF',
    roundingUnit: '1',
    rounding: 'half-up',
    classesFrom: 'paris',
    years: budgetYears('total', ['392000', '396000', '400000', '404000', '408000', '412000']),
  },
  {
    id: 'unitary',
    name: 'Unitary contribution',
    schemeId: 'wipo-unitary',
    currency: 'CHF',
    roundingUnit: '1',
    rounding: 'half-up',
    years: budgetYears('unit-value', ['45579', '45579', '45579', '45579', '45579', '46000']),
  },
];

// ---------------------------------------------------------------------------------------------------------------

function parseHistory(text, startYear) {
  return text.split(';').map((part, i) => {
    if (i === 0) return { year: startYear, class: part };
    const [year, cls] = part.split(':');
    return { year: Number(year), class: cls };
  });
}

const rows = MEMBERS.trim()
  .split('\n')
  .map((line) => {
    const [code, name, joined, unitary, union] = line.split('|');
    const [unionKind, unionClasses] = union.split(' ');
    return { code, name, joined, unitary, unionKind, unionClasses };
  });

const members = rows.map(({ code, name, joined }) => {
  const m = { code, name, joined };
  if (WITHDRAWN[code]) m.withdrew = WITHDRAWN[code];
  return m;
});

function participation(row, budget, history, fromOverride) {
  const joinedYear = Number(row.joined.slice(0, 4));
  const p = { member: row.code, budget };
  const from = fromOverride ?? (joinedYear >= FIRST_YEAR ? row.joined : undefined);
  if (from) p.from = from;
  if (WITHDRAWN[row.code]) p.until = WITHDRAWN[row.code];
  p.classes = history === null ? [] : parseHistory(history, Math.max(HISTORY_START, joinedYear));
  return p;
}

const locarno = new Set(LOCARNO.trim().split(/\s+/));
const participations = [];
for (const row of rows)
  if (row.unionKind === 'C') participations.push(participation(row, 'conference', row.unionClasses));
for (const row of rows) if (row.unionKind === 'P') participations.push(participation(row, 'paris', row.unionClasses));
for (const row of rows) {
  if (!locarno.has(row.code)) continue;
  participations.push(participation(row, 'locarno', null, LOCARNO_FROM[row.code]));
}
for (const row of rows) participations.push(participation(row, 'unitary', row.unitary));

const classChanges = CLASS_CHANGES.map((c, i) => ({ id: `cc-${i + 1}`, ...c }));

const workbook = {
  format: 'contribution-calculator-workbook',
  version: 2,
  organization: {
    name: 'Example Intellectual Property Organization',
    description:
      'A fictional organization modelled on WIPO, bundled as an example. The member states and their codes are real, ' +
      'but the dates of accession, classes, budgets, class changes and payments are illustrative, not official ' +
      'figures of WIPO or of any other organization.',
  },
  settings: { newMemberRule: 'full', creditingOrder: 'wcf-then-oldest' },
  schemes: SCHEMES,
  members,
  budgets: BUDGETS,
  participations,
  classChanges,
  payments: [],
  wcfDecisions: [],
  advanceAgreements: [],
  votingDecisions: [],
  scenarios: [],
  openingBalances: [],
};

// --- Self-check: fail loudly rather than write an inconsistent example. ------------------------------------------

function check(workbook) {
  const fail = (msg) => {
    throw new Error(`make-example: ${msg}`);
  };
  const date = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  const codes = new Set();
  for (const m of workbook.members) {
    if (!/^[A-Z]{2}$/.test(m.code)) fail(`bad code ${m.code}`);
    if (codes.has(m.code)) fail(`duplicate code ${m.code}`);
    codes.add(m.code);
    if (!date.test(m.joined)) fail(`bad joined date for ${m.code}: ${m.joined}`);
  }
  const schemes = new Map(workbook.schemes.map((s) => [s.id, new Set(s.classes.map((c) => c.code))]));
  const budgets = new Map(workbook.budgets.map((b) => [b.id, b]));
  const seen = new Set();
  for (const p of workbook.participations) {
    if (!codes.has(p.member)) fail(`participation of unknown member ${p.member}`);
    const b = budgets.get(p.budget) ?? fail(`unknown budget ${p.budget}`);
    const key = `${p.member}/${p.budget}`;
    if (seen.has(key)) fail(`duplicate participation ${key}`);
    seen.add(key);
    const classes = schemes.get(b.schemeId);
    let last = -Infinity;
    for (const h of p.classes) {
      if (!classes.has(h.class)) fail(`${key}: class ${h.class} not in ${b.schemeId}`);
      if (h.year <= last) fail(`${key}: class history not sorted`);
      last = h.year;
    }
    if (p.classes.length === 0 && !b.classesFrom) fail(`${key}: no class`);
    if (p.classes.length > 0 && b.classesFrom) fail(`${key}: a class of its own in a linked union (R11)`);
    if (p.classes.length === 0 && !seen.has(`${p.member}/${b.classesFrom}`)) fail(`${key}: no linked class`);
    if (p.classes.length > 0 && p.classes[0].year > FIRST_YEAR && !p.from)
      fail(`${key}: class starts after ${FIRST_YEAR}`);
  }
  for (const c of workbook.classChanges) {
    const b = budgets.get(c.budget) ?? fail(`${c.id}: unknown budget`);
    if (!seen.has(`${c.member}/${c.budget}`)) fail(`${c.id}: ${c.member} is not in ${c.budget}`);
    if (!schemes.get(b.schemeId).has(c.toClass)) fail(`${c.id}: class ${c.toClass} not in ${b.schemeId}`);
  }
}

// --- Payments, computed with the engine so that "in full" is exact to the cent. ---------------------------------

const engine = await import('../shared/engine/index.ts');
const { deriveScale } = await import('../shared/engine/scale.ts');
const { validateWorkbook } = await import('../shared/model/validate.ts');
const warnings = await import('../shared/engine/warnings.ts');

function addLedger(workbook) {
  workbook.wcfDecisions = WCF_DECISIONS;
  workbook.votingDecisions = VOTING_DECISIONS;
  workbook.advanceAgreements = ADVANCE_AGREEMENTS;
  addOpeningBalances(workbook);
  const ledger = new engine.Ledger(workbook);
  const profile = new Map(Object.entries(PAYERS).flatMap(([how, codes]) => codes.map((c) => [c, how])));
  const money = (v) => ledger.format(v, 2);
  const payments = [];
  const pay = (member, date, amount, extra = {}) => {
    if (amount > 0n)
      payments.push({
        id: `pay-${String(payments.length + 1).padStart(4, '0')}`,
        member,
        date,
        amount: money(amount),
        currency: 'CHF',
        ...extra,
      });
  };
  const budgetsOf = (code) => ledger.budgetsOfMember(code).map((b) => b.id);
  /** What a member owes for a year: its contributions and the WCF shares falling due that year. */
  const owed = (code, year, only = () => true) => {
    let sum = 0n;
    for (const b of budgetsOf(code)) {
      if (!only(b)) continue;
      sum += ledger.assessed(b, code, year);
      for (const d of ledger.wcfDecisions(b))
        if (Number(engine.wcfDueDate(d).slice(0, 4)) === year) sum += ledger.wcfShares(d).get(code) ?? 0n;
    }
    return sum;
  };
  const contributions = (code, year) => budgetsOf(code).reduce((s, b) => s + ledger.assessed(b, code, year), 0n);
  const wcfOwed = (code, year) => owed(code, year) - contributions(code, year);

  members.forEach((m, i) => {
    const how = profile.get(m.code) ?? 'in-full';
    const day = String(10 + ((i * 7) % 18)).padStart(2, '0');
    const month = String(1 + (i % 5)).padStart(2, '0');
    for (const year of PAY_YEARS) {
      if (year >= (UNPAID_FROM[m.code] ?? Infinity)) break;
      const full = owed(m.code, year);
      if (how === 'none') break;
      if ((how === 'stopped-2024' || how === 'kept-by-decision') && year >= 2024) break;
      if (how === 'stopped-2025' && year >= 2025) break;
      if (how === 'half-2025' && year >= 2025) {
        if (year === 2025) pay(m.code, `2025-06-${day}`, (full / 200n) * 100n);
        continue;
      }
      if (how === 'paris-unpaid' && year >= 2024) {
        for (const b of budgetsOf(m.code))
          if (b !== 'paris')
            pay(
              m.code,
              `${year}-${month}-${day}`,
              owed(m.code, year, (x) => x === b),
              { budget: b },
            );
        continue;
      }
      if (how === 'quarterly') {
        const part = full / 4n;
        ['02', '05', '08', '11'].forEach((mm, q) => pay(m.code, `${year}-${mm}-15`, q === 3 ? full - 3n * part : part));
        continue;
      }
      if (how === 'marked') {
        pay(m.code, `${year}-${month}-${day}`, contributions(m.code, year), {
          purpose: 'contribution',
          reference: `contributions ${year}`,
        });
        pay(m.code, `${year}-${month}-${day}`, wcfOwed(m.code, year), {
          purpose: 'wcf',
          reference: `working capital fund ${year}`,
        });
        continue;
      }
      pay(
        m.code,
        how === 'late' ? `${year}-${String(9 + (i % 2)).padStart(2, '0')}-${day}` : `${year}-${month}-${day}`,
        full,
        { reference: `contributions ${year}` },
      );
    }
    if (how === 'ahead')
      pay(m.code, '2026-11-16', ledger.assessed('unitary', m.code, 2027), {
        budget: 'unitary',
        year: 2027,
        reference: 'unitary contribution 2027, paid ahead',
      });
  });
  workbook.payments = payments;
}

/**
 * R17a the two years before the data start, for every member that took part then, so that no history is
 * incomplete: assessed as in the first year of data (illustrative), nothing left unpaid.
 */
function addOpeningBalances(workbook) {
  const base = new engine.Ledger(workbook);
  const joined = new Map(workbook.members.map((m) => [m.code, m.joined]));
  for (const p of workbook.participations) {
    const since = Number((p.from ?? joined.get(p.member)).slice(0, 4));
    for (const year of [FIRST_YEAR - 2, FIRST_YEAR - 1]) {
      if (year < since) continue;
      const a = base.assessed(p.budget, p.member, FIRST_YEAR);
      if (a === 0n) continue;
      const amount = base.format(a, base.places(p.budget));
      workbook.openingBalances.push({
        member: p.member,
        budget: p.budget,
        year,
        assessed: amount,
        unpaid: '0',
        reference: 'closing accounts of the previous system',
      });
    }
  }
}

/**
 * R21–R23 a special fund assessed on a scale derived from a base scale (illustrative rates, not the UN scale), with
 * a staff-assessment credit (R22) and a biennium (R23). Added after the other budgets' ledger is made, so none of
 * their figures or payments change; its members are on-time payers who join it on 1 January 2026 (no history
 * before the data) and pay their net contribution, marked for the fund, on the day it falls due.
 */
const FUND = { id: 'special-fund', from: 2026, members: 40, amount: '2400001', credit: '240000' };
function addScaleFund(workbook) {
  const onTime = new Set(Object.values(PAYERS).flat());
  const units = new Map(WIPO_UNITARY.classes.map((c) => [c.code, Number(c.units)]));
  const unitaryOf = new Map(rows.map((r) => [r.code, r.unitary.split(';')[0]]));
  const raw = rows
    .filter((r) => r.code !== 'VA' && !WITHDRAWN[r.code])
    // An illustrative base rate from the unitary class, in proportion to its units (varied a little).
    .map((r, i) => ({
      code: r.code,
      name: r.name,
      rate: ((units.get(unitaryOf.get(r.code)) ?? 1) * (0.93 + (i % 7) / 50) * 0.9).toFixed(3),
    }));
  // R21 a base scale as printed sums to 100 %: the raw figures (about 267.6 in all) rescaled exactly, 3 decimals by
  // largest remainder (R5, ties by R6), with the engine.
  const rescaled = deriveScale(
    raw,
    raw.map((r) => ({ code: r.code })),
    { decimals: 3, rounding: 'largest-remainder' },
  );
  const baseRates = raw.map((r, i) => ({ code: r.code, name: r.name, rate: rescaled.rates[i].rate }));
  workbook.schemes.push({
    id: 'percent-scale',
    name: 'Scale of assessment (rates in %)',
    kind: 'scale',
    percent: true,
  });
  workbook.baseScales = [
    {
      id: 'base-2025',
      name: 'Base scale 2025–2027',
      source:
        'illustrative rates, not an official scale: derived from the unitary classes and rescaled to sum to 100 %',
      rates: baseRates,
    },
  ];
  const chosen = rows
    .filter(
      (r) => !onTime.has(r.code) && !WITHDRAWN[r.code] && r.code !== 'VA' && Number(r.joined.slice(0, 4)) < FUND.from,
    )
    .slice(0, FUND.members);
  const codes = [...chosen.map((r) => r.code), 'VA']; // the Holy See is not on the base scale: a fixed rate
  const scale = {
    baseScale: 'base-2025',
    fixedRates: [{ member: 'VA', rate: '0.5' }],
    excludeBelow: '0.015', // R21 the members of the smallest rates (0.010 and 0.011 % of the base scale)
    ceiling: '15',
    floor: '0.5',
    decimals: 3,
    rounding: 'largest-remainder',
  };
  workbook.budgets.push({
    id: FUND.id,
    name: 'Special Fund (derived scale, biennium 2026–2027)',
    schemeId: 'percent-scale',
    currency: 'CHF',
    roundingUnit: '1',
    rounding: 'half-up',
    years: [
      { year: 2026, method: 'total', adopted: true, scale, credit: FUND.credit },
      { year: 2027, method: 'total', adopted: true, scale, credit: FUND.credit },
    ],
    biennia: [{ years: [2026, 2027], amount: FUND.amount }],
  });
  for (const code of codes)
    workbook.participations.push({ member: code, budget: FUND.id, from: `${FUND.from}-01-01`, classes: [] });
  const ledger = new engine.Ledger(workbook);
  let n = 0;
  for (const year of [2026, 2027]) {
    for (const code of codes) {
      const due = ledger.table(FUND.id, year).get(code) ?? 0n;
      if (due > 0n)
        workbook.payments.push({
          id: `pay-sf-${String(++n).padStart(3, '0')}`,
          member: code,
          date: `${year}-01-01`,
          amount: ledger.format(due, 0),
          currency: 'CHF',
          budget: FUND.id,
          year,
          reference: `Special Fund ${year}`,
        });
    }
  }
}

/** The statuses the example is meant to show, checked with the engine. */
function checkLedger(workbook) {
  const fail = (msg) => {
    throw new Error(`make-example: ${msg}`);
  };
  const problems = validateWorkbook(JSON.parse(JSON.stringify(workbook)));
  if (problems.length > 0) fail(`${problems[0].path}: ${problems[0].message}`);
  const expect = (date, code, status) => {
    const row = engine.votingStatus(workbook, date).rows.find((r) => r.code === code);
    if (row?.status !== status) fail(`${code} on ${date} is "${row?.status}", expected "${status}"`);
  };
  for (const code of [...PAYERS.none, ...PAYERS['stopped-2024'], ...PAYERS['paris-unpaid']])
    expect('2026-06-30', code, 'no vote');
  for (const code of [...PAYERS['stopped-2025'], ...PAYERS['half-2025']]) expect('2026-06-30', code, 'in arrears');
  for (const code of [...PAYERS.late, ...PAYERS.quarterly, ...PAYERS.marked, ...PAYERS.ahead])
    expect('2026-06-30', code, 'ok');
  expect('2026-06-30', 'HT', 'vote kept by decision');
  expect('2027-01-01', 'HT', 'no vote');
  for (const code of PAYERS['stopped-2025']) expect('2027-01-01', code, 'no vote');
  expect('2026-06-30', 'TV', 'no vote');
  const { workbookWarnings } = warnings;
  const w = workbookWarnings(workbook);
  if (w.length > 0) fail(`${w.length} warnings, the first: ${w[0].message}`);
  const counts = engine.votingStatus(workbook, '2026-06-30').counts;
  if (
    counts.ok + counts['in arrears'] + counts['no vote'] + counts['vote kept by decision'] !==
    workbook.members.length
  )
    fail('a member has no status');
  const seat = engine.advancesReport(workbook, '2029-12-31').seats[0];
  if (!seat.seat || engine.advancesReport(workbook, '2030-01-01').seats[0].seat)
    fail('the host state should be bound until 2029-12-31');
  return counts;
}

check(workbook);
addLedger(workbook);
addScaleFund(workbook);
// R24 the cash the unitary budget holds on 1 January 2027 (illustrative), which its liquidity projection starts from;
// it changes no contribution, payment or status.
workbook.liquidity = { cash: [{ budget: 'unitary', year: 2027, amount: '500000' }] };
const statusCounts = checkLedger(workbook);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(workbook, null, 2) + '\n', 'utf8');

const count = (id) => participations.filter((p) => p.budget === id).length;
console.log(
  `wrote ${relative(ROOT, OUT)}: ${members.length} members; ` +
    BUDGETS.map((b) => `${b.id} ${count(b.id)}`).join(', ') +
    `; ${classChanges.length} class changes; ${workbook.payments.length} payments; on 2026-06-30 ` +
    Object.entries(statusCounts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', '),
);
