/**
 * A certificate PDF opened with Skillfolio (a second copy's command line, macOS open-file)
 * ends in the certificate review: the window goes to #/import/certificates, is told, and takes
 * the PDF by ticket; badges opened with it still become an import batch. Played on index.ts
 * with the recording electron stub.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub, type FakeBrowserWindow } from './electron-stub'
import { FILE_CHANNELS, SHELL_EVENTS, type OpenedCertificate } from '../../electron/shared/files'
import type { Result } from '../../electron/shared/errors'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

const core = vi.hoisted(() => ({
  createCore: vi.fn(),
  instance: { dispatch: vi.fn(), close: vi.fn(), idle: vi.fn(() => Promise.resolve()), onImportProgress: vi.fn(() => () => undefined) },
}))
vi.mock('../../electron/core/app', () => ({ createCore: core.createCore }))

const PDF = '%PDF-1.7\n% a certificate\n'
let dir: string

/** Starts index.ts with 'ready' fired and waits for its window. */
async function boot(): Promise<FakeBrowserWindow> {
  vi.resetModules()
  await import('../../electron/main/index')
  stub.ready.resolve()
  await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
  return stub.BrowserWindow.created[0]!
}

/** A call from our own page (or from `url`), as ipcMain hands it to a handler. */
const from = (win: FakeBrowserWindow, url = 'app://bundle/index.html') => ({ senderFrame: { url, parent: null }, sender: win.webContents })

