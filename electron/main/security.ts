import { app, session, shell, type Session, type WebContents } from 'electron'
import { APP_HOST, APP_SCHEME } from './protocol'

/**
 * Our own pages: app://bundle/... and, in development only, the exact electron-vite dev
 * server origin. Never compare `origin`: for non-special schemes like app: WHATWG URLs give
 * an opaque origin ("null"), so every app:// URL of any host would compare equal.
 */
export function isTrustedUrl(url: string, devUrl?: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password) return true
  if (!devUrl) return false
  try {
    const dev = new URL(devUrl)
    return (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin
  } catch {
    return false
  }
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:'])

/** Links the system browser / mail client may open (verification URLs, project links). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol)
  } catch {
    return false
  }
}

function openExternally(url: string): void {
  if (isSafeExternalUrl(url)) shell.openExternal(url).catch(() => undefined)
}

/** Locks down one WebContents: it may only show our own pages and never open windows. */
export function hardenContents(contents: WebContents, devUrl?: string): void {
  // `details.url` is current; the positional url argument is deprecated but kept as fallback.
  const guard = (details: { preventDefault(): void; url?: string }, legacyUrl: string, openOutside: boolean) => {
    const url = details.url ?? legacyUrl
    if (isTrustedUrl(url, devUrl)) return
    details.preventDefault()
    // A plain <a href="https://..."> click: show it in the browser instead. Redirects are
    // never user intent, so they are only blocked.
    if (openOutside) openExternally(url)
  }
  contents.on('will-navigate', (details, url) => guard(details, url, true))
  contents.on('will-redirect', (details, url) => guard(details, url, false))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
}

/** Before ready: every WebContents ever created (windows, devtools, frames) gets the guards. */
export function hardenAllContents(devUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devUrl))
}

/** After ready: the app needs no camera, microphone, notifications, geolocation, USB... */
export function denyAllPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  target.setDevicePermissionHandler(() => false)
}
