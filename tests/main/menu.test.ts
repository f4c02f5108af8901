import type { MenuItemConstructorOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { buildMenuTemplate, installMenu } from '../../electron/main/menu'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

type Item = MenuItemConstructorOptions
const roles = (items: Item[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
const top = (template: Item[], label: string) => template.find((item) => item.label === label || item.role === label.toLowerCase())
const onAbout = vi.fn()

describe('application menu', () => {
  beforeEach(() => stub.reset())

  it('in a packaged app has no reload and no devtools', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'linux', appName: 'Skillfolio', onAbout })
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help'])
    const all = roles(template)
    expect(all).not.toContain('reload')
    expect(all).not.toContain('forceReload')
    expect(all).not.toContain('toggleDevTools')
    expect(all).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']))
  })

  it('in development adds reload and devtools to View', () => {
    const template = buildMenuTemplate({ isPackaged: false, platform: 'linux', appName: 'Skillfolio', onAbout })
    expect(roles([top(template, 'View')!])).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('on macOS starts with the app menu', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'darwin', appName: 'Skillfolio', onAbout })
    expect(template[0]!.label).toBe('Skillfolio')
    expect(roles([template[0]!])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']))
    expect(roles([top(template, 'File')!])).toEqual(['close'])
  })

  it('Help > About Skillfolio opens the about panel', () => {
    installMenu(true, 'linux')
    const template = stub.Menu.buildFromTemplate.mock.calls[0]![0] as Item[]
    expect(stub.Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const about = (top(template, 'Help')!.submenu as Item[]).find((item) => item.label === 'About Skillfolio')!
    ;(about.click as () => void)()
    expect(stub.app.showAboutPanel).toHaveBeenCalledOnce()
  })
})
