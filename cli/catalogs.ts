// The catalogs as the CLI's bundle has them (scripts/build-cli.mjs puts this module in place of
// shared/i18n/catalogs): each language is a JSON file beside the bundle, read and parsed the first time a message of
// that language is said, so `contrib` in English never reads the seven other languages (issue 13: start-up).
import { readFileSync } from 'node:fs';
import type { Namespace } from '../shared/i18n/catalogs';
import { LANGS, type Lang } from '../shared/i18n/languages';

export type { Namespace };
type Catalog = Record<Namespace, Record<string, string>>;

/** Written by the build (esbuild `define`): the areas, and each language's file in the bundle's folder. */
declare const CONTRIB_CATALOGS: { namespaces: Namespace[]; files: Record<Lang, string> };

export const NAMESPACES: readonly Namespace[] = CONTRIB_CATALOGS.namespaces;

export const CATALOGS = {} as Record<Lang, Catalog>;
for (const lang of LANGS) {
  let read: Catalog | undefined;
  Object.defineProperty(CATALOGS, lang, {
    enumerable: true,
    get: () =>
      (read ??= JSON.parse(readFileSync(new URL(CONTRIB_CATALOGS.files[lang], import.meta.url), 'utf8')) as Catalog),
  });
}
