import { posix, win32 } from 'node:path'

export const APP_NAME = 'Skillfolio'
export const DB_FILE_NAME = 'portfolio.sqlite'

/**
 * The folder the desktop app keeps its data in: the same as Electron's
 * `app.getPath('userData')` for an app named Skillfolio, so the command line finds
 * the desktop portfolio without Electron. Paths are joined by the platform's own rules (so
 * each platform's answer can be checked anywhere); an empty variable counts as unset.
 */
export function desktopDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME)
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), APP_NAME)
}
