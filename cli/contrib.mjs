#!/usr/bin/env node
// `contrib`: the engine from the command line. tsx compiles the TypeScript sources on load.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`contrib … | head`) ends the output quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));
