// The program `contrib` runs: the bundle's entry (scripts/build-cli.mjs) and tsx's when there is no bundle.
import { run } from './main';

// A closed pipe (`contrib … | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await run(process.argv.slice(2));
