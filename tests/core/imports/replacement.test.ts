/**
 * Which copy of a credential wins (issue 10): a copy that verifies worse never replaces one
 * that verifies better (it is kept beside it as a conflict, for the person to settle); a
 * better-verified copy replaces a worse one even when it is not newer. Every file's own verdict
 * is in the report.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { achievementCredential, signDataIntegrity, testKey, type TestKey } from '../../fixtures/verify/sign'
import type { ImportReport } from '../../../electron/shared/imports'

let key: TestKey
let signed: Record<string, unknown>
/** The signed credential with its dates moved a year on after signing: newer, and its signature fails. */
let redated: Record<string, unknown>

beforeAll(async () => {
  key = await testKey()
  signed = await signDataIntegrity(achievementCredential(key, { n: 41, name: 'Cloud Data Engineering' }), key)
  redated = { ...structuredClone(signed), validFrom: '2025-06-01T00:00:00Z' }
})

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio({ verifyWorkers: false }) // a handful of proofs: checked faster on this thread than by starting workers
})
afterEach(() => p.cleanup())

const file = (name: string, value: unknown) => ({ name, base64: Buffer.from(JSON.stringify(value)).toString('base64') })

async function runImport(...files: Array<{ name: string; base64: string }>): Promise<ImportReport> {
  const { batchId } = await p.core.call('import:start', { sources: files })
  return p.core.call('import:status', { batchId, waitMs: 20_000 })
}

describe('replacing a stored credential with another copy', () => {
  it('keeps a tampered, re-dated copy beside the verified one as a conflict, never replacing it', async () => {
    const first = await runImport(file('good.json', signed))
    expect(first.items[0]).toMatchObject({ outcome: 'imported', trust: 'verified', reason: null, headline: expect.stringMatching(/^Signature valid · issuer confirmed/) })
    const goodId = first.items[0]!.credentialId!

    const second = await runImport(file('redated.json', redated))
    expect(second.state).toBe('done')
    const item = second.items[0]!
    expect(item).toMatchObject({ outcome: 'imported', trust: 'problem', headline: expect.stringMatching(/^Signature does not match/) })
    expect(item.reason).toMatch(/^Kept beside “Cloud Data Engineering” as a conflict: this copy verifies worse \(the signature check failed: /)
    expect(item.credentialId).not.toBe(goodId)

    // The verified copy is untouched, and both copies name each other.
    const good = await p.core.call('credentials:get', { id: goodId })
    expect(good).toMatchObject({ trust: 'verified', earnedOn: '2024-06-01', conflictWith: { id: item.credentialId, title: 'Cloud Data Engineering' } })
    const copy = await p.core.call('credentials:get', { id: item.credentialId! })
    expect(copy).toMatchObject({ trust: 'problem', earnedOn: '2025-06-01', conflictWith: { id: goodId } })

    // The same tampered file again is a duplicate of the conflict copy, nothing more.
    expect((await runImport(file('redated-again.json', redated))).counts).toMatchObject({ imported: 0, duplicate: 1 })

    // Settling it: keep the verified copy.
    const kept = await p.core.call('credentials:resolveConflict', { keep: goodId, discard: item.credentialId! })
    expect(kept).toMatchObject({ id: goodId, trust: 'verified', conflictWith: null })
    expect((await p.core.call('credentials:list', {})).total).toBe(1)
    expect(await p.core.dispatch('credentials:resolveConflict', { keep: goodId, discard: item.credentialId! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('replaces a tampered copy with a validly signed one that arrives later, even though it is not newer', async () => {
    const first = await runImport(file('redated.json', redated))
    expect(first.items[0]).toMatchObject({ outcome: 'imported', trust: 'problem', reason: expect.stringMatching(/^The signature check failed: /) })
    const id = first.items[0]!.credentialId!

    const second = await runImport(file('good.json', signed))
    expect(second.items[0]).toMatchObject({ outcome: 'updated', credentialId: id, trust: 'verified', reason: null })
    const now = await p.core.call('credentials:get', { id })
    expect(now).toMatchObject({ trust: 'verified', earnedOn: '2024-06-01', conflictWith: null })
    expect((await p.core.call('credentials:list', {})).total).toBe(1)

    // Undo puts the tampered copy back, as it was.
    await p.core.call('import:undo', { batchId: second.batchId })
    expect(await p.core.call('credentials:get', { id })).toMatchObject({ trust: 'problem', earnedOn: '2025-06-01' })
  })

  it('treats a copy that verifies as well and is not newer as a duplicate, and a newer one as an update', async () => {
    await runImport(file('good.json', signed))
    const same = await runImport(file('pretty.json', JSON.parse(JSON.stringify(signed, null, 2)) as unknown))
    expect(same.items[0]).toMatchObject({ outcome: 'duplicate', trust: 'verified' })

    const renewed = await signDataIntegrity(achievementCredential(key, { n: 41, name: 'Cloud Data Engineering (2025)', validFrom: '2025-06-01T00:00:00Z' }), key)
    const update = await runImport(file('renewed.json', renewed))
    expect(update.items[0]).toMatchObject({ outcome: 'updated', trust: 'verified', title: 'Cloud Data Engineering (2025)' })
  })

  it('refuses to settle two credentials that are not conflicting copies', async () => {
    const a = await p.core.call('credentials:create', { title: 'One', kind: 'other' })
    const b = await p.core.call('credentials:create', { title: 'Two', kind: 'other' })
    expect(await p.core.dispatch('credentials:resolveConflict', { keep: a.id, discard: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await p.core.dispatch('credentials:resolveConflict', { keep: a.id, discard: a.id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect((await p.core.call('credentials:list', {})).total).toBe(2)
  })
})
