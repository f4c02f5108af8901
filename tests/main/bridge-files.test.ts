/**
 * The browser tests' stand-in for main (tests/helpers/bridge.ts) answers the backup and share
 * calls as main does (tests/main/backups.test.ts, share.test.ts): over HTTP, as the page's
 * window.skillfolioFiles sends them, on a real restorable core.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../helpers/bridge'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
let bridge: Bridge
let root: string
let picked: string

beforeEach(async () => {
  p = tempPortfolio()
  root = mkdtempSync(join(tmpdir(), 'skillfolio-root-'))
  picked = mkdtempSync(join(tmpdir(), 'skillfolio-picked-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  bridge = await startBridge(p.core, { root })
})
afterEach(async () => {
  await bridge.close()
  p.cleanup()
  rmSync(root, { recursive: true, force: true })
  rmSync(picked, { recursive: true, force: true })
})

/** What the page's window.skillfolioFiles sends (tests/helpers/browser.ts). */
const fileCall = async (name: string, body: unknown) =>
  (await (await fetch(new URL(`/__files/${name}`, bridge.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
    ok: boolean
    value?: Record<string, unknown> | null
    error?: { code: string; message: string }
  }
const skillNames = async () => (await p.core.call('skills:list', {})).items.map((s) => s.name)

describe('the browser bridge’s backup and share calls', () => {
  it('chooses a backup (ticket), inspects it, and restores it over the running portfolio', async () => {
    const made = await p.core.call('backup:create', {})
    await p.core.call('skills:create', { name: 'Added after the backup' })
    expect(await fileCall('chooseBackup', null)).toEqual({ ok: true, value: null }) // Cancel
    bridge.chooseBackupAnswer = () => made.path
    const chosen = await fileCall('chooseBackup', null)
    expect(chosen.value?.entry).toMatchObject({ name: basename(made.path), encrypted: false })
    const ref = { ticket: chosen.value?.ticket }
    expect((await fileCall('inspectBackup', { args: [ref, null] })).value).toMatchObject({ name: basename(made.path) })
    const restored = await fileCall('restoreBackup', { args: [ref, null] })
    expect(restored.value).toMatchObject({ dbPath: p.dbPath })
    expect(await skillNames()).not.toContain('Added after the backup')
  })

  it('refuses refs that name paths, and a wrong name, in words', async () => {
    for (const ref of [{ path: '/etc/passwd' }, { name: '../x.sfbackup' }, { ticket: 'never-issued' }]) {
      const answer = await fileCall('restoreBackup', { args: [ref] })
      expect(answer.ok).toBe(false)
      expect(['BAD_INPUT', 'FORBIDDEN']).toContain(answer.error?.code)
    }
    const missing = await fileCall('inspectBackup', { args: [{ name: 'gone.sfbackup' }] })
    expect(missing.error?.code).toBe('NOT_FOUND')
  })

  it('sets the backups folder from the folder dialog', async () => {
    bridge.chooseFolderAnswer = () => picked
    expect(await fileCall('chooseBackupFolder', null)).toEqual({ ok: true, value: { folder: picked } })
    expect((await p.core.call('backup:list', {})).folder).toBe(picked)
  })

  it('saves the share bundle into a new folder inside the one picked, and may open its index.html', async () => {
    await p.core.call('app:loadDemo', {})
    const credentialIds = (await p.core.call('credentials:list', {})).items.slice(0, 2).map((c) => c.id)
    bridge.chooseFolderAnswer = () => picked
    const answer = await fileCall('saveShareBundle', { credentialIds })
    expect(answer.ok).toBe(true)
    expect(readdirSync(picked)).toHaveLength(1)
    const index = answer.value?.index as string
    expect(readdirSync(join(picked, readdirSync(picked)[0]!))).toContain('index.html')
    expect(await fileCall('openSaved', index)).toEqual({ ok: true, value: { opened: true } })
  })

  it('saves the JSON Resume and the full export through Save', async () => {
    await p.core.call('app:loadDemo', {})
    const json = await fileCall('savePdf', { kind: 'json-resume' })
    expect(json.value?.fileName).toMatch(/-resume\.json$/)
    const zip = await fileCall('savePdf', { kind: 'full-export' })
    expect(zip.value?.fileName).toMatch(/^skillfolio-export-\d{4}-\d{2}-\d{2}\.zip$/)
    expect(bridge.saved).toHaveLength(2)
  })
})
