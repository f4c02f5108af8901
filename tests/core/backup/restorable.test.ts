import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportProgress } from '../../../electron/shared/imports'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { fillPortfolio, PASSPHRASE, portfolioContent, refusal } from './portfolio-content'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())


const skillNames = async () => (await p.core.call('skills:list', {})).items.map((s: { name: string }) => s.name).sort()

describe('restoring while the app runs (createRestorableCore)', () => {
  it('swaps in the backup’s content and keeps answering calls on the restored portfolio', async () => {
    await fillPortfolio(p.core)
    const made = await p.core.call('backup:create', { passphrase: PASSPHRASE })
    p.core.close()
    const before = portfolioContent(p.dbPath)
    p.reopen()
    await p.core.call('skills:create', { name: 'Added after the backup' })
    expect(await skillNames()).toContain('Added after the backup')

    const result = await p.core.restore({ backupFile: made.path, passphrase: PASSPHRASE })
    expect(result.dbPath).toBe(p.dbPath)
    expect(result.keptAside).not.toBeNull()
    // The same core object answers from the restored portfolio.
    expect(await skillNames()).not.toContain('Added after the backup')
    expect(p.core.db.open).toBe(true)
    p.core.close()
    expect(portfolioContent(p.dbPath)).toEqual(before)
    // The replaced portfolio was kept aside, with the later change.
    expect((portfolioContent(result.keptAside!).skill as Array<{ name: string }>).map((s) => s.name)).toContain('Added after the backup')
  })

  it('refuses a wrong passphrase in words and leaves the portfolio open and unchanged', async () => {
    await p.core.call('app:loadDemo', {})
    const made = await p.core.call('backup:create', { passphrase: PASSPHRASE })
    await p.core.call('skills:create', { name: 'Kept' })
    const skills = await skillNames()

    const error = await refusal(p.core.restore({ backupFile: made.path, passphrase: 'not the passphrase' }))
    expect(error.message).toMatch(/passphrase/i)
    expect(await skillNames()).toEqual(skills)
    // Still writable: the reopened core is a working one.
    await p.core.call('skills:create', { name: 'After the refusal' })
    expect(await skillNames()).toContain('After the refusal')
  })

  it('refuses a damaged backup and the portfolio works on, unchanged', async () => {
    await p.core.call('app:loadDemo', {})
    const made = await p.core.call('backup:create', {})
    const bytes = readFileSync(made.path)
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff
    writeFileSync(made.path, bytes)
    await p.core.call('skills:create', { name: 'Kept' })
    const skills = await skillNames()

    const error = await refusal(p.core.restore({ backupFile: made.path }))
    expect(error.code).toBe('DAMAGED')
    expect(await skillNames()).toEqual(skills)
    p.core.close()
    expect((portfolioContent(p.dbPath).skill as Array<{ name: string }>).map((s) => s.name)).toContain('Kept')
  })

  it('makes calls that arrive during a restore wait for it, then answers them from the restored portfolio', async () => {
    const made = await p.core.call('backup:create', {}) // an empty portfolio
    await p.core.call('skills:create', { name: 'Only before the restore' })

    const restoring = p.core.restore({ backupFile: made.path })
    const during = p.core.call('skills:list', {}) // sent while the restore runs
    const write = p.core.dispatch('skills:create', { name: 'Written during the restore' })
    await restoring
    expect((await during).items.map((s: { name: string }) => s.name)).not.toContain('Only before the restore')
    expect((await write).ok).toBe(true)
    // The write waited for the restore, so it landed in the restored portfolio, not the replaced one.
    expect(await skillNames()).toEqual(['Written during the restore'])
  })

  it('keeps import progress listeners across the swap', async () => {
    const made = await p.core.call('backup:create', {})
    const seen: ImportProgress[] = []
    p.core.onImportProgress((progress) => seen.push(progress))
    await p.core.restore({ backupFile: made.path })
    const badge = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'urn:uuid:1', badge: { type: 'BadgeClass', name: 'After the restore', issuer: { type: 'Profile', name: 'Test Issuer' } }, issuedOn: '2026-01-01T00:00:00Z', recipient: { type: 'email', hashed: false, identity: 'a@example.org' } })
    const { batchId } = await p.core.call('import:start', { sources: [{ name: 'badge.json', base64: Buffer.from(badge).toString('base64') }], origin: 'drop' })
    await p.core.idle()
    expect(seen.some((progress) => progress.batchId === batchId)).toBe(true)
  })
})
