/**
 * The browser test bridge: serves the built renderer (out/renderer) on 127.0.0.1 with the
 * same Content-Security-Policy as the app, and answers `POST /__bridge/<channel>` by
 * handing the JSON body to the real core's `dispatch` — the same entry the desktop shell's
 * IPC handlers use, after the same window rules (electron/main/window-calls.ts: no paths from
 * the page; online checks only after a confirmation, answered here by `confirmOnlineChecks`).
 * The shell's own calls are `POST /__files/<name>`, and import progress reaches the page as
 * server-sent events on `GET /__events` (the desktop app sends them with webContents.send).
 * Only the transport differs from the desktop app.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Core } from '../../electron/core/app'
import type { RestorableCore } from '../../electron/core/restorable'
import { backupEntry } from '../../electron/core/backup/files'
import { isChannel } from '../../electron/shared/contract'
import { AppError } from '../../electron/shared/errors'
import type { ChooseImportKind } from '../../electron/shared/files'
import type { ShareBundle } from '../../electron/shared/share'
import type { ImportProgress, ImportSource } from '../../electron/shared/imports'
import { wantsOnlineChecksOn, windowCallProblem } from '../../electron/main/window-calls'
import { parseImportRequest } from '../../electron/main/import-request'
import { parseSaveRequest, personName, renderForSave } from '../../electron/main/save-kinds'
import { createBackupRefs, parsePassphrase } from '../../electron/main/backup-refs'
import { shareFolderName, writeBundleFolder } from '../../electron/main/share-folder'
import { ioMessage } from '../../electron/main/write-file'
import { createOpenedCertificates, importRoute, planOpened } from '../../electron/main/open-files'

/** Same value as the renderer's <meta http-equiv="Content-Security-Policy">. */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface Bridge {
  url: string
  /** Every contract call the page made, in order (channel names only). */
  calls: string[]
  /**
   * Stand-in for the main process's Save PDF or Word document (electron/main/save.ts, tested
   * with the electron stub): no dialog, the file goes into `saveDir` under the name the core offered.
   */
  saveDir: string
  /** Paths written by Save PDF, in order. */
  saved: string[]
  /** Paths the page asked the shell to open. */
  opened: string[]
  /**
   * Stand-in for the native open dialog ("Choose files…"): the paths it picks for a kind, or
   * null for Cancel. What it picks is imported by the bridge, as main does.
   */
  chooseAnswer: (kind: ChooseImportKind) => string[] | null
  /**
   * Stand-in for the open dialog of "Choose a backup…": the backup file it picks, or null for
   * Cancel. The bridge reads its header and gives the page a ticket, as main does.
   */
  chooseBackupAnswer: () => string | null
  /**
   * Stand-in for the native folder dialog ("Change folder…" of Backups, and where the share
   * bundle goes): the folder it picks, or null for Cancel.
   */
  chooseFolderAnswer: () => string | null
  /** Stand-in for the native "Turn on online checks?" box: true is "Turn on". */
  confirmOnlineChecks: () => boolean
  /** How many times that box was shown. */
  confirmations: number
  /** Every progress event sent to the page. */
  events: ImportProgress[]
  /**
   * Disk paths the page's importFiles handed over, in order: Files a test made for files and
   * folders on disk (`window.__bridgeDiskFile`), as the preload's webUtils.getPathForFile finds
   * them for an OS drop. Files without a path arrive as contents and are not listed.
   */
  importedPaths: string[]
  /**
   * Stand-in for the OS opening files with Skillfolio (electron/main/index.ts): the same plan,
   * badges into an import batch (origin 'open-with'), certificate PDFs granted to the page
   * (tickets) with the "opened" event. Answers the route main then loads: the test shows it.
   */
  openWith: (paths: string[]) => Promise<{ route: string | null; batchId: number | null }>
  close: () => Promise<void>
}

export function rendererBuilt(dir = RENDERER_DIR): boolean {
  return existsSync(join(dir, 'index.html'))
}

/**
 * `core` is the test portfolio's core; restoring a backup needs one made by createRestorableCore
 * (tempPortfolio's is), as the desktop app's is.
 */
