// `contrib`'s dispatcher: the command's own module is imported when it is asked for, so a run compiles only its
// command's code (issue 13: start-up); --help and a usage error read only the usage text (cli/usage.ts).
import type { Lang } from '../shared/i18n/languages';
import { InputError, InputProblems, messageLanguage, UsageError, C, words, type Io } from './io';
import { usage } from './usage';

export type { Io };

// A pipe to stdout is asynchronous on POSIX: without waiting for 'drain', 1,000,000 members' CSV piped to another
// program was queued in memory (694 MB instead of 395 MB to a file). A reader that has gone (EPIPE) ends the output.
let readerGone = false;
const piece = (t: string): Promise<boolean> => {
  if (readerGone) return Promise.resolve(false);
  if (process.stdout.write(t)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const drained = () => settle(true);
    const gone = () => {
      readerGone = true;
      settle(false);
    };
    const settle = (more: boolean) => {
      process.stdout.off('drain', drained).off('close', gone).off('error', gone);
      resolve(more);
    };
    process.stdout.on('drain', drained).on('close', gone).on('error', gone);
  });
};
const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), piece };

type Command = (args: string[], io: Io, env: NodeJS.ProcessEnv) => number | Promise<number>;

/** Each command and where its code is: a chunk of its own in the bundle (esbuild splits at `import()`). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  apportion: () => import('./commands/apportion').then((m) => m.apportion),
  validate: () => import('./commands/validate').then((m) => m.validate),
  whatif: () => import('./commands/whatif').then((m) => m.whatif),
  status: () => import('./commands/status').then((m) => m.status),
  wcf: () => import('./commands/wcf').then((m) => m.wcf),
  advances: () => import('./commands/advances').then((m) => m.advances),
  liquidity: () => import('./commands/liquidity').then((m) => m.liquidity),
  scale: () => import('./commands/scale').then((m) => m.scale),
  merge: () => import('./commands/merge').then((m) => m.merge),
};

const HELP = new Set(['-h', '--help', 'help']);

/**
 * Runs one command; returns the exit code. Errors never escape as exceptions; they are said in the language of
 * --lang or the environment (`env`, LANG and the like), the `FILE:LINE:` before them as it always was.
 */
export async function run(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const lang = messageLanguage(argv, env);
  try {
    if (command === undefined || HELP.has(command)) {
      io.out(usage(lang));
      return command === undefined ? 2 : 0;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new UsageError(C('usage.command', { command }));
    return await (
      await load()
    )(rest, io, env);
  } catch (e) {
    return said(e, io, lang);
  }
}

/** A failure as the user reads it (exit 2); anything else is a bug and is thrown. */
async function said(e: unknown, io: Io, lang: Lang): Promise<number> {
  if (e instanceof InputError) {
    io.err(`${e.file}:${e.line}: ${words(e, lang)}\n`);
    return 2;
  }
  if (e instanceof InputProblems) {
    io.err(`${e.message}\n`);
    return 2;
  }
  if (e instanceof UsageError) {
    io.err(`contrib: ${words(e, lang)}\n\n${usage(lang)}`);
    return 2;
  }
  // The engine's errors come from a command that has loaded the engine already: importing it here costs nothing.
  const { EngineError, messageOf } = await import('../shared/engine/apportion');
  if (e instanceof EngineError) {
    io.err(`contrib: ${words({ message: e.message, msg: messageOf(e) }, lang)}\n`);
    return 2;
  }
  throw e;
}
