import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';

export type LecternDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const here = path.dirname(fileURLToPath(import.meta.url));

/** Migrations sit beside this file in source, beside the bundle when built, and in resources when packaged. */
export function migrationsFolder(): string {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.LECTERN_MIGRATIONS_DIR,
    path.join(here, 'migrations'),
    path.join(here, '..', '..', 'electron', 'db', 'migrations'),
    resourcesPath ? path.join(resourcesPath, 'migrations') : undefined,
  ];
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, 'meta', '_journal.json')));
  if (!found)
    throw new Error(`Lectern's database migrations are missing (looked in ${candidates.filter(Boolean).join(', ')}).`);
  return found;
}

/**
 * Under Electron the addon must match Electron's ABI; scripts/postinstall.mjs builds that copy beside the Node one,
 * so the CLI and tests keep using the Node build from the same node_modules.
 */
function nativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined;
  const candidate = path.join(here, '..', '..', '.electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Opens (creating if needed) the database and brings its schema up to date.
 * `file` ':memory:' gives a private database for tests.
 */
export function openDatabase(file: string): LecternDb {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const binding = nativeBinding();
  const client = new Database(file, binding ? { nativeBinding: binding } : {});
  // WAL lets the UI and a CLI read while a job writes; the busy timeout rides out the other's short writes.
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzle(client, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

export function closeDatabase(db: LecternDb): void {
  if (db.$client.open) db.$client.close();
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'lectern.db');
}
