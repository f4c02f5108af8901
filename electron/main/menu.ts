import { app, Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  isPackaged: boolean
  platform: NodeJS.Platform
  appName: string
  onAbout: () => void
}

/** Pure, so tests can read it: reload and devtools exist only in development builds. */
export function buildMenuTemplate({ isPackaged, platform, appName, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const dev = !isPackaged
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push(
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(dev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    { role: 'help', submenu: [{ label: `About ${appName}`, click: onAbout }] },
  )
  return template
}

export function installMenu(isPackaged: boolean, platform: NodeJS.Platform = process.platform): void {
  const template = buildMenuTemplate({ isPackaged, platform, appName: app.name, onAbout: () => app.showAboutPanel() })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
