import { LANGS, languageOf, type Lang } from '../shared/i18n/languages';
import { say, type Message, type MessageValues } from '../shared/i18n/intl';
import { readFileSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { writeFileAtomicSync } from '../electron/handlers/atomic-write';
import { EngineError, messageOf } from '../shared/engine/apportion';
import { isAmount } from '../shared/model/fields';
import { decodeText, tooLarge, type TabularProblem } from '../shared/model/tabular';
import type { Workbook } from '../shared/model/types';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Problem } from '../shared/model/types';
import { parseWorkbook, pathSegments } from '../shared/model/validate';
import { workbookWarnings } from '../shared/engine/warnings';

/** A message of the catalog area `cli` (issue 11): what the CLI itself says, in the language of --lang or LANG. */
export const C = (id: string, values?: MessageValues, parts?: Record<string, Message>): Message => {
  const m: Message = { id: `cli.${id}` };
  if (values) m.values = values;
  if (parts) m.parts = parts;
  return m;
};

/** An error's English text, or its message as data said in English. */
const english = (m: string | Message): string => (typeof m === 'string' ? m : say(m));

/** A failure the CLI reports as `FILE:LINE: message` (exit 2) and after which it writes nothing. */
export class InputError extends Error {
  /** The message as data, said in the user's language; `message` is its English text. */
  readonly msg?: Message;
  constructor(
    readonly file: string,
    readonly line: number,
    message: string | Message,
  ) {
    super(english(message));
    if (typeof message !== 'string') this.msg = message;
  }
}

/** A mistake in the command line itself. */
export class UsageError extends Error {
  readonly msg?: Message;
  constructor(message: string | Message) {
    super(english(message));
    if (typeof message !== 'string') this.msg = message;
  }
}

/** What an error says in `lang`: its message as data when it has one, else its English text. */
export function words(e: { message: string; msg?: Message }, lang: Lang): string {
  return e.msg && lang !== 'en' ? say(e.msg, lang) : e.message;
}

/**
 * The language of the CLI's messages (issue 11): --lang wherever it is given (read here without refusing anything:
 * the command refuses a bad one itself), else LC_ALL, LC_MESSAGES or LANG, else English.
 */
export function messageLanguage(argv: readonly string[], env: Record<string, string | undefined> = process.env): Lang {
  let given: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') given = argv[i + 1];
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
  });
  return languageOf(given) ?? languageOf(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}