async function take(win: FakeBrowserWindow): Promise<OpenedCertificate[]> {
  const result = (await stub.ipcHandlers.get(FILE_CHANNELS.takeOpenedCertificates)!(from(win))) as Result<OpenedCertificate[]>
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const read = (win: FakeBrowserWindow, ticket: unknown, url?: string) => stub.ipcHandlers.get(FILE_CHANNELS.readOpenedCertificate)!(from(win, url), ticket) as Promise<Result<Uint8Array>>

describe('a certificate PDF opened with Skillfolio', () => {
  const savedPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!
  beforeEach(() => {
    stub.reset()
    core.createCore.mockReset().mockReturnValue(core.instance)
    core.instance.dispatch.mockReset().mockResolvedValue({ ok: true, value: { batchId: 7 } })
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-open-pdf-'))
    writeFileSync(join(dir, 'coursera.pdf'), PDF)
    writeFileSync(join(dir, 'badge.png'), 'png')
  })
  afterEach(() => {
    Object.defineProperty(process, 'platform', savedPlatform)
    rmSync(dir, { recursive: true, force: true })
  })

  it('goes to the certificate review, which takes it by ticket and reads its bytes; no badge batch starts', async () => {
    const win = await boot()
    expect(await take(win)).toEqual([]) // nothing opened yet
    stub.app.emit('second-instance', {}, ['/opt/Skillfolio/skillfolio', 'coursera.pdf'], dir)
    await vi.waitFor(() => expect(win.loadURL).toHaveBeenLastCalledWith('app://bundle/index.html#/import/certificates'))
    expect(win.webContents.send).toHaveBeenCalledWith(SHELL_EVENTS.certificatesOpened)
    expect(core.instance.dispatch).not.toHaveBeenCalledWith('import:start', expect.anything())

    const queued = await take(win)
    expect(queued).toEqual([{ ticket: expect.any(String), fileName: 'coursera.pdf', bytes: PDF.length }])
    expect(JSON.stringify(queued)).not.toContain(dir) // the page never learns the path
    expect(await take(win)).toEqual([]) // handed over once
    const bytes = await read(win, queued[0]!.ticket)
    expect(bytes.ok && Buffer.from(bytes.value).toString('utf8')).toBe(PDF)
  })

  it('refuses a ticket main did not issue, a path, and a page outside Skillfolio', async () => {
    const win = await boot()
    stub.app.emit('second-instance', {}, ['/opt/Skillfolio/skillfolio', join(dir, 'coursera.pdf')], dir)
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(SHELL_EVENTS.certificatesOpened))
    expect(await read(win, join(dir, 'coursera.pdf'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await read(win, 'f'.repeat(32))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const [opened] = await take(win)
    expect(await read(win, opened!.ticket, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('outside Skillfolio') } })
    expect(await stub.ipcHandlers.get(FILE_CHANNELS.takeOpenedCertificates)!(from(win, 'https://evil.example/'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('with a badge opened alongside: the badge becomes a batch, the window shows the certificates', async () => {
    const win = await boot()
    stub.app.emit('second-instance', {}, ['/opt/Skillfolio/skillfolio', 'badge.png', 'coursera.pdf'], dir)
    await vi.waitFor(() => expect(core.instance.dispatch).toHaveBeenCalledWith('import:start', { sources: [{ path: join(dir, 'badge.png') }], origin: 'open-with' }))
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(SHELL_EVENTS.certificatesOpened))
    await new Promise((resolve) => setTimeout(resolve, 0)) // the batch's answer has come back
    // The certificates wait for the person; the badge batch reports on its own (a toast).
    expect(win.loadURL.mock.calls.map(([url]) => url)).toEqual(['app://bundle/index.html', 'app://bundle/index.html#/import/certificates'])
    expect((await take(win)).map((o) => o.fileName)).toEqual(['coursera.pdf'])
  })

  it('the preload tells the page and forwards takes and reads, the ticket only ever as text', async () => {
    vi.resetModules()
    await import('../../electron/preload/index')
    const files = stub.exposed.get('skillfolioFiles') as { onCertificatesOpened: (cb: () => void) => () => void; readOpenedCertificate: (t: unknown) => Promise<unknown>; takeOpenedCertificates: () => Promise<unknown> }
    let told = 0
    const off = files.onCertificatesOpened(() => told++)
    stub.sendToRenderer(SHELL_EVENTS.certificatesOpened)
    expect(told).toBe(1)
    off()
    stub.sendToRenderer(SHELL_EVENTS.certificatesOpened)
    expect(told).toBe(1)
    await files.takeOpenedCertificates()
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.takeOpenedCertificates)
    await files.readOpenedCertificate({ toString: () => 'abc' })
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.readOpenedCertificate, 'abc')
  })

  it('shows the badge batch when the PDF opened with it is gone', async () => {
    vi.resetModules()
    await import('../../electron/main/index')
    // macOS hands over each file on its own, before ready: they are opened together.
    stub.app.emit('open-file', { preventDefault: vi.fn() }, join(dir, 'badge.png'))
    stub.app.emit('open-file', { preventDefault: vi.fn() }, join(dir, 'moved-away.pdf'))
    stub.ready.resolve()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    const win = stub.BrowserWindow.created[0]!
    await vi.waitFor(() => expect(win.loadURL).toHaveBeenLastCalledWith('app://bundle/index.html#/import/7'))
    expect(core.instance.dispatch).toHaveBeenCalledWith('import:start', { sources: [{ path: join(dir, 'badge.png') }], origin: 'open-with' })
    expect(win.webContents.send).not.toHaveBeenCalledWith(SHELL_EVENTS.certificatesOpened)
    expect(await take(win)).toEqual([])
  })

  it('macOS open-file before ready: queued once the window exists', async () => {
    Object.defineProperty(process, 'platform', { ...savedPlatform, value: 'darwin' })
    vi.resetModules()
    await import('../../electron/main/index')
    const event = { preventDefault: vi.fn() }
    stub.app.emit('open-file', event, join(dir, 'coursera.pdf'))
    expect(event.preventDefault).toHaveBeenCalledOnce()
    stub.ready.resolve()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    const win = stub.BrowserWindow.created[0]!
    await vi.waitFor(() => expect(win.loadURL).toHaveBeenLastCalledWith('app://bundle/index.html#/import/certificates'))
    expect((await take(win)).map((o) => o.fileName)).toEqual(['coursera.pdf'])
  })
})
