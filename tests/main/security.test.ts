import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeWebContents, stub } from './electron-stub'
import { denyAllPermissions, hardenAllContents, isSafeExternalUrl, isTrustedUrl } from '../../electron/main/security'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

const DEV = 'http://localhost:5173'

describe('isTrustedUrl', () => {
  it.each(['app://bundle/index.html', 'app://bundle/', 'app://bundle/assets/x.js?x=1#y'])('trusts %s', (url) => {
    expect(isTrustedUrl(url)).toBe(true)
  })

  it.each([
    'app://evil/index.html', // same opaque origin "null" as app://bundle: never compare origins
    'app://bundle.evil/index.html',
    'app://user@bundle/index.html',
    'app:bundle/index.html',
    'https://evil.example/',
    'http://localhost:5173/', // the dev server, without a dev URL
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false)
  })

  it('trusts exactly the dev origin when one is given', () => {
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', DEV)).toBe(false)
    expect(isTrustedUrl('http://127.0.0.1:5173/', DEV)).toBe(false)
    expect(isTrustedUrl('https://localhost:5173/', DEV)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173.evil.example/', DEV)).toBe(false)
    expect(isTrustedUrl('app://bundle/index.html', DEV)).toBe(true)
    // a nonsense dev URL trusts nothing extra
    expect(isTrustedUrl('null', 'app://evil')).toBe(false)
    expect(isTrustedUrl('app://evil/', 'app://evil/')).toBe(false)
  })

  it('lets only web and mail links out to the system', () => {
    expect(isSafeExternalUrl('https://www.credly.com/badges/1')).toBe(true)
    expect(isSafeExternalUrl('http://example.org/')).toBe(true)
    expect(isSafeExternalUrl('mailto:me@example.org')).toBe(true)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://bundle/', 'ms-msdt:/id', 'x'])
      expect(isSafeExternalUrl(url)).toBe(false)
  })
})

function hardened(devUrl?: string): FakeWebContents {
  hardenAllContents(devUrl)
  const contents = new FakeWebContents()
  expect(stub.app.count('web-contents-created')).toBe(1)
  stub.app.emit('web-contents-created', {}, contents)
  return contents
}

const navigation = (url: string) => ({ url, preventDefault: vi.fn() })

describe('every web contents', () => {
  beforeEach(() => stub.reset())

  it('blocks navigation away from the app and opens web links in the browser instead', () => {
    const contents = hardened()
    const away = navigation('https://evil.example/')
    contents.emit('will-navigate', away, away.url)
    expect(away.preventDefault).toHaveBeenCalledOnce()
    expect(stub.shell.openExternal).toHaveBeenCalledWith('https://evil.example/')

    const file = navigation('file:///etc/passwd')
    contents.emit('will-navigate', file, file.url)
    expect(file.preventDefault).toHaveBeenCalledOnce()
    expect(stub.shell.openExternal).toHaveBeenCalledTimes(1)

    const inside = navigation('app://bundle/index.html')
    contents.emit('will-navigate', inside, inside.url)
    expect(inside.preventDefault).not.toHaveBeenCalled()
  })

  it('reads the URL from the legacy argument when details lack it', () => {
    const contents = hardened()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-navigate', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('blocks redirects away from the app without opening anything', () => {
    const contents = hardened()
    const away = navigation('https://evil.example/')
    contents.emit('will-redirect', away, away.url)
    expect(away.preventDefault).toHaveBeenCalledOnce()
    expect(stub.shell.openExternal).not.toHaveBeenCalled()
    const inside = navigation('app://bundle/index.html')
    contents.emit('will-redirect', inside, inside.url)
    expect(inside.preventDefault).not.toHaveBeenCalled()
  })

  it('allows the dev server only when told about it', () => {
    const dev = hardened(DEV)
    const hmr = navigation('http://localhost:5173/')
    dev.emit('will-navigate', hmr, hmr.url)
    expect(hmr.preventDefault).not.toHaveBeenCalled()
    stub.reset()
    const prod = hardened()
    const again = navigation('http://localhost:5173/')
    prod.emit('will-navigate', again, again.url)
    expect(again.preventDefault).toHaveBeenCalledOnce()
  })

  it('denies every new window and opens only web links outside', () => {
    const contents = hardened()
    expect(contents.windowOpenHandler).toBeTypeOf('function')
    for (const url of ['https://example.org/verify', 'app://bundle/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank'])
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    expect(stub.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(stub.shell.openExternal).toHaveBeenCalledWith('https://example.org/verify')
  })

  it('refuses webviews', () => {
    const contents = hardened()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })
})

describe('permissions', () => {
  beforeEach(() => stub.reset())

  it('answers every request and check with false', () => {
    denyAllPermissions()
    const session = stub.session.defaultSession
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean
    expect(check({}, 'media', 'app://bundle', {})).toBe(false)
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean
    expect(device({ deviceType: 'usb' })).toBe(false)
  })
})
