import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub } from './electron-stub'
import { CERTIFICATES_ROUTE, createOpenedCertificates, credentialFilesIn, planOpened } from '../../electron/main/open-files'
import { LIMITS } from '../../electron/shared/limits'

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
  writeFileSync(join(dir, 'Certificate.PDF'), '%PDF-1.7\n')
  mkdirSync(join(dir, 'folder.json'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('files opened with Skillfolio', () => {
  it('keeps existing credential files from the command line, resolved against its folder', () => {
    const argv = ['/opt/Skillfolio/skillfolio', '--no-sandbox', 'badge.png', join(dir, 'cred.json'), 'script.js', 'folder.json', 'missing.svg', 'missing.pdf', 'Certificate.PDF', '.']
    expect(credentialFilesIn(argv, dir, isFile)).toEqual([join(dir, 'badge.png'), join(dir, 'cred.json'), join(dir, 'Certificate.PDF')])
  })

  it('sends PDFs to the certificate review and everything else to the badge import, each path once', () => {
    expect(planOpened(['/a/badge.png', '/a/cert.pdf', '/a/cred.json', '/a/Other.Pdf', '/a/cert.pdf'])).toEqual({
      badges: ['/a/badge.png', '/a/cred.json'],
      certificates: ['/a/cert.pdf', '/a/Other.Pdf'],
      route: CERTIFICATES_ROUTE,
    })
    // Only badges: the window shows their batch once it started.
    expect(planOpened(['/a/badge.png', '/a/vc.jwt'])).toEqual({ badges: ['/a/badge.png', '/a/vc.jwt'], certificates: [], route: null })
    // Only certificates: no batch.
    expect(planOpened(['/a/cert.pdf'])).toEqual({ badges: [], certificates: ['/a/cert.pdf'], route: '#/import/certificates' })
    expect(planOpened([])).toEqual({ badges: [], certificates: [], route: null })
  })

  it('hands opened PDFs over once by ticket, reads only what a ticket names, and leaves missing files out', async () => {
    const opened = createOpenedCertificates()
    const pdf = join(dir, 'Certificate.PDF')
    expect(await opened.grant([pdf, join(dir, 'gone.pdf'), join(dir, 'folder.json')])).toBe(1)
    const taken = opened.take()
    expect(taken).toEqual({ ok: true, value: [{ ticket: expect.stringMatching(/^[0-9a-f]{32}$/), fileName: 'Certificate.PDF', bytes: 9 }] })
    expect(opened.take()).toEqual({ ok: true, value: [] }) // handed over once
    const { ticket } = taken.ok ? taken.value[0]! : { ticket: '' }
    const read = await opened.read(ticket)
    expect(read.ok && Buffer.from(read.value).toString('utf8')).toBe('%PDF-1.7\n')
    expect(await opened.read(ticket)).toMatchObject({ ok: true }) // again, when the person saves it
    for (const bad of ['0'.repeat(32), pdf, undefined, { ticket }])
      expect(await opened.read(bad)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('not opened with Skillfolio') } })
    rmSync(pdf)
    expect(await opened.read(ticket)).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringContaining('Certificate.PDF could not be read') } })
  })

  it('refuses to read an opened PDF that grew past the import limit', async () => {
    const opened = createOpenedCertificates()
    const big = join(dir, 'big.pdf')
    writeFileSync(big, '%PDF-1.7\n')
    await opened.grant([big])
    const taken = opened.take()
    const ticket = taken.ok ? taken.value[0]!.ticket : ''
    writeFileSync(big, Buffer.alloc(LIMITS.importFileBytes + 1))
    expect(await opened.read(ticket)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/MB/) } })
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
