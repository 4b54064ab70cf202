// '#csv-parse' as the web type-check sees it (tsconfig.web.json "paths"): csv-parse's own typings reference Node's
// (`/// <reference types="node" />`, Buffer, stream), which would let Node globals type-check in shared/ and the
// renderer. Only the sync parse that shared/model/tabular.ts calls, with the options it passes.
export interface Options {
  delimiter?: string | string[];
  record_delimiter?: string | string[];
  relax_column_count?: boolean;
  trim?: boolean;
  quote?: string | null;
  escape?: string | null;
}
export function parse(input: string | Uint8Array, options?: Options): string[][];
