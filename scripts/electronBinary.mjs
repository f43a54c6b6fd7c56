import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const electronNativeDir = path.join(repoRoot, '.electron-native');
export const electronSqliteBinding = path.join(electronNativeDir, 'better_sqlite3.node');

/**
 * Where Electron's binary is, or exactly what is missing. Mirrors node_modules/electron/index.js, which reads
 * path.txt (written by Electron's installer after the download) and honours ELECTRON_OVERRIDE_DIST_PATH.
 * @returns {{ dir: string, version: string, binary: string | null, missing: string | null } | null}
 *   null when the electron package itself is not installed (a production install without dev dependencies).
 */
export function locateElectron() {
  let packageJson;
  try {
    packageJson = require.resolve('electron/package.json');
  } catch {
    return null;
  }
  const dir = path.dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      dir,
      version,
      binary: null,
      missing: `${pathFile} (Electron's installer writes it once the binary is downloaded)`,
    };
  }
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const binary = path.join(distDir, executable);
  if (!existsSync(binary)) return { dir, version, binary: null, missing: binary };
  return { dir, version, binary, missing: null };
}

/** The commands that fetch Electron's binary, for messages that tell people what to run. */
export function howToGetElectron(version) {
  return [
    `With internet access, from ${repoRoot} run one of:`,
    '    npm rebuild electron',
    '    node node_modules/electron/install.js',
    `Behind a firewall, point ELECTRON_MIRROR at a mirror of Electron's GitHub releases that has v${version}`,
    '(e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/) and run the same command.',
  ].join('\n  ');
}
