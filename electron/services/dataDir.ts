import os from 'node:os';
import path from 'node:path';

/** The product name Electron uses for `app.getPath('userData')`; the CLI must find the same folder. */
export const appFolderName = 'Lectern';

/**
 * Where Lectern keeps its database, logs and per-job files: `LECTERN_DATA_DIR`, else the OS app-data folder,
 * the same one the desktop app uses, so `lectern jobs` sees the app's queue.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LECTERN_DATA_DIR) return path.resolve(env.LECTERN_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolderName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolderName);
}
