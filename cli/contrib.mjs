#!/usr/bin/env node
// `contrib`: the engine from the command line. tsx compiles the TypeScript sources on load.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));
