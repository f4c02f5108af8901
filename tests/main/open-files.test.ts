import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { credentialFilesIn } from '../../electron/main/open-files'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

const core = vi.hoisted(() => ({
  createCore: vi.fn(),
  instance: { dispatch: vi.fn(), close: vi.fn(), idle: vi.fn(() => Promise.resolve()), onImportProgress: vi.fn(() => () => undefined) },
}))
vi.mock('../../electron/core/app', () => ({ createCore: core.createCore }))

let dir: string
const isFile = (p: string) => {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-open-'))
  writeFileSync(join(dir, 'badge.png'), 'x')
  writeFileSync(join(dir, 'cred.json'), '{}')
  writeFileSync(join(dir, 'script.js'), '')
  mkdirSync(join(dir, 'folder.json'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('files opened with Skillfolio', () => {
  it('keeps existing credential files from the command line, resolved against its folder', () => {
    const argv = ['/opt/Skillfolio/skillfolio', '--no-sandbox', 'badge.png', join(dir, 'cred.json'), 'script.js', 'folder.json', 'missing.svg', '.']
    expect(credentialFilesIn(argv, dir, isFile)).toEqual([join(dir, 'badge.png'), join(dir, 'cred.json')])
  })

  it('imports what a second copy was asked to open and shows that batch in the window', async () => {
    stub.reset()
    core.createCore.mockReset().mockReturnValue(core.instance)
    core.instance.dispatch.mockReset().mockResolvedValue({ ok: true, value: { batchId: 7 } })
    vi.resetModules()
    await import('../../electron/main/index')
    stub.ready.resolve()
    await vi.waitFor(() => expect(stub.BrowserWindow.created).toHaveLength(1))
    const win = stub.BrowserWindow.created[0]!
    stub.app.emit('second-instance', {}, ['/opt/Skillfolio/skillfolio', 'badge.png'], dir)
    expect(core.instance.dispatch).toHaveBeenCalledWith('import:start', { sources: [{ path: join(dir, 'badge.png') }], origin: 'open-with' })
    await vi.waitFor(() => expect(win.loadURL).toHaveBeenLastCalledWith('app://bundle/index.html#/import/7'))
    stub.app.emit('second-instance', {}, ['/opt/Skillfolio/skillfolio'], dir)
    expect(core.instance.dispatch).toHaveBeenCalledTimes(1) // nothing to open: only focus
  })
})
