// Generated list of every catalog file: one JSON per language and area, so areas are translated independently.
// Keys are typed ids `area.what` (e.g. `ledger.status.title`); the English file is the reference (R: issue 11).
import type { Lang } from '../languages';

import en_common from './en/common.json';
import en_app from './en/app.json';
import en_members from './en/members.json';
import en_budgets from './en/budgets.json';
import en_ledger from './en/ledger.json';
import en_scenarios from './en/scenarios.json';
import en_export from './en/export.json';
import en_engine from './en/engine.json';
import en_validation from './en/validation.json';
import en_cli from './en/cli.json';
import en_scales from './en/scales.json';
import en_liquidity from './en/liquidity.json';
import en_merge from './en/merge.json';
import fr_common from './fr/common.json';
import fr_app from './fr/app.json';
import fr_members from './fr/members.json';
import fr_budgets from './fr/budgets.json';
import fr_ledger from './fr/ledger.json';
import fr_scenarios from './fr/scenarios.json';
import fr_export from './fr/export.json';
import fr_engine from './fr/engine.json';
import fr_validation from './fr/validation.json';
import fr_cli from './fr/cli.json';
import fr_scales from './fr/scales.json';
import fr_liquidity from './fr/liquidity.json';
import fr_merge from './fr/merge.json';
import es_common from './es/common.json';
import es_app from './es/app.json';
import es_members from './es/members.json';
import es_budgets from './es/budgets.json';
import es_ledger from './es/ledger.json';
import es_scenarios from './es/scenarios.json';
import es_export from './es/export.json';
import es_engine from './es/engine.json';
import es_validation from './es/validation.json';
import es_cli from './es/cli.json';
import es_scales from './es/scales.json';
import es_liquidity from './es/liquidity.json';
import es_merge from './es/merge.json';
import ru_common from './ru/common.json';
import ru_app from './ru/app.json';
import ru_members from './ru/members.json';
import ru_budgets from './ru/budgets.json';
import ru_ledger from './ru/ledger.json';
import ru_scenarios from './ru/scenarios.json';
import ru_export from './ru/export.json';
import ru_engine from './ru/engine.json';
import ru_validation from './ru/validation.json';
import ru_cli from './ru/cli.json';
import ru_scales from './ru/scales.json';
import ru_liquidity from './ru/liquidity.json';
import ru_merge from './ru/merge.json';
import ar_common from './ar/common.json';
import ar_app from './ar/app.json';
import ar_members from './ar/members.json';
import ar_budgets from './ar/budgets.json';
import ar_ledger from './ar/ledger.json';
import ar_scenarios from './ar/scenarios.json';
import ar_export from './ar/export.json';
import ar_engine from './ar/engine.json';
import ar_validation from './ar/validation.json';
import ar_cli from './ar/cli.json';
import ar_scales from './ar/scales.json';
import ar_liquidity from './ar/liquidity.json';
import ar_merge from './ar/merge.json';
import zh_common from './zh/common.json';
import zh_app from './zh/app.json';
import zh_members from './zh/members.json';
import zh_budgets from './zh/budgets.json';
import zh_ledger from './zh/ledger.json';
import zh_scenarios from './zh/scenarios.json';
import zh_export from './zh/export.json';
import zh_engine from './zh/engine.json';
import zh_validation from './zh/validation.json';
import zh_cli from './zh/cli.json';
import zh_scales from './zh/scales.json';
import zh_liquidity from './zh/liquidity.json';
import zh_merge from './zh/merge.json';
import kk_common from './kk/common.json';
import kk_app from './kk/app.json';
import kk_members from './kk/members.json';
import kk_budgets from './kk/budgets.json';
import kk_ledger from './kk/ledger.json';
import kk_scenarios from './kk/scenarios.json';
import kk_export from './kk/export.json';
import kk_engine from './kk/engine.json';
import kk_validation from './kk/validation.json';
import kk_cli from './kk/cli.json';
import kk_scales from './kk/scales.json';
import kk_liquidity from './kk/liquidity.json';
import kk_merge from './kk/merge.json';
import fa_common from './fa/common.json';
import fa_app from './fa/app.json';
import fa_members from './fa/members.json';
import fa_budgets from './fa/budgets.json';
import fa_ledger from './fa/ledger.json';
import fa_scenarios from './fa/scenarios.json';
import fa_export from './fa/export.json';
import fa_engine from './fa/engine.json';
import fa_validation from './fa/validation.json';
import fa_cli from './fa/cli.json';
import fa_scales from './fa/scales.json';
import fa_liquidity from './fa/liquidity.json';
import fa_merge from './fa/merge.json';

