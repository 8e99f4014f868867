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
