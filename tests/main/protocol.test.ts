import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { CSP } from '../../electron/main/csp'
import { handleAppProtocol, registerAppScheme, resolveBundlePath, serveBundleFile } from '../../electron/main/protocol'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

const dir = '/srv/out/renderer'

describe('app:// scheme', () => {
  beforeEach(() => stub.reset())

  it('is registered as standard, secure and fetchable, and nothing more', () => {
    registerAppScheme()
    expect(stub.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })
})

describe('resolveBundlePath', () => {
  it.each([
    ['app://bundle/index.html', `${dir}/index.html`],
    ['app://bundle/', `${dir}/index.html`],
    ['app://bundle/assets/index-3f2a.js', `${dir}/assets/index-3f2a.js`],
    ['app://bundle/assets/index.css?v=2#top', `${dir}/assets/index.css`],
    ['app://bundle/fonts/Noto%20Sans.woff2', `${dir}/fonts/Noto Sans.woff2`],
  ])('serves %s', (url, expected) => {
    expect(resolveBundlePath(dir, url)).toBe(expected)
  })

  it.each([
    ['parent segment', 'app://bundle/../../etc/passwd'],
    ['parent segment inside', 'app://bundle/assets/../../secret.txt'],
    ['dot segment', 'app://bundle/./index.html'],
    ['encoded dots', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed encoded dots', 'app://bundle/.%2E/etc/passwd'],
    ['encoded slash', 'app://bundle/..%2F..%2Fetc%2Fpasswd'],
    ['encoded slash in a name', 'app://bundle/assets%2Findex.js'],
    ['encoded backslash', 'app://bundle/..%5C..%5Cwindows%5Cwin.ini'],
    ['backslashes', 'app://bundle/..\\..\\windows\\win.ini'],
    ['absolute path', 'app://bundle//etc/passwd'],
    ['encoded absolute path', 'app://bundle/%2Fetc%2Fpasswd'],
    ['drive letter', 'app://bundle/C:/Windows/win.ini'],
    ['NUL byte', 'app://bundle/index.html%00.png'],
    ['raw NUL byte', 'app://bundle/index.html\0.png'],
    ['broken escape', 'app://bundle/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['host in other case', 'app://BUNDLE/index.html'],
    ['host with port', 'app://bundle:8080/index.html'],
    ['credentials', 'app://user:pw@bundle/index.html'],
    ['no host', 'app:///etc/passwd'],
    ['other scheme', 'file:///etc/passwd'],
    ['https', 'https://bundle/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveBundlePath(dir, url)).toBeNull()
  })
})

describe('serving out/renderer', () => {
  let root: string
  let rendererDir: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'skillfolio-protocol-'))
    rendererDir = join(root, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Skillfolio</title>')
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}')
    writeFileSync(join(root, 'secret.txt'), 'top secret')
    symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'))
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  beforeEach(() => stub.reset())

  it('answers files with their type and the strict CSP', async () => {
    const html = await serveBundleFile(rendererDir, 'app://bundle/index.html')
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-security-policy')).toBe(CSP)
    expect(html.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await html.text()).toContain('<title>Skillfolio</title>')
    const js = await serveBundleFile(rendererDir, 'app://bundle/assets/app.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const css = await serveBundleFile(rendererDir, 'app://bundle/assets/app.css')
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it.each([
    'app://bundle/missing.js',
    'app://bundle/assets',
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/assets/link.txt',
    'app://other/index.html',
  ])('answers 404 with the CSP for %s', async (url) => {
    const response = await serveBundleFile(rendererDir, url)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(await response.text()).not.toContain('secret')
  })

  it('registers the handler for the app scheme', async () => {
    handleAppProtocol(rendererDir)
    expect(stub.protocol.handle).toHaveBeenCalledOnce()
    const handler = stub.protocolHandlers.get('app')!
    const response = (await handler({ url: 'app://bundle/index.html' })) as Response
    expect(response.status).toBe(200)
  })
})
