/**
 * Where the desktop app keeps its portfolio (Electron's app.getPath('userData') for an app named
 * Skillfolio), which the command line must find without Electron: each platform's rules, checked
 * on any machine, and the command line's default on this one.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { desktopDataDir } from '../../electron/core/paths'
import { runIn } from '../cli/harness'

describe('desktopDataDir', () => {
  it('Windows: %APPDATA%\\Skillfolio, else the roaming AppData folder in the home folder', () => {
    expect(desktopDataDir('win32', { APPDATA: 'C:\\Users\\Ann\\AppData\\Roaming' }, 'C:\\Users\\Ann')).toBe('C:\\Users\\Ann\\AppData\\Roaming\\Skillfolio')
    expect(desktopDataDir('win32', { APPDATA: 'D:\\Profiles\\ann\\' }, 'C:\\Users\\Ann')).toBe('D:\\Profiles\\ann\\Skillfolio')
    expect(desktopDataDir('win32', {}, 'C:\\Users\\Ann')).toBe('C:\\Users\\Ann\\AppData\\Roaming\\Skillfolio')
    // An empty variable is unset (never a folder relative to wherever the command runs).
    expect(desktopDataDir('win32', { APPDATA: '' }, 'C:\\Users\\Ann')).toBe('C:\\Users\\Ann\\AppData\\Roaming\\Skillfolio')
    // XDG_CONFIG_HOME means nothing on Windows.
    expect(desktopDataDir('win32', { XDG_CONFIG_HOME: 'C:\\xdg' }, 'C:\\Users\\Ann')).toBe('C:\\Users\\Ann\\AppData\\Roaming\\Skillfolio')
  })

  it('macOS: ~/Library/Application Support/Skillfolio, whatever XDG_CONFIG_HOME says', () => {
    expect(desktopDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Skillfolio')
    expect(desktopDataDir('darwin', { XDG_CONFIG_HOME: '/Users/ann/.config', APPDATA: '/x' }, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Skillfolio')
  })

  it('Linux and the BSDs: $XDG_CONFIG_HOME/Skillfolio, else ~/.config/Skillfolio (empty counts as unset)', () => {
    for (const platform of ['linux', 'freebsd', 'openbsd'] as const) {
      expect(desktopDataDir(platform, { XDG_CONFIG_HOME: '/home/ann/.cfg' }, '/home/ann')).toBe('/home/ann/.cfg/Skillfolio')
      expect(desktopDataDir(platform, { XDG_CONFIG_HOME: '/home/ann/.cfg/' }, '/home/ann')).toBe('/home/ann/.cfg/Skillfolio')
      expect(desktopDataDir(platform, {}, '/home/ann')).toBe('/home/ann/.config/Skillfolio')
      expect(desktopDataDir(platform, { XDG_CONFIG_HOME: '' }, '/home/ann')).toBe('/home/ann/.config/Skillfolio')
      expect(desktopDataDir(platform, { APPDATA: 'C:\\x' }, '/home/ann')).toBe('/home/ann/.config/Skillfolio')
    }
  })
})

describe('the command line without --db or $SKILLFOLIO_DB', () => {
  it("names the desktop app's portfolio on this machine as its default", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-paths-'))
    try {
      // The variable this platform's rule reads (macOS reads only the home folder).
      const env: NodeJS.ProcessEnv = process.platform === 'win32' ? { APPDATA: dir } : process.platform === 'darwin' ? {} : { XDG_CONFIG_HOME: dir }
      const expected = process.platform === 'darwin' ? join(homedir(), 'Library', 'Application Support', 'Skillfolio', 'portfolio.sqlite') : join(dir, 'Skillfolio', 'portfolio.sqlite')
      const help = await runIn(dir, env, ['--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(`(default: $SKILLFOLIO_DB, else ${expected})`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
