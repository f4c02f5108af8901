import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stub, FakeBrowserWindow } from './electron-stub'
import type { Result } from '../../electron/shared/errors'
import type { SavePdfResult } from '../../electron/shared/files'
import { registerFileHandlers } from '../../electron/main/save'
import type { Dispatcher } from '../../electron/main/ipc'

vi.mock('electron', async () => (await import('./electron-stub')).electronModule())

type Handler = (event: unknown, raw: unknown) => Promise<Result<unknown>>
const PDF = Buffer.from('%PDF-1.7\n% a tiny stand-in\n%%EOF\n')
const TOP = { url: 'app://bundle/index.html', parent: null }

let dir: string
let win: FakeBrowserWindow
const event = () => ({ senderFrame: TOP, sender: win.webContents })

function fakeCore(answer: Result<unknown> = { ok: true, value: { pdfBase64: PDF.toString('base64'), fileName: 'Ada Lovelace - Resume.pdf' } }) {
  return { dispatch: vi.fn<Dispatcher['dispatch']>(async () => answer) }
}

function register(core = fakeCore()) {
  registerFileHandlers(stub.ipcMain, {
    core,
    dialog: stub.dialog,
    shell: stub.shell,
    defaultDir: () => dir,
    windowOf: () => win as never,
  })
  return core
}
const handler = (channel: string) => stub.ipcHandlers.get(channel) as Handler
const save = (raw: unknown, ev: unknown = event()) => handler('files:savePdf')(ev, raw) as Promise<Result<SavePdfResult>>

