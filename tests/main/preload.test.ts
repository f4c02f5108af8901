import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { CHANNELS } from '../../electron/shared/contract'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

const built = join(__dirname, '..', '..', 'out', 'preload', 'index.js')

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

  it('window.skillfolioFiles turns a File into its path, and forwards Save PDF and Open to the shell', async () => {
    const files = stub.exposed.get('skillfolioFiles') as Record<string, (arg: unknown) => unknown>
    expect(Object.keys(files).sort()).toEqual(['getPathForFile', 'openSaved', 'savePdf'])
    const request = { kind: 'resume', settings: { template: 'ats' } }
    await files.savePdf!(request)
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith('files:savePdf', request)
    await files.openSaved!('/home/ada/resume.pdf')
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith('files:openSaved', '/home/ada/resume.pdf')
    vi.clearAllMocks()
    const file = { name: 'badge.json' }
    expect(files.getPathForFile!(file)).toBe('/fake/badge.json')
    expect(stub.webUtils.getPathForFile).toHaveBeenCalledExactlyOnceWith(file)
  })

  // A sandboxed preload can require only "electron" (and a few polyfills); anything else
  // (zod, the contract's schemas) must be bundled or, better, never imported.
  it.skipIf(!existsSync(built))(`the built preload requires nothing but electron${existsSync(built) ? '' : ' (skipped: run electron-vite build)'}`, () => {
    const code = readFileSync(built, 'utf8')
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(requires.length).toBeGreaterThan(0)
    expect(new Set(requires)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/\bimport\s*\(|^import\s/m)
    expect(code.length).toBeLessThan(20_000) // no zod, no schemas
  })
})