/** Workbooks run past 100 MB; V8 strings stop near 512 MiB of UTF-16 (ERR_STRING_TOO_LONG), JSON.parse far sooner. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Bad lines of an input file, every one printed as `FILE:LINE: message` (exit 2, nothing written). */
export class InputProblems extends Error {
  /** Each problem said in `lang` where it carries its message as data (issue 11); English otherwise. */
  constructor(
    readonly problems: readonly TabularProblem[],
    lang: Lang = 'en',
  ) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${words(p, lang)}`).join('\n'));
  }
}

/** The file's bytes; its size is checked from its metadata first, so a 539 MB file is refused, not read. */
export function readBytes(file: string, limit = MAX_INPUT_BYTES): Uint8Array {
  const failed = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return new InputError(
      file,
      1,
      code === 'ENOENT' ? C('file.none') : code === 'EISDIR' ? C('file.folder') : C('file.unreadable', { code }),
    );
  };
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw failed(e);
  }
  if (size > limit) throw new InputError(file, 1, tooLarge(size, limit));
  try {
    return readFileSync(file);
  } catch (e) {
    throw failed(e);
  }
}

/** A text file decoded by R25 (UTF-8, UTF-16 with BOM, else Windows-1252 said on stderr); a NUL byte is refused. */
export function readText(file: string, io?: Io): string {
  const d = decodeText(readBytes(file), file, MAX_INPUT_BYTES);
  if (d.problems.length > 0) {
    const p = d.problems[0] as { line: number; message: string; msg?: Message };
    throw new InputError(file, p.line, p.msg ?? p.message);
  }
  for (const n of d.notices) (io ?? stderrIo).err(`${file}: warning: ${n}\n`);
  return d.text;
}

const stderrIo = { err: (t: string) => void process.stderr.write(t) };

/** Writes atomically with the app's own writer (unique temp file, fsync, rename; no temp file left on failure). */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomicSync(file, data);
  } catch (e) {
    throw new InputError(
      file,
      1,
      C('file.unwritable', { code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Parses a command's flags strictly; a mistake is a UsageError (exit 2). */
export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own words stay the English text (as scripts have read it); the two mistakes people make most are also
    // catalog messages, said in the other languages.
    const { code, message } = e as NodeJS.ErrnoException;
    const option = /'(--?[^' ]+)/.exec(message)?.[1];
    const said =
      option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && message.startsWith(`Unknown option '${option}'`)
        ? C('usage.unknownOption', { option })
        : option && message === `Option '${option} <value>' argument missing`
          ? C('usage.missingValue', { option })
          : undefined;
    throw Object.assign(new UsageError(message), said ? { msg: said } : {});
  }
}

/**
 * The language of a table for people (issue 11): --lang, else the environment's (LC_ALL, LC_MESSAGES, LANG as POSIX
 * sets them), else English. CSV and JSON never depend on it. An unknown --lang is refused; an unknown LANG is English.
 */
export function cliLanguage(value: unknown, env: Record<string, string | undefined> = process.env): Lang {
  if (value !== undefined) {
    const l = languageOf(String(value));
    if (!l) throw new UsageError(C('usage.lang', { langs: LANGS.join(', '), got: String(value) }));
    return l;
  }
  return languageOf(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}

export type Format = 'table' | 'csv' | 'json';

export function format(value: unknown): Format {
  const f = (value ?? 'table') as string;
  if (f !== 'table' && f !== 'csv' && f !== 'json') throw new UsageError(C('usage.format', { got: f }));
  return f;
}

/** --format for commands that also export XLSX, which is binary and so needs --out. */
export function formatOrXlsx(value: unknown, out: string | undefined): Format | 'xlsx' {
  if (value !== 'xlsx') return format(value);
  if (!out) throw new UsageError(C('usage.xlsxOut'));
  return 'xlsx';
}

/**
 * The head of the commands that read one workbook and export XLSX too (status, wcf, advances, whatif): their own
 * flags with --format, --out and --lang, and exactly one WORKBOOK.json.
 */
export function workbookArgs(command: string, args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  const { values, positionals } = parse(args, {
    ...options,
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const out = values.out as string | undefined;
  const fmt = formatOrXlsx(values.format, out);
  const lang = cliLanguage(values.lang);
  if (positionals.length !== 1) throw new UsageError(C('usage.oneWorkbook', { command }));
  return { values, file: positionals[0], fmt, lang, out };
}

/** The date an export is produced: today, or SOURCE_DATE_EPOCH for reproducible files. */
export function producedDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return new Date(epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now()).toISOString().slice(0, 10);
}

/** Writes to --out (atomically) or to stdout. */
export function output(data: string | Uint8Array, out: string | undefined, io: Io): number {
  if (out) writeAtomic(out, data);
  else io.out(typeof data === 'string' ? data : new TextDecoder().decode(data));
  return 0;
}

/**
 * Loads a workbook or throws an InputError naming the file and the line of the first problem. Its warnings (which
 * never stop a command) go to stderr as `FILE:LINE: warning: …` when `io` is given.
 */
export function loadWorkbook(file: string, io?: Io, lang: Lang = 'en'): Workbook {
  const text = readText(file, io);
  const res = parseWorkbook(text);
  if (!res.workbook) {
    const first = res.problems[0];
    const more = res.problems.length - 1;
    const problem = first.msg ?? C('text', { text: first.message });
    throw new InputError(
      file,
      res.lines[0] ?? 1,
      more > 0 ? C('workbook.firstOfMany', { more, n: String(more) }, { problem }) : problem,
    );
  }
  if (io) for (const line of warningLines(file, text, workbookWarnings(res.workbook), lang)) io.err(line);
  return res.workbook;
}

/** A file's notice on stderr, `FILE: warning: …`, the word "warning" in the language too (issue 11). */
export function noticeLine(file: string, text: string, lang: Lang = 'en'): string {
  const said = lang === 'en' ? `warning: ${text}` : say(C('warning', undefined, { text: C('text', { text }) }), lang);
  return `${file}: ${said}\n`;
}

/** Warnings as `FILE:LINE: warning: message [path]` lines; the text is parsed for line numbers once, only if any. */
export function warningLines(file: string, text: string, warnings: readonly Problem[], lang: Lang = 'en'): string[] {
  if (warnings.length === 0) return [];
  const tree = parseTree(text);
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  // 1 + the line breaks before the offset (binary search: a large file may carry many warnings).
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return warnings.map((w) => {
    const node = tree && w.path ? findNodeAtLocation(tree, pathSegments(w.path)) : undefined;
    const line = node ? lineAt(node.offset) : 1;
    const said = words(w, lang);
    const warning =
      lang === 'en' ? `warning: ${said}` : say(C('warning', undefined, { text: C('text', { text: said }) }), lang);
    return `${file}:${line}: ${warning}${w.path ? ` [${w.path}]` : ''}\n`;
  });
}

export function inFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError) throw new InputError(file, 1, messageOf(e) ?? e.message);
    throw e;
  }
}

export function amountFlag(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isAmount(v)) throw new UsageError(C('usage.amount', { name, got: v }));
  return v;
}