describe('Save PDF through the native dialog', () => {
  beforeEach(() => {
    stub.reset()
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-save-'))
    win = new FakeBrowserWindow({})
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('renders through the core, offers the file name in Documents, and writes exactly the bytes', async () => {
    const core = register()
    stub.dialog.saveAnswer = { canceled: false, filePath: join(dir, 'resume.pdf') }
    const settings = { template: 'two-column', roleRef: 'catalog:data-analyst' }
    const result = await save({ kind: 'resume', settings })
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('resume:preview', settings)
    const [parent, options] = stub.dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: unknown }]
    expect(parent).toBe(win) // attached to the asking window
    expect(options.defaultPath).toBe(join(dir, 'Ada Lovelace - Resume.pdf'))
    expect(options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }])
    expect(result).toEqual({ ok: true, value: { saved: true, path: join(dir, 'resume.pdf'), fileName: 'resume.pdf', bytes: PDF.length } })
    expect(readFileSync(join(dir, 'resume.pdf'))).toEqual(PDF)
    expect(readdirSync(dir)).toEqual(['resume.pdf']) // no temp file left behind
  })

  it('renders the gap report for kind "report" and adds .pdf when the name has no extension', async () => {
    const core = register()
    stub.dialog.saveAnswer = { canceled: false, filePath: join(dir, 'gap') }
    const result = await save({ kind: 'report', settings: { ref: 'catalog:data-analyst' } })
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('report:render', { ref: 'catalog:data-analyst' })
    expect(result.ok && result.value.saved && result.value.path).toBe(join(dir, 'gap.pdf'))
    expect(existsSync(join(dir, 'gap.pdf'))).toBe(true)
  })

  it('saves the resume as a Word document for kind "resume-docx", adding .docx to a bare name', async () => {
    const DOCX = Buffer.from('PK\u0003\u0004 a tiny stand-in')
    const core = register(fakeCore({ ok: true, value: { docxBase64: DOCX.toString('base64'), fileName: 'Ada Lovelace - Resume.docx', decisions: [] } }))
    stub.dialog.saveAnswer = { canceled: false, filePath: join(dir, 'for-acme') }
    const settings = { roleRef: 'catalog:data-analyst', pageSize: 'letter' }
    const result = await save({ kind: 'resume-docx', settings })
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('resume:docx', settings)
    const options = stub.dialog.showSaveDialog.mock.calls[0]![1] as { title: string; defaultPath: string; filters: unknown }
    expect(options).toMatchObject({ title: 'Save resume as Word document', defaultPath: join(dir, 'Ada Lovelace - Resume.docx') })
    expect(options.filters).toEqual([{ name: 'Word document', extensions: ['docx'] }])
    expect(result).toEqual({ ok: true, value: { saved: true, path: join(dir, 'for-acme.docx'), fileName: 'for-acme.docx', bytes: DOCX.length } })
    expect(readFileSync(join(dir, 'for-acme.docx'))).toEqual(DOCX)
    expect(readdirSync(dir)).toEqual(['for-acme.docx']) // written atomically: no temp file left
  })

  it('writes nothing when the person cancels', async () => {
    register()
    stub.dialog.saveAnswer = { canceled: true, filePath: '' }
    expect(await save({ kind: 'resume', settings: {} })).toEqual({ ok: true, value: { saved: false } })
    expect(readdirSync(dir)).toEqual([])
  })

  it('passes the core’s error on without opening the dialog', async () => {
    register(fakeCore({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no catalog role "astronaut".' } }))
    const result = await save({ kind: 'resume', settings: { roleRef: 'catalog:astronaut' } })
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no catalog role "astronaut".' } })
    expect(stub.dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it.each([null, 'resume', { kind: 'photo', settings: {} }, { kind: 'resume' }, { kind: 'resume-docx' }, { kind: 'toString', settings: {} }])('refuses a malformed request %j', async (raw) => {
    const core = register()
    const result = await save(raw)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('BAD_INPUT')
    expect(core.dispatch).not.toHaveBeenCalled()
  })

  it('refuses a page that is not ours', async () => {
    const core = register()
    const result = await save({ kind: 'resume', settings: {} }, { senderFrame: { url: 'https://evil.example/', parent: null }, sender: win.webContents })
    expect(!result.ok && result.error.code).toBe('FORBIDDEN')
    expect(core.dispatch).not.toHaveBeenCalled()
  })

  it('says in words when the folder is gone, and leaves nothing behind', async () => {
    register()
    stub.dialog.saveAnswer = { canceled: false, filePath: join(dir, 'removed-meanwhile', 'resume.pdf') }
    const result = await save({ kind: 'resume', settings: {} })
    expect(result).toEqual({ ok: false, error: { code: 'IO', message: 'That folder no longer exists, so resume.pdf could not be saved.' } })
    expect(readdirSync(dir)).toEqual([])
  })

  it('opens only files it saved in this session', async () => {
    register()
    stub.dialog.saveAnswer = { canceled: false, filePath: join(dir, 'resume.pdf') }
    await save({ kind: 'resume', settings: {} })
    const open = handler('files:openSaved')
    expect(await open(event(), join(dir, 'resume.pdf'))).toEqual({ ok: true, value: { opened: true } })
    expect(stub.shell.openPath).toHaveBeenCalledExactlyOnceWith(join(dir, 'resume.pdf'))
    const other = await open(event(), '/etc/passwd')
    expect(!other.ok && other.error.code).toBe('FORBIDDEN')
    expect(stub.shell.openPath).toHaveBeenCalledOnce()
  })

  it('offers the folder of the last save next time', async () => {
    register()
    const sub = join(dir, 'applications')
    mkdirSync(sub)
    stub.dialog.saveAnswer = { canceled: false, filePath: join(sub, 'first.pdf') }
    await save({ kind: 'resume', settings: {} })
    await save({ kind: 'resume', settings: {} })
    const second = stub.dialog.showSaveDialog.mock.calls[1]![1] as { defaultPath: string }
    expect(second.defaultPath).toBe(join(sub, 'Ada Lovelace - Resume.pdf'))
  })
})

describe('Save the JSON Resume and the full export through the same dialog', () => {
  const ZIP = Buffer.from('PK\u0003\u0004 a tiny stand-in zip')
  const JSON_RESUME = '{"basics":{"name":"Ada Lovelace"}}'
  function exportingCore(fullName: string | null = 'Ada Lovelace') {
    return {
      dispatch: vi.fn<Dispatcher['dispatch']>(async (channel) => {
        if (channel === 'exchange:exportJsonResume') return { ok: true, value: JSON_RESUME }
        if (channel === 'exchange:exportAll') return { ok: true, value: { zipBase64: ZIP.toString('base64') } }
        if (channel === 'profile:get') return { ok: true, value: { fullName } }
        return { ok: false, error: { code: 'INTERNAL', message: `unexpected ${channel}` } }
      }),
    }
  }
  function registerExports(core = exportingCore()) {
    registerFileHandlers(stub.ipcMain, { core, dialog: stub.dialog, shell: stub.shell, defaultDir: () => dir, windowOf: () => win as never, now: () => new Date(2026, 11, 6, 9, 30) })
    return core
  }

  beforeEach(() => {
    stub.reset()
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-save-'))
    win = new FakeBrowserWindow({})
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('saves the JSON Resume text as "<name>-resume.json", adding .json to a bare name', async () => {
    const core = registerExports()
    stub.dialog.saveAnswer = { canceled: false, filePath: join(dir, 'ada') }
    const result = await save({ kind: 'json-resume' })
    expect(core.dispatch).toHaveBeenCalledWith('exchange:exportJsonResume', {})
    const options = stub.dialog.showSaveDialog.mock.calls[0]![1] as { defaultPath: string; filters: unknown }
    expect(options.defaultPath).toBe(join(dir, 'Ada Lovelace-resume.json'))
    expect(options.filters).toEqual([{ name: 'JSON Resume', extensions: ['json'] }])
    expect(result).toEqual({ ok: true, value: { saved: true, path: join(dir, 'ada.json'), fileName: 'ada.json', bytes: Buffer.byteLength(JSON_RESUME) } })
    expect(readFileSync(join(dir, 'ada.json'), 'utf8')).toBe(JSON_RESUME)
  })

  it('offers "skillfolio-resume.json" when the profile has no name', async () => {
    registerExports(exportingCore(null))
    await save({ kind: 'json-resume' })
    const options = stub.dialog.showSaveDialog.mock.calls[0]![1] as { defaultPath: string }
    expect(options.defaultPath).toBe(join(dir, 'skillfolio-resume.json'))
  })

  it('saves the full export ZIP as "skillfolio-export-<date>.zip", byte for byte', async () => {
    const core = registerExports()
    stub.dialog.saveAnswer = { canceled: false, filePath: join(dir, 'everything.zip') }
    const result = await save({ kind: 'full-export' })
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('exchange:exportAll', {})
    const options = stub.dialog.showSaveDialog.mock.calls[0]![1] as { title: string; defaultPath: string; filters: unknown }
    expect(options.defaultPath).toBe(join(dir, 'skillfolio-export-2026-12-06.zip'))
    expect(options.filters).toEqual([{ name: 'ZIP archive', extensions: ['zip'] }])
    expect(result.ok && result.value.saved && result.value.bytes).toBe(ZIP.length)
    expect(readFileSync(join(dir, 'everything.zip'))).toEqual(ZIP)
    expect(readdirSync(dir)).toEqual(['everything.zip'])
  })

  it('passes the core’s refusal on without opening the dialog', async () => {
    const core = { dispatch: vi.fn<Dispatcher['dispatch']>(async () => ({ ok: false, error: { code: 'READ_ONLY', message: 'This portfolio is damaged.' } })) }
    registerExports(core)
    const result = await save({ kind: 'full-export' })
    expect(result).toEqual({ ok: false, error: { code: 'READ_ONLY', message: 'This portfolio is damaged.' } })
    expect(stub.dialog.showSaveDialog).not.toHaveBeenCalled()
  })
})
