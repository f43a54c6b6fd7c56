#!/usr/bin/env node
// The one test command (README, .ci/run): static checks, then every test suite, then one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.shared.json']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.web.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['migrations', 'npx', ['drizzle-kit', 'check']],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
console.log('\n▶ tests: vitest run');
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    stdio: 'inherit',
  },
);

let passed = 0;
let failed = vitest.status === 0 ? 0 : 1;
let skipped = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (vitest.status !== 0 && results.numFailedTests === 0 ? 1 : 0);
  skipped = results.numPendingTests + results.numTodoTests;
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitest.status === 0 ? 0 : 1);