export const NAMESPACES = [
  'common',
  'app',
  'members',
  'budgets',
  'ledger',
  'scenarios',
  'export',
  'engine',
  'validation',
  'cli',
  'scales',
  'liquidity',
  'merge',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const CATALOGS: Record<Lang, Record<Namespace, Record<string, string>>> = {
  en: {
    common: en_common,
    app: en_app,
    members: en_members,
    budgets: en_budgets,
    ledger: en_ledger,
    scenarios: en_scenarios,
    export: en_export,
    engine: en_engine,
    validation: en_validation,
    cli: en_cli,
    scales: en_scales,
    liquidity: en_liquidity,
    merge: en_merge,
  },
  fr: {
    common: fr_common,
    app: fr_app,
    members: fr_members,
    budgets: fr_budgets,
    ledger: fr_ledger,
    scenarios: fr_scenarios,
    export: fr_export,
    engine: fr_engine,
    validation: fr_validation,
    cli: fr_cli,
    scales: fr_scales,
    liquidity: fr_liquidity,
    merge: fr_merge,
  },
  es: {
    common: es_common,
    app: es_app,
    members: es_members,
    budgets: es_budgets,
    ledger: es_ledger,
    scenarios: es_scenarios,
    export: es_export,
    engine: es_engine,
    validation: es_validation,
    cli: es_cli,
    scales: es_scales,
    liquidity: es_liquidity,
    merge: es_merge,
  },
  ru: {
    common: ru_common,
    app: ru_app,
    members: ru_members,
    budgets: ru_budgets,
    ledger: ru_ledger,
    scenarios: ru_scenarios,
    export: ru_export,
    engine: ru_engine,
    validation: ru_validation,
    cli: ru_cli,
    scales: ru_scales,
    liquidity: ru_liquidity,
    merge: ru_merge,
  },
  ar: {
    common: ar_common,
    app: ar_app,
    members: ar_members,
    budgets: ar_budgets,
    ledger: ar_ledger,
    scenarios: ar_scenarios,
    export: ar_export,
    engine: ar_engine,
    validation: ar_validation,
    cli: ar_cli,
    scales: ar_scales,
    liquidity: ar_liquidity,
    merge: ar_merge,
  },
  zh: {
    common: zh_common,
    app: zh_app,
    members: zh_members,
    budgets: zh_budgets,
    ledger: zh_ledger,
    scenarios: zh_scenarios,
    export: zh_export,
    engine: zh_engine,
    validation: zh_validation,
    cli: zh_cli,
    scales: zh_scales,
    liquidity: zh_liquidity,
    merge: zh_merge,
  },
  kk: {
    common: kk_common,
    app: kk_app,
    members: kk_members,
    budgets: kk_budgets,
    ledger: kk_ledger,
    scenarios: kk_scenarios,
    export: kk_export,
    engine: kk_engine,
    validation: kk_validation,
    cli: kk_cli,
    scales: kk_scales,
    liquidity: kk_liquidity,
    merge: kk_merge,
  },
  fa: {
    common: fa_common,
    app: fa_app,
    members: fa_members,
    budgets: fa_budgets,
    ledger: fa_ledger,
    scenarios: fa_scenarios,
    export: fa_export,
    engine: fa_engine,
    validation: fa_validation,
    cli: fa_cli,
    scales: fa_scales,
    liquidity: fa_liquidity,
    merge: fa_merge,
  },
};
