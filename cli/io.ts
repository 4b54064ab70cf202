// What every command shares and `contrib` needs before it knows the command: messages, errors, flags, languages.
// No engine and no file reading here (cli/files.ts, cli/workbook.ts), so --help and a usage error load nothing of
// them (issue 13: start-up).
import { LANGS, languageOf, type Lang } from '../shared/i18n/languages';
import { say, type Message, type MessageValues } from '../shared/i18n/intl';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { TabularProblem } from '../shared/model/tabular';

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

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Writes a piece of a long output and resolves when the reader has taken it (a pipe's back-pressure), so a
   * streamed output is never queued whole in memory: true, or false once the reader has gone (`| head`), when the
   * rest need not be made. Without it, out() is used. */
  piece?(text: string): Promise<boolean>;
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

/** A file's notice on stderr, `FILE: warning: …`, the word "warning" in the language too (issue 11). */
export function noticeLine(file: string, text: string, lang: Lang = 'en'): string {
  const said = lang === 'en' ? `warning: ${text}` : say(C('warning', undefined, { text: C('text', { text }) }), lang);
  return `${file}: ${said}\n`;
}
