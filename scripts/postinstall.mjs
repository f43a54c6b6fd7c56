#!/usr/bin/env node
// Runs after `npm install`. Gets Electron's binary (package.json sets allowScripts.electron to false, so its own
// install script does not run) and builds better-sqlite3 for Electron's ABI into .electron-native/, leaving the
// Node build in node_modules for the CLI and tests. Offline, it explains and exits 0: the CLI works without Electron.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
  electronNativeDir,
  electronSqliteBinding,
  howToGetElectron,
  locateElectron,
  repoRoot,
} from './electronBinary.mjs';

const require = createRequire(import.meta.url);
// Long enough for a real download on a slow link, short enough that an offline machine is not left hanging.
const DOWNLOAD_TIMEOUT_MS = 60_000;
// Compiling SQLite from source takes minutes on a laptop.
const COMPILE_TIMEOUT_MS = 15 * 60_000;

function warn(lines) {
  console.warn(`\n⚠ Lectern postinstall: ${lines.join('\n  ')}\n`);
}

/** The sentence in a failed tool's output that says why (ENOTFOUND, a 404, a compiler error), joined across lines. */
function reasonFrom(run) {
  if (run.error?.code === 'ETIMEDOUT') return `no answer within ${Math.round(DOWNLOAD_TIMEOUT_MS / 1000)} s (offline?)`;
  if (run.error) return run.error.message;
  const lines = `${run.stderr ?? ''}\n${run.stdout ?? ''}`
    .split('\n')
    .map((line) => line.replace(/^gyp ERR! (stack )?/, '').trim())
    .filter((line) => line && !line.startsWith('at '));
  const start = lines.findIndex((line) =>
    /\w*Error: |ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|\b40[34]\b/.test(line),
  );
  if (start === -1) return lines.at(-1) ?? `exit code ${run.status}`;
  const sentence = [lines[start]];
  for (const line of lines.slice(start + 1, start + 4)) {
    if (/[.)]$/.test(sentence.at(-1)) || line.startsWith('gyp ')) break;
    sentence.push(line);
  }
  return sentence.join(' ');
}

function runNode(script, args, options) {
  return spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
}

function installElectronBinary() {
  const electron = locateElectron();
  if (!electron) {
    console.log(
      'Lectern postinstall: electron is not installed (production install); nothing to do for the desktop app.',
    );
    return null;
  }
  if (electron.binary) return electron;
  console.log(`Lectern postinstall: downloading Electron ${electron.version}…`);
  const run = runNode(path.join(electron.dir, 'install.js'), [], { cwd: electron.dir, timeout: DOWNLOAD_TIMEOUT_MS });
  const after = locateElectron();
  if (after?.binary) {
    console.log(`Lectern postinstall: Electron ${after.version} is ready (${after.binary}).`);
    return after;
  }
  warn([
    `could not get Electron ${electron.version}'s binary: ${reasonFrom(run)}.`,
    `Missing: ${after?.missing ?? electron.missing}`,
    'The desktop app (npm start) cannot open until it is there; the CLI and the tests do not need it.',
    howToGetElectron(electron.version),
    'Then run `node scripts/postinstall.mjs` again to prepare better-sqlite3 for Electron.',
  ]);
  return null;
}

function preparedFor(electronVersion) {
  const betterSqlite = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  return { electron: electronVersion, betterSqlite3: betterSqlite, platform: process.platform, arch: process.arch };
}

/** Builds in a copy, so node_modules/better-sqlite3 keeps the Node ABI build that the CLI and vitest load. */
function buildSqliteForElectron(electronVersion) {
  const stamp = preparedFor(electronVersion);
  const stampFile = path.join(electronNativeDir, 'better_sqlite3.json');
  if (existsSync(electronSqliteBinding) && existsSync(stampFile)) {
    if (readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) {
      console.log(
        `Lectern postinstall: better-sqlite3 for Electron ${electronVersion} is already in .electron-native/.`,
      );
      return;
    }
  }

  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'lectern-sqlite-'));
  const copy = path.join(workDir, 'better-sqlite3');
  try {
    // build/ holds the Node ABI addon; leaving it behind means a failed Electron build cannot pass it off as ours.
    cpSync(source, copy, { recursive: true, filter: (file) => path.relative(source, file) !== 'build' });
    const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
    console.log(`Lectern postinstall: fetching better-sqlite3 prebuilt for Electron ${electronVersion}…`);
    const prebuilt = runNode(
      require.resolve('prebuild-install/bin.js'),
      [...target, `--platform=${process.platform}`],
      {
        cwd: copy,
        timeout: DOWNLOAD_TIMEOUT_MS,
      },
    );
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    let failure = prebuilt.status === 0 && existsSync(built) ? null : `prebuild-install: ${reasonFrom(prebuilt)}`;
    if (failure) {
      console.log('Lectern postinstall: no prebuilt binary; compiling better-sqlite3 against Electron headers…');
      const gyp = process.env.npm_config_node_gyp || require.resolve('node-gyp/bin/node-gyp.js');
      // npm exports the user's `nodedir` to install scripts, and node-gyp prefers it over --target: it would
      // quietly compile against Node's headers and we would ship a Node-ABI addon labelled as Electron's.
      const { npm_config_nodedir: _nodeHeaders, ...env } = process.env;
      const compiled = runNode(gyp, ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], {
        cwd: copy,
        env,
        timeout: COMPILE_TIMEOUT_MS,
      });
      failure = compiled.status === 0 && existsSync(built) ? null : `${failure}; node-gyp: ${reasonFrom(compiled)}`;
    }
    if (failure) {
      warn([
        `could not build better-sqlite3 for Electron ${electronVersion} (${failure}).`,
        `The desktop app needs ${electronSqliteBinding}; the CLI and the tests do not.`,
        'With internet access, run `node scripts/postinstall.mjs` again. (Where no prebuilt binary exists for this',
        'Electron, it compiles one with node-gyp, which also needs Python and a C++ toolchain.)',
      ]);
      return;
    }
    mkdirSync(electronNativeDir, { recursive: true });
    copyFileSync(built, electronSqliteBinding);
    writeFileSync(stampFile, JSON.stringify(stamp));
    console.log(`Lectern postinstall: better-sqlite3 for Electron ${electronVersion} is in ${electronSqliteBinding}.`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

try {
  const electron = installElectronBinary();
  if (electron) buildSqliteForElectron(electron.version);
} catch (error) {
  // An install must never fail because of the desktop app's extras.
  warn([
    `stopped early: ${error instanceof Error ? error.message : String(error)}`,
    `Run it again with: node ${path.relative(repoRoot, import.meta.filename)}`,
  ]);
}
