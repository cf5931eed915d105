import os from 'node:os';
import path from 'node:path';

/** Folder name under the OS's per-user application data folder; ASCII so no tool chokes on it. */
export const appDataFolderName = 'minsheng-ledger';

/**
 * The per-user data folder, computed the way Electron computes `app.getPath('userData')`, so the
 * desktop app, the CLI and `serve` share one default database without importing Electron.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // Resolved: Electron's app.setPath throws on a relative path, and the CLI should mean the same folder.
  if (env.LEDGER_DATA_DIR) return path.resolve(env.LEDGER_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), appDataFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appDataFolderName);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), appDataFolderName);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const dir = defaultDataDir(env, platform);
  return platform === 'win32' ? path.win32.join(dir, 'ledger.sqlite') : path.join(dir, 'ledger.sqlite');
}
