#!/usr/bin/env node
// The CLI runs straight from the TypeScript sources through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exit(await runCli(process.argv.slice(2)));
