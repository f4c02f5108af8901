/**
 * Each verification outcome, imported: the file is stored (never failed for its verdict), and
 * the report and the credential carry its own word. A not-yet-valid credential could not be
 * stored before migration 0013 (its word was missing from import_item's CHECK), which the core
 * logged and the tests did not notice.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OWN_FIXTURES } from '../verify/helpers'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio({ verifyWorkers: false })
})
afterEach(() => p.cleanup())

describe('importing each verification outcome', () => {
  it('stores every file with its own trust word: Verified, Expired, Not valid yet, Problem', async () => {
    const files = ['ob3-eddsa-rdfc-2022.json', 'ob3-expired.json', 'ob3-not-yet-valid.json', 'ob3-eddsa-rdfc-2022-tampered.json']
    const { batchId } = await p.core.call('import:start', { sources: files.map((name) => ({ name, base64: readFileSync(join(OWN_FIXTURES, name)).toString('base64') })) })
    await p.core.idle()
    const report = await p.core.call('import:status', { batchId })
    expect(report.state).toBe('done')
    expect(report.items.map((i) => [i.fileName, i.outcome, i.trust])).toEqual([
      ['ob3-eddsa-rdfc-2022.json', 'imported', 'verified'],
      ['ob3-expired.json', 'imported', 'expired'],
      ['ob3-not-yet-valid.json', 'imported', 'not_yet_valid'],
      ['ob3-eddsa-rdfc-2022-tampered.json', 'imported', 'problem'],
    ])
    const notYet = report.items[2]!
    expect(notYet.headline).toMatch(/not valid until/)
    const stored = await p.core.call('credentials:get', { id: notYet.credentialId! })
    expect(stored.trust).toBe('not_yet_valid')
    // After a restart the report reads back the same words.
    const again = await p.reopen().call('import:status', { batchId })
    expect(again.items.map((i) => i.trust)).toEqual(['verified', 'expired', 'not_yet_valid', 'problem'])
  })
})
