// Where Didar keeps its data when no folder is given: the same folder Electron's app.getPath('userData')
// gives for an app named Didar, so the desktop app, the web shell and the CLI agree without importing electron.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Didar';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DIDAR_DATA_DIR) return path.resolve(env.DIDAR_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}

/** Where a backend keeps its data: a data folder (one office, the default) or a PostgreSQL database. */
export type StoreLocation = { dataDir: string; databaseUrl?: undefined } | { databaseUrl: string; dataDir?: undefined };

/**
 * The store a command or shell opens: `--db URL` or `--data DIR` as given, else $DIDAR_DATABASE_URL, else the
 * data folder ($DIDAR_DATA_DIR or the desktop app's). Given both, the command is refused by its caller.
 */
export function storeLocation(given: { data?: string | undefined; db?: string | undefined }, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  if (given.db) return { databaseUrl: given.db };
  if (given.data) return { dataDir: path.resolve(given.data) };
  if (env.DIDAR_DATABASE_URL) return { databaseUrl: env.DIDAR_DATABASE_URL };
  return { dataDir: defaultDataDir(env) };
}

/** Where the server's TLS certificate is kept: the data folder, or on a database this PC's own data folder. */
export const tlsHomeOf = (at: StoreLocation): string => at.dataDir ?? defaultDataDir();
