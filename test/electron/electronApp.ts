import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronSqliteBinding, howToGetElectron, locateElectron, repoRoot } from '../../scripts/electronBinary.mjs';

export type ElectronReadiness = { ready: true; binary: string } | { ready: false; reason: string };

/**
 * Whether the built desktop app can be launched here, or exactly what is missing and how to get it: the Electron
 * binary (npm's install of electron downloads it), better-sqlite3 built for Electron, and a display on Linux.
 */
export function electronReadiness(env: NodeJS.ProcessEnv = process.env): ElectronReadiness {
  const electron = locateElectron();
  if (!electron) return { ready: false, reason: 'the electron package is not installed (run `npm install`).' };
  if (!electron.binary) {
    return {
      ready: false,
      reason: `Electron ${electron.version}'s binary is missing: ${electron.missing}.\n  ${howToGetElectron(electron.version)}`,
    };
  }
  if (!existsSync(electronSqliteBinding)) {
    return {
      ready: false,
      reason:
        `better-sqlite3 built for Electron is missing: ${electronSqliteBinding}.\n` +
        '  Run `node scripts/postinstall.mjs` with internet access; it fetches or compiles it.',
    };
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      ready: false,
      reason: 'there is no display (DISPLAY is not set). Run the tests under `xvfb-run -a npm test`.',
    };
  }
  return { ready: true, binary: electron.binary };
}

/** `npx electron-vite build`: main, preload and renderer into out/, as `npm start` runs them. */
export function buildApp(): void {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr || build.stdout}`);
}

export { repoRoot };
