import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { OpenDialogOptions } from 'electron'
import { FakeBrowserWindow, stub } from './electron-stub'
import type { Result } from '../../electron/shared/errors'
import { FILE_CHANNELS, SHELL_EVENTS, type ImportFilesResult } from '../../electron/shared/files'
import type { ImportProgress } from '../../electron/shared/imports'
import { forwardImportProgress, registerImportHandlers } from '../../electron/main/imports'
import type { Dispatcher } from '../../electron/main/ipc'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

type Handler = (event: unknown, raw: unknown) => Promise<Result<ImportFilesResult>>
const TOP = { url: 'app://bundle/index.html', parent: null }
let win: FakeBrowserWindow
const event = (senderFrame: unknown = TOP) => ({ senderFrame, sender: win.webContents })

function register() {
  const core = { dispatch: vi.fn<Dispatcher['dispatch']>(async () => ({ ok: true, value: { batchId: 12 } })) }
  registerImportHandlers(stub.ipcMain, { core, dialog: stub.dialog, windowOf: () => win as never })
  return core
}
const handler = (channel: string) => stub.ipcHandlers.get(channel) as Handler

describe('importing through the shell', () => {
  beforeEach(() => {
    stub.reset()
    win = new FakeBrowserWindow({})
  })

  it('starts a batch from the paths the preload resolved, and from the contents of path-less files', async () => {
    const core = register()
    const answer = await handler(FILE_CHANNELS.importFiles)(event(), {
      origin: 'drop',
      paths: ['/home/ada/badges', '/home/ada/cert.png'],
      contents: [{ name: 'pasted.json', bytes: new TextEncoder().encode('{"a":1}') }],
    })
    expect(answer).toEqual({ ok: true, value: { batchId: 12, refused: [] } })
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('import:start', {
      origin: 'drop',
      sources: [{ path: '/home/ada/badges' }, { path: '/home/ada/cert.png' }, { name: 'pasted.json', base64: Buffer.from('{"a":1}').toString('base64') }],
    })
  })

  it.each([
    ['no request', null],
    ['a relative path', { origin: 'drop', paths: ['../../etc/passwd'], contents: [] }],
    ['a path with NUL', { origin: 'drop', paths: ['/tmp/a\0b'], contents: [] }],
    ['a number for a path', { origin: 'drop', paths: [42], contents: [] }],
    ['another origin', { origin: 'cli', paths: ['/tmp/a.json'], contents: [] }],
    ['contents without bytes', { origin: 'drop', paths: [], contents: [{ name: 'a.json', bytes: 'e30=' }] }],
  ])('refuses %s without starting anything', async (_label, raw) => {
    const core = register()
    const answer = await handler(FILE_CHANNELS.importFiles)(event(), raw)
    expect(!answer.ok && answer.error.code).toBe('BAD_INPUT')
    expect(core.dispatch).not.toHaveBeenCalled()
  })

  it('refuses a page that is not ours, on both channels', async () => {
    const core = register()
    const foreign = event({ url: 'https://evil.example/', parent: null })
    const a = await handler(FILE_CHANNELS.importFiles)(foreign, { origin: 'drop', paths: ['/etc'], contents: [] })
    const b = await handler(FILE_CHANNELS.chooseImport)(foreign, 'files')
    expect([a, b].map((r) => !r.ok && r.error.code)).toEqual(['FORBIDDEN', 'FORBIDDEN'])
    expect(core.dispatch).not.toHaveBeenCalled()
    expect(stub.dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it('"Choose files…" is the native open dialog; what is picked is imported without going through the page', async () => {
    const core = register()
    stub.dialog.openAnswer = { canceled: false, filePaths: ['/home/ada/Downloads/a.json', '/home/ada/Downloads/b.png'] }
    const answer = await handler(FILE_CHANNELS.chooseImport)(event(), 'files')
    expect(answer).toEqual({ ok: true, value: { batchId: 12, refused: [] } })
    const [parent, options] = stub.dialog.showOpenDialog.mock.calls[0] as [unknown, OpenDialogOptions]
    expect(parent).toBe(win)
    expect(options.properties).toEqual(['openFile', 'multiSelections'])
    expect(options.filters?.[0]?.extensions).toContain('json')
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('import:start', {
      origin: 'dialog',
      sources: [{ path: '/home/ada/Downloads/a.json' }, { path: '/home/ada/Downloads/b.png' }],
    })
    // The next dialog opens where the last pick was.
    stub.dialog.openAnswer = { canceled: true, filePaths: [] }
    await handler(FILE_CHANNELS.chooseImport)(event(), 'folder')
    const [, next] = stub.dialog.showOpenDialog.mock.calls[1] as [unknown, OpenDialogOptions]
    expect(next).toMatchObject({ defaultPath: '/home/ada/Downloads', properties: ['openDirectory', 'multiSelections'] })
  })

  it('starts nothing when the dialog is cancelled, and refuses a kind other than files or folder', async () => {
    const core = register()
    expect(await handler(FILE_CHANNELS.chooseImport)(event(), 'folder')).toEqual({ ok: true, value: { batchId: null, refused: [] } })
    const bad = await handler(FILE_CHANNELS.chooseImport)(event(), '/etc')
    expect(!bad.ok && bad.error.code).toBe('BAD_INPUT')
    expect(core.dispatch).not.toHaveBeenCalled()
    expect(stub.dialog.showOpenDialog).toHaveBeenCalledOnce()
  })

  it('passes the core’s refusal on', async () => {
    const core = { dispatch: vi.fn<Dispatcher['dispatch']>(async () => ({ ok: false, error: { code: 'READ_ONLY', message: 'This portfolio is damaged.' } })) }
    registerImportHandlers(stub.ipcMain, { core, dialog: stub.dialog, windowOf: () => null })
    const answer = await handler(FILE_CHANNELS.importFiles)(event(), { origin: 'dialog', paths: ['/tmp/a.json'], contents: [] })
    expect(answer).toEqual({ ok: false, error: { code: 'READ_ONLY', message: 'This portfolio is damaged.' } })
  })
})

describe('import progress as events', () => {
  beforeEach(() => stub.reset())

  const progress: ImportProgress = { batchId: 4, state: 'running', total: 100, processed: 64, counts: { imported: 60, updated: 0, duplicate: 2, failed: 2 } }

  it('sends every batch’s progress to each open window, and stops when unsubscribed', () => {
    let listener: ((p: ImportProgress) => void) | undefined
    const off = vi.fn()
    const source = { onImportProgress: vi.fn((l: (p: ImportProgress) => void) => ((listener = l), off)) }
    const a = new FakeBrowserWindow({})
    const b = new FakeBrowserWindow({})
    const gone = new FakeBrowserWindow({})
    gone.destroyed = true
    const unsubscribe = forwardImportProgress(source, () => [a, b, gone] as never)
    listener!(progress)
    expect(a.webContents.send).toHaveBeenCalledExactlyOnceWith(SHELL_EVENTS.importProgress, progress)
    expect(b.webContents.send).toHaveBeenCalledExactlyOnceWith(SHELL_EVENTS.importProgress, progress)
    expect(gone.webContents.send).not.toHaveBeenCalled()
    unsubscribe()
    expect(off).toHaveBeenCalledOnce()
  })

  it('keeps going when one window fails to receive', () => {
    let listener: ((p: ImportProgress) => void) | undefined
    const source = { onImportProgress: (l: (p: ImportProgress) => void) => ((listener = l), () => undefined) }
    const broken = new FakeBrowserWindow({})
    broken.webContents.send.mockImplementation(() => {
      throw new Error('Object has been destroyed')
    })
    const ok = new FakeBrowserWindow({})
    const log = vi.fn()
    forwardImportProgress(source, () => [broken, ok] as never, log)
    listener!(progress)
    expect(ok.webContents.send).toHaveBeenCalledOnce()
    expect(log).toHaveBeenCalledOnce()
  })
})