export async function startBridge(core: Core | RestorableCore, options: { root?: string } = {}): Promise<Bridge> {
  const root = options.root ?? RENDERER_DIR
  if (!rendererBuilt(root)) throw new Error(`No built renderer in ${root}. Run \`npx electron-vite build\` first.`)
  const calls: string[] = []
  const saveDir = mkdtempSync(join(tmpdir(), 'skillfolio-saved-'))
  const saved: string[] = []
  const opened: string[] = []
  const events: ImportProgress[] = []
  const refs = createBackupRefs()
  const openedCertificates = createOpenedCertificates()
  /** Open event streams (one per page load). */
  const streams = new Set<ServerResponse>()
  const unsubscribe = core.onImportProgress((progress) => {
    events.push(progress)
    for (const res of streams) res.write(`data: ${JSON.stringify(progress)}\n\n`)
  })

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/__events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (url.pathname.startsWith('/__files/') && req.method === 'POST') {
      const raw = JSON.parse((await readBody(req)) || 'null') as unknown
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify(await fileCall(url.pathname.slice('/__files/'.length), raw)))
      return
    }
    if (url.pathname.startsWith('/__bridge/')) {
      if (req.method !== 'POST') {
        res.writeHead(405).end()
        return
      }
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/'.length))
      const body = await readBody(req)
      let raw: unknown
      try {
        raw = body ? JSON.parse(body) : undefined
      } catch {
        raw = undefined
      }
      calls.push(channel)
      const result = await windowDispatch(channel, raw)
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify(result))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = normalize(join(root, relative))
    if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file))
  }

  /** What main's IPC handlers do with a call from the window (electron/main/ipc.ts). */
  async function windowDispatch(channel: string, raw: unknown): Promise<unknown> {
    if (!isChannel(channel)) return core.dispatch(channel, raw)
    const problem = windowCallProblem(channel, raw)
    if (problem) return { ok: false, error: { code: 'FORBIDDEN', message: `Refused: ${problem}.` } }
    if (channel === 'settings:update' && wantsOnlineChecksOn(raw) && !(await core.call('settings:get', {})).onlineChecks) {
      bridge.confirmations++
      if (!bridge.confirmOnlineChecks()) {
        const { onlineChecks: _refused, ...rest } = raw as Record<string, unknown>
        return core.dispatch(channel, rest)
      }
    }
    return core.dispatch(channel, raw)
  }

  /** Starts a batch as main does for the preload and the open dialog. */
  async function startImport(sources: ImportSource[], origin: 'drop' | 'dialog'): Promise<unknown> {
    const started = await core.dispatch('import:start', { sources, origin })
    return started.ok ? { ok: true, value: { batchId: (started.value as { batchId: number }).batchId, refused: [] } } : started
  }

  async function fileCall(name: string, raw: unknown): Promise<unknown> {
    if (name === 'importFiles') {
      // The preload's request (paths, and the bytes of Files without one; base64 here, as JSON
      // carries no bytes), checked by main's own rules (electron/main/import-request.ts).
      const { origin, paths, contents } = (raw ?? {}) as { origin?: unknown; paths?: unknown; contents?: unknown }
      const bytes = Array.isArray(contents)
        ? contents.map((c: { name?: unknown; base64?: unknown } | null) => ({ name: c?.name, bytes: typeof c?.base64 === 'string' ? new Uint8Array(Buffer.from(c.base64, 'base64')) : null }))
        : contents
      const request = parseImportRequest({ origin, paths, contents: bytes })
      if (typeof request === 'string') return { ok: false, error: { code: 'BAD_INPUT', message: request } }
      for (const source of request.sources) if ('path' in source) bridge.importedPaths.push(source.path)
      return startImport(request.sources, request.origin)
    }
    if (name === 'chooseImport') {
      if (raw !== 'files' && raw !== 'folder') return { ok: false, error: { code: 'BAD_INPUT', message: 'Choose needs "files" or "folder".' } }
      const picked = bridge.chooseAnswer(raw)
      if (!picked?.length) return { ok: true, value: { batchId: null, refused: [] } }
      return startImport(picked.map((path) => ({ path })), 'dialog')
    }
    if (name === 'takeOpenedCertificates') return openedCertificates.take()
    if (name === 'readOpenedCertificate') {
      // Bytes as base64 (JSON carries none); the page's stand-in turns them back into a Uint8Array.
      const read = await openedCertificates.read(raw)
      return read.ok ? { ok: true, value: Buffer.from(read.value).toString('base64') } : read
    }
    if (name === 'openSaved') {
      if (typeof raw !== 'string' || !saved.includes(raw)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Skillfolio only opens files it saved itself in this session.' } }
      opened.push(raw)
      return { ok: true, value: { opened: true } }
    }
    if (name === 'savePdf') {
      const request = parseSaveRequest(raw)
      if (!request) return { ok: false, error: { code: 'BAD_INPUT', message: 'Save needs a resume or report to render, or an export to write.' } }
      const rendered = await renderForSave(core, request, new Date())
      if (!rendered.ok) return rendered
      const { bytes, fileName } = rendered.value
      const path = join(saveDir, fileName)
      writeFileSync(path, bytes)
      saved.push(path)
      return { ok: true, value: { saved: true, path, fileName, bytes: bytes.length } }
    }
    // The backup calls take (ref, passphrase): the page sends them as { args: [...] }.
    const [ref, passphraseRaw] = ((raw as { args?: unknown[] } | null)?.args ?? []) as [unknown, unknown]
    try {
      if (name === 'chooseBackup') {
        const path = bridge.chooseBackupAnswer()
        if (!path) return { ok: true, value: null }
        return { ok: true, value: { ticket: refs.issue(path), entry: backupEntry(path) } }
      }
      if (name === 'inspectBackup' || name === 'restoreBackup') {
        const passphrase = parsePassphrase(passphraseRaw)
        if (!passphrase.ok) return passphrase
        const path = await refs.resolve(ref, core)
        if (!path.ok) return path
        const given = passphrase.value !== undefined ? { passphrase: passphrase.value } : {}
        if (name === 'inspectBackup') return core.dispatch('backup:inspect', { path: path.value, ...given })
        if (!('restore' in core)) return { ok: false, error: { code: 'INTERNAL', message: 'This test core cannot restore: make it with createRestorableCore.' } }
        return { ok: true, value: await core.restore({ backupFile: path.value, ...given }) }
      }
      if (name === 'chooseBackupFolder') {
        const folder = bridge.chooseFolderAnswer()
        if (!folder) return { ok: true, value: null }
        const updated = await core.dispatch('settings:update', { backupFolder: folder })
        return updated.ok ? { ok: true, value: { folder } } : updated
      }
      if (name === 'saveShareBundle') {
        const built = await core.dispatch('share:bundle', raw)
        if (!built.ok) return built
        const parent = bridge.chooseFolderAnswer()
        if (!parent) return { ok: true, value: { saved: false } }
        const folderName = shareFolderName(await personName(core), new Date())
        const bundle = built.value as ShareBundle
        const written = await writeBundleFolder(parent, folderName, bundle.files).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
        if (written instanceof Error) return { ok: false, error: { code: 'IO', message: ioMessage(written, join(parent, folderName)) } }
        saved.push(written.index)
        return { ok: true, value: { saved: true, ...written, summary: (built.value as ShareBundle).summary } }
      }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } }
      throw error
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No such file call: ${name}` } }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok())
  })
  const { port } = server.address() as AddressInfo
  const bridge: Bridge = {
    url: `http://127.0.0.1:${port}/`,
    calls,
    saveDir,
    saved,
    opened,
    chooseAnswer: () => null,
    chooseBackupAnswer: () => null,
    chooseFolderAnswer: () => null,
    confirmOnlineChecks: () => true,
    confirmations: 0,
    events,
    importedPaths: [],
    openWith: async (paths) => {
      const plan = planOpened(paths)
      if (plan.certificates.length && (await openedCertificates.grant(plan.certificates))) {
        for (const res of streams) res.write('event: certificatesOpened\ndata: {}\n\n')
      }
      let batchId: number | null = null
      if (plan.badges.length) {
        const started = await core.dispatch('import:start', { sources: plan.badges.map((path) => ({ path })), origin: 'open-with' })
        if (started.ok) batchId = (started.value as { batchId: number }).batchId
      }
      return { route: plan.route ?? (batchId === null ? null : importRoute(batchId)), batchId }
    },
    close: () =>
      new Promise<void>((ok) => {
        unsubscribe()
        for (const res of streams) res.end()
        server.closeAllConnections()
        server.close(() => {
          rmSync(saveDir, { recursive: true, force: true })
          ok()
        })
      }),
  }
  return bridge
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > 5_000_000) {
        fail(new Error('request too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')))
    req.on('error', fail)
  })
}
