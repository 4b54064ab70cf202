// The program `contrib` runs: the bundle's entry (scripts/build-cli.mjs) and tsx's when there is no bundle.
// It imports the commands (./main and all it needs) only when one is asked for, so `contrib --version` reads nothing
// more; in the bundle ./main is a chunk of its own (issue 13: start-up).
import { readFileSync } from 'node:fs';
import { answerOwnLanguages } from './locales';

/** The package's version: written into the bundle by the build, read from package.json when run from the sources. */
declare const CONTRIB_VERSION: string | undefined;

// A closed pipe (`contrib … | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const version =
    typeof CONTRIB_VERSION === 'string'
      ? CONTRIB_VERSION
      : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  process.stdout.write(`contrib ${version}\n`);
} else {
  // FormatJS asks ICU which locales it has before saying a message; for our languages the answer needs no asking.
  answerOwnLanguages(Intl.NumberFormat);
  answerOwnLanguages(Intl.DateTimeFormat);
  const { run } = await import('./main');
  process.exitCode = await run(argv);
}
