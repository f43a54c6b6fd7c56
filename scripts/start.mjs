#!/usr/bin/env node
// `npm start` builds the app and opens it; `npm run dev` (--dev) runs electron-vite's dev server with reload.
// Before either, it checks the two things an offline install can leave missing, and says how to get them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronSqliteBinding, howToGetElectron, locateElectron, repoRoot } from './electronBinary.mjs';

const require = createRequire(import.meta.url);
const dev = process.argv.includes('--dev');
const electronArgs = process.argv.slice(2).filter((arg) => arg !== '--dev');

function explain(lines) {
  console.error(`\n✖ Lectern cannot open yet: ${lines.join('\n  ')}\n`);
  process.exit(1);
}

const electron = locateElectron();
if (!electron) {
  explain(['the electron package is not installed. Run `npm install` (with dev dependencies) first.']);
} else if (!electron.binary) {
  explain([
    `Electron ${electron.version}'s binary is missing.`,
    `Missing: ${electron.missing}`,
    howToGetElectron(electron.version),
    'Then run `node scripts/postinstall.mjs`, which also prepares better-sqlite3 for Electron.',
  ]);
} else if (!existsSync(electronSqliteBinding)) {
  explain([
    `better-sqlite3 built for Electron ${electron.version} is missing.`,
    `Missing: ${electronSqliteBinding}`,
    'With internet access, run `node scripts/postinstall.mjs`: it fetches a prebuilt binary for this Electron,',
    'or compiles one with node-gyp (which also needs Python and a C++ toolchain).',
    'The Node build in node_modules/better-sqlite3 serves the CLI and tests only; Electron cannot load it.',
  ]);
}

const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

/** Passes Ctrl-C on to the child and leaves with its exit code, so the terminal and CI see what Electron did. */
function runToEnd(command, args) {
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (dev) {
  // electron-vite dev starts Electron itself, pointing it at the dev server (ELECTRON_RENDERER_URL).
  runToEnd(process.execPath, [electronVite, 'dev', ...(electronArgs.length ? ['--', ...electronArgs] : [])]);
} else {
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  runToEnd(electron.binary, [repoRoot, ...electronArgs]);
}
