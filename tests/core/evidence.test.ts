import { existsSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('evidence store', () => {
  it('keeps original files byte-for-byte, once per content, and lists them on the credential', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 1, 2])
    const c = await p.core.call('credentials:create', { title: 'Badge', kind: 'badge' })
    const sha = await p.core.evidence.write(bytes)
    expect(await p.core.evidence.write(bytes)).toBe(sha)
    p.core.evidence.record(sha, 'badge.png', 'image/png', bytes.length)
    p.core.evidence.record(sha, 'copy.png', 'image/png', bytes.length)
    p.core.evidence.attach(Number(c.id.split('-')[1]), sha)
    expect(readFileSync(p.core.evidence.pathOf(sha)).equals(bytes)).toBe(true)
    expect(p.core.evidence.get(sha).equals(bytes)).toBe(true)
    expect((await p.core.call('credentials:get', { id: c.id })).evidence).toEqual([
      { sha256: sha, fileName: 'badge.png', mediaType: 'image/png', sizeBytes: bytes.length },
    ])
    expect(p.core.db.prepare('SELECT count(*) AS n FROM evidence_file').get()).toEqual({ n: 1 })
  })

  it('refuses hashes that could escape the evidence folder', () => {
    expect(() => p.core.evidence.pathOf('../../etc/passwd')).toThrow(/not a SHA-256/)
    expect(existsSync(p.core.evidence.pathOf('a'.repeat(64)))).toBe(false)
    expect(() => p.core.evidence.get('a'.repeat(64))).toThrow(/missing/)
  })
})

describe('badge images', () => {
  it('serves recorded PNG and SVG images as data: URLs and refuses other files', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const sha = await p.core.evidence.write(png)
    p.core.evidence.record(sha, 'badge.png', 'image/png', png.length)
    expect(await p.core.call('evidence:image', { sha256: sha })).toEqual({ mediaType: 'image/png', dataUrl: `data:image/png;base64,${png.toString('base64')}` })
    const json = Buffer.from('{"a":1}')
    const jsonSha = await p.core.evidence.write(json)
    p.core.evidence.record(jsonSha, 'a.json', 'application/json', json.length)
    expect(await p.core.dispatch('evidence:image', { sha256: jsonSha })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await p.core.dispatch('evidence:image', { sha256: 'b'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await p.core.dispatch('evidence:image', { sha256: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})
