import { join } from 'node:path'

export const APP_NAME = 'Skillfolio'
export const DB_FILE_NAME = 'portfolio.sqlite'

/**
 * The folder the desktop app keeps its data in: the same as Electron's
 * `app.getPath('userData')` for an app named Skillfolio, so the command line finds
 * the desktop portfolio without Electron.
 */
export function desktopDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME)
}
