import { readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sha256Of } from '../../electron/core/originals/store'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const count = (table: string) => p.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()

describe('evidence store', () => {
  it('keeps original files byte-for-byte in the portfolio, once per content, and lists them on the credential', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 1, 2])
    const c = await p.core.call('credentials:create', { title: 'Badge', kind: 'badge' })
    const sha = p.core.db.transaction(() => {
      const first = p.core.evidence.put(bytes, 'badge.png', 'image/png')
      expect(p.core.evidence.put(new Uint8Array(bytes), 'copy.png', 'image/png')).toBe(first)
      p.core.evidence.attach(Number(c.id.split('-')[1]), first)
      return first
    })()
    expect(sha).toBe(sha256Of(bytes))
    expect(p.core.evidence.get(sha).equals(bytes)).toBe(true)
    expect((await p.core.call('credentials:get', { id: c.id })).evidence).toEqual([
      { sha256: sha, fileName: 'badge.png', mediaType: 'image/png', sizeBytes: bytes.length },
    ])
    expect([count('evidence_file'), count('original_blob')]).toEqual([1, 1])
    // Still there after a restart, and nothing was written beside the portfolio file.
    expect(p.reopen().evidence.get(sha).equals(bytes)).toBe(true)
    expect(readdirSync(p.dir).filter((f) => !f.startsWith('portfolio.sqlite'))).toEqual([])
  })

  it('keeps nothing of an original whose transaction rolls back', () => {
    const bytes = Buffer.from('{"a":1}')
    expect(() =>
      p.core.db.transaction(() => {
        p.core.evidence.put(bytes, 'a.json', 'application/json')
        throw new Error('the credential could not be saved')
      })(),
    ).toThrow(/could not be saved/)
    expect([count('evidence_file'), count('original_blob')]).toEqual([0, 0])
    expect(() => p.core.evidence.get(sha256Of(bytes))).toThrow(/not in this portfolio/)
  })

  it('refuses what is not a SHA-256 and answers NOT_FOUND for an unknown one', () => {
    expect(() => p.core.evidence.get('../../etc/passwd')).toThrow(/not a SHA-256/)
    expect(() => p.core.evidence.get('a'.repeat(64))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('refuses a file over 20 MB', () => {
    expect(() => p.core.db.transaction(() => p.core.evidence.put(Buffer.alloc(20 * 1024 * 1024 + 1), 'big.png', 'image/png'))()).toThrow(/larger than 20 MB/)
    expect(count('original_blob')).toBe(0)
  })
})

describe('badge images', () => {
  it('serves recorded PNG and SVG images as data: URLs and refuses other files', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const json = Buffer.from('{"a":1}')
    const [sha, jsonSha] = p.core.db.transaction(() => [p.core.evidence.put(png, 'badge.png', 'image/png'), p.core.evidence.put(json, 'a.json', 'application/json')])()
    expect(await p.core.call('evidence:image', { sha256: sha! })).toEqual({ mediaType: 'image/png', dataUrl: `data:image/png;base64,${png.toString('base64')}` })
    expect(await p.core.dispatch('evidence:image', { sha256: jsonSha })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await p.core.dispatch('evidence:image', { sha256: 'b'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('evidence:image', { sha256: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})
