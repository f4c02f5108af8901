import { protocol } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { CSP } from './csp'

/**
 * The renderer is served from app://bundle/ instead of file:// (Electron security checklist
 * item 18): file:// pages could read any file on disk, app:// can only reach out/renderer.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Must run before `app` is ready; `standard` makes relative ./assets/... URLs resolve. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * Maps app://bundle/<path> to a file inside rendererDir, or null when the URL is not ours or
 * could escape the folder. Chromium already normalises standard URLs; this is the second
 * line of defence, so it refuses anything odd instead of trying to repair it.
 */
export function resolveBundlePath(rendererDir: string, requestUrl: string): string | null {
  if (requestUrl.includes('\0') || requestUrl.includes('\\')) return null
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null
  // WHATWG parsing silently drops "..", "%2e%2e" and friends, so look at the raw path too.
  const prefix = `${APP_SCHEME}://${APP_HOST}/`
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix) return null
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/)[0] ?? ''
  if (rawPath.split('/').some(isDotSegment)) return null

  const encoded = url.pathname === '/' ? ['index.html'] : url.pathname.slice(1).split('/')
  const segments: string[] = []
  for (const part of encoded) {
    let name: string
    try {
      name = decodeURIComponent(part)
    } catch {
      return null
    }
    // Empty (//), dot segments, encoded separators, drive letters, NUL: never part of a bundle.
    if (!name || name === '.' || name === '..' || /[/\\:\0]/.test(name)) return null
    segments.push(name)
  }
  const root = resolve(rendererDir)
  const file = resolve(root, ...segments)
  return file.startsWith(root + sep) ? file : null
}

function isDotSegment(segment: string): boolean {
  try {
    const name = decodeURIComponent(segment)
    return name === '.' || name === '..'
  } catch {
    return true
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** Headers every app:// response carries, including errors. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  }
}

const notFound = () => new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') })

/** Answers one app:// request; exported so tests can call it without Electron. */
export async function serveBundleFile(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = resolveBundlePath(rendererDir, requestUrl)
  if (!file) return notFound()
  try {
    // A symlink inside out/renderer must not lead outside it either.
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(file)])
    if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return notFound()
    const body = await readFile(real)
    return new Response(body, { status: 200, headers: securityHeaders(MIME[extname(real).toLowerCase()] ?? 'application/octet-stream') })
  } catch {
    return notFound()
  }
}

/** After ready: serve out/renderer under app://bundle/. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveBundleFile(rendererDir, request.url))
}

/** For tests and the window: the folder beside out/main that electron-vite fills. */
export const rendererDirFrom = (mainDir: string) => join(mainDir, '..', 'renderer')
