import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { CHANNELS } from '../../electron/shared/contract'
import type { Result } from '../../electron/shared/errors'
import { FILE_CHANNELS, SHELL_EVENTS, type ImportFilesRequest, type ImportFilesResult } from '../../electron/shared/files'
import { LIMITS } from '../../electron/shared/limits'
import { built as builtFiles } from '../helpers/requirements'
import { bridgeScript } from '../helpers/browser'
import { runInNewContext } from 'node:vm'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

const built = join(__dirname, '..', '..', 'out', 'preload', 'index.js')
const preloadBuilt = builtFiles('out/preload/index.js')

describe('preload', () => {
  beforeAll(async () => {
    stub.reset()
    await import('../../electron/preload/index')
  })

  it('exposes window.skillfolio and window.skillfolioFiles, nothing else', () => {
    expect(stub.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2)
    expect([...stub.exposed.keys()].sort()).toEqual(['skillfolio', 'skillfolioFiles'])
  })

  it('window.skillfolio has one function per contract channel', () => {
    const api = stub.exposed.get('skillfolio') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort())
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function')
  })

  it('forwards a call to ipcRenderer.invoke on the same channel', async () => {
    const api = stub.exposed.get('skillfolio') as Record<string, (input: unknown) => Promise<unknown>>
    const answer = await api['credentials:list']!({ limit: 3 })
    expect(stub.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('credentials:list', { limit: 3 })
    expect(answer).toEqual({ ok: true, value: { channel: 'credentials:list', input: { limit: 3 } } })
  })

  it('window.skillfolioFiles forwards Save PDF and Open to the shell, and exposes no way to learn a path', async () => {
    const files = stub.exposed.get('skillfolioFiles') as Record<string, (arg: unknown) => unknown>
    expect(Object.keys(files).sort()).toEqual([
      'chooseBackup',
      'chooseBackupFolder',
      'chooseImport',
      'importFiles',
      'inspectBackup',
      'onCertificatesOpened',
      'onImportProgress',
      'openSaved',
      'readOpenedCertificate',
      'restoreBackup',
      'savePdf',
      'saveShareBundle',
      'takeOpenedCertificates',
    ])
    const request = { kind: 'resume', settings: { template: 'ats' } }
    await files.savePdf!(request)
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith('files:savePdf', request)
    await files.openSaved!('/home/ada/resume.pdf')
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith('files:openSaved', '/home/ada/resume.pdf')
  })

  describe('importFiles', () => {
    type ImportFiles = (files: unknown, origin: unknown) => Promise<Result<ImportFilesResult>>
    const importFiles = () => (stub.exposed.get('skillfolioFiles') as { importFiles: ImportFiles }).importFiles
    beforeEach(() => {
      vi.clearAllMocks()
      stub.pathOfFile = (file) => `/fake/${file.name}`
      stub.ipcRenderer.invoke.mockImplementation(async (channel: string) => (channel === FILE_CHANNELS.importFiles ? { ok: true, value: { batchId: 7 } } : { ok: true, value: null }))
    })

    it('turns dropped Files into their paths and sends them to main on its own channel', async () => {
      const a = new File(['{}'], 'badge.json')
      const b = new File(['x'], 'folder')
      const answer = await importFiles()([a, b], 'drop')
      expect(answer).toEqual({ ok: true, value: { batchId: 7, refused: [] } })
      expect(stub.webUtils.getPathForFile).toHaveBeenCalledTimes(2)
      expect(stub.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(FILE_CHANNELS.importFiles, { origin: 'drop', paths: ['/fake/badge.json', '/fake/folder'], contents: [] })
    })

    it('sends the contents of a File with no path on disk (pasted), and refuses an oversized one unread', async () => {
      stub.pathOfFile = () => ''
      const pasted = new File(['{"a":1}'], 'pasted.json')
      const huge = new File([new Uint8Array(LIMITS.importFileBytes + 1)], 'huge.png')
      const answer = await importFiles()([pasted, huge], 'drop')
      expect(answer).toEqual({ ok: true, value: { batchId: 7, refused: [{ fileName: 'huge.png', reason: 'The file is 20.0 MB; Skillfolio reads credential files up to 20 MB.' }] } })
      const sent = stub.ipcRenderer.invoke.mock.calls[0]![1] as ImportFilesRequest
      expect(sent.paths).toEqual([])
      expect(sent.contents.map((c) => [c.name, Buffer.from(c.bytes).toString('utf8')])).toEqual([['pasted.json', '{"a":1}']])
    })

    it('sends nothing when every file was refused', async () => {
      stub.pathOfFile = () => ''
      const answer = await importFiles()([new File([new Uint8Array(LIMITS.importFileBytes + 1)], 'huge.png')], 'dialog')
      expect(answer.ok && answer.value.batchId).toBeNull()
      expect(stub.ipcRenderer.invoke).not.toHaveBeenCalled()
    })

    it.each([
      ['a path string', ['/etc/passwd']],
      ['a path string among files', [new File(['{}'], 'badge.json'), '/home/ada/.ssh/id_ed25519']],
      ['a File look-alike', [{ name: 'x.json', size: 2, arrayBuffer: async () => new ArrayBuffer(2) }]],
      ['a Blob that is not a File', [new Blob(['{}'])]],
      ['a bare string instead of a list', '/etc'],
      ['nothing', undefined],
    ])('refuses %s with a clear error and sends nothing to main', async (_label, input) => {
      const answer = await importFiles()(input, 'drop')
      expect(answer.ok).toBe(false)
      expect(!answer.ok && answer.error.code).toBe('BAD_INPUT')
      expect(!answer.ok && answer.error.message).toMatch(/File objects|Only files dropped on the window/)
      expect(stub.ipcRenderer.invoke).not.toHaveBeenCalled()
    })

    it('names a string in the error, so a page script learns why', async () => {
      const answer = await importFiles()(['/etc/passwd'], 'drop')
      expect(!answer.ok && answer.error.message).toContain('item 1 is a text (a path?)')
    })

    it('refuses an origin other than drop or dialog', async () => {
      const answer = await importFiles()([new File(['{}'], 'b.json')], 'cli')
      expect(!answer.ok && answer.error.code).toBe('BAD_INPUT')
      expect(stub.ipcRenderer.invoke).not.toHaveBeenCalled()
    })
  })

  it('chooseImport asks main for the native dialog, with only "files" or "folder"', async () => {
    vi.clearAllMocks()
    const files = stub.exposed.get('skillfolioFiles') as { chooseImport: (kind: unknown) => Promise<unknown> }
    await files.chooseImport('folder')
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.chooseImport, 'folder')
    await files.chooseImport('/etc')
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.chooseImport, 'files')
  })

  it('forwards the backup and share calls to main on their own channels, with a BackupRef, never a path', async () => {
    vi.clearAllMocks()
    const files = stub.exposed.get('skillfolioFiles') as Record<string, (...args: unknown[]) => Promise<unknown>>
    await files.chooseBackup!()
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.chooseBackup)
    await files.inspectBackup!({ name: 'portfolio-2026-12-06T13-36-04-000Z-manual.sfbackup' }, 'secret passphrase')
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.inspectBackup, { name: 'portfolio-2026-12-06T13-36-04-000Z-manual.sfbackup' }, 'secret passphrase')
    await files.restoreBackup!({ ticket: 'abc' })
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.restoreBackup, { ticket: 'abc' }, undefined)
    await files.chooseBackupFolder!()
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.chooseBackupFolder)
    await files.saveShareBundle!({ credentialIds: ['cred-1'] })
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(FILE_CHANNELS.saveShareBundle, { credentialIds: ['cred-1'] })
  })

  it('the browser tests’ window.skillfolioFiles has exactly the preload’s members', () => {
    const window: Record<string, unknown> = {}
    runInNewContext(bridgeScript([]), { window, location: { protocol: 'about:' }, document: { addEventListener: () => undefined }, WeakMap, Object, Set })
    const page = window.skillfolioFiles as Record<string, unknown>
    const preload = stub.exposed.get('skillfolioFiles') as Record<string, unknown>
    expect(Object.keys(page).sort()).toEqual(Object.keys(preload).sort())
  })

  it('onImportProgress delivers progress events without the IPC event, and unsubscribes', () => {
    const files = stub.exposed.get('skillfolioFiles') as { onImportProgress: (cb: unknown) => () => void }
    const seen: unknown[][] = []
    const off = files.onImportProgress((...args: unknown[]) => seen.push(args))
    const progress = { batchId: 3, state: 'running', total: 10, processed: 4, counts: { imported: 4, updated: 0, duplicate: 0, failed: 0 } }
    stub.sendToRenderer(SHELL_EVENTS.importProgress, progress)
    expect(seen).toEqual([[progress]]) // the page never gets the event object (it carries the sender)
    off()
    stub.sendToRenderer(SHELL_EVENTS.importProgress, progress)
    expect(seen).toHaveLength(1)
    expect(() => files.onImportProgress('not a function')).toThrow(TypeError)
  })

  // A sandboxed preload can require only "electron" (and a few polyfills); anything else
  // (zod, the contract's schemas) must be bundled or, better, never imported.
  it.skipIf(preloadBuilt.skip)(preloadBuilt.title('the built preload requires nothing but electron'), () => {
    preloadBuilt.check()
    const code = readFileSync(built, 'utf8')
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(requires.length).toBeGreaterThan(0)
    expect(new Set(requires)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/\bimport\s*\(|^import\s/m)
    expect(code.length).toBeLessThan(20_000) // no zod, no schemas
  })
})
