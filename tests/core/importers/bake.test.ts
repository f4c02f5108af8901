import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bakePng, bakeSvg } from '../../../electron/core/importers/bake'
import { readPng } from '../../../electron/core/importers/png'
import { readSvg } from '../../../electron/core/importers/svg'
import { FIXTURE_DIR, OB2_ASSERTION, TINY_SVG, buildFixtures, tinyPng } from '../../fixtures/importers/make-fixtures'
import { fixture, read } from './helpers'

const COMPRESSED = ['ob2-itxt-compressed.png', 'ob2-ztxt.png']

describe('own fixtures', () => {
  it('are exactly what make-fixtures.ts generates (deterministic, nothing stale or extra)', () => {
    const built = buildFixtures()
    const committed = readdirSync(FIXTURE_DIR).filter((f) => !f.endsWith('.ts'))
    expect(committed.sort()).toEqual([...built.keys()].sort())
    for (const [name, bytes] of built) {
      if (Buffer.from(fixture(name)).equals(Buffer.from(bytes))) continue
      // Compressed text is the only part that may differ with another zlib build: then the
      // unpacked badge must be the same.
      expect(COMPRESSED, `${name} differs from what make-fixtures.ts builds: run it again`).toContain(name)
      expect(readPng(fixture(name)).text).toBe(readPng(bytes).text)
    }
    expect(Buffer.from(buildFixtures().get('ob2-ztxt.png')!).equals(Buffer.from(built.get('ob2-ztxt.png')!))).toBe(true)
  })

  it('are small', () => {
    for (const [name, bytes] of buildFixtures()) expect(bytes.length, name).toBeLessThan(4096)
  })
})

describe('bakePng', () => {
  it('writes chunks with correct CRCs after IHDR or before IEND, in every text form', () => {
    const png = tinyPng()
    const text = JSON.stringify(OB2_ASSERTION)
    for (const chunk of ['iTXt', 'tEXt', 'zTXt'] as const) {
      for (const position of ['after-ihdr', 'before-iend'] as const) {
        const baked = readPng(bakePng(png, 'openbadges', text, { chunk, position }))
        expect(baked).toMatchObject({ chunkType: chunk, text })
      }
    }
    expect(readPng(bakePng(png, 'openbadges', text, { compressed: true }))).toMatchObject({ compressed: true, text })
  })

  it('replaces an earlier badge with the same keyword (re-baking)', () => {
    const once = bakePng(tinyPng(), 'openbadges', 'https://a.example/1')
    const twice = bakePng(once, 'openbadges', 'https://a.example/2')
    expect(readPng(twice).text).toBe('https://a.example/2')
    expect(read(twice, 'b.png').warnings.join(' ')).not.toMatch(/badge text chunks/)
  })

  it('refuses what it cannot bake', () => {
    expect(() => bakePng(new Uint8Array([1, 2, 3]), 'openbadges', 'x')).toThrow(/not a PNG/)
    expect(() => bakePng(tinyPng(), 'openbadges', 'Zoë ✓', { chunk: 'tEXt' })).toThrow(/Latin-1/)
    expect(() => bakePng(tinyPng(), '', 'x')).toThrow(/keyword/)
  })
})

describe('bakeSvg', () => {
  it('declares the namespace, puts JSON in CDATA, links and JWS in verify', () => {
    const baked = bakeSvg(TINY_SVG, '{"a": 1}', 'ob3')
    expect(baked).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"')
    expect(readSvg(baked)).toMatchObject({ kind: 'credential', verify: null, content: '{"a": 1}' })
    expect(readSvg(bakeSvg(TINY_SVG, 'https://a.example/1', 'ob2'))).toMatchObject({ kind: 'assertion', verify: 'https://a.example/1', content: '' })
  })

  it('replaces an earlier badge element and refuses a conflicting namespace', () => {
    const twice = bakeSvg(bakeSvg(TINY_SVG, 'https://a.example/1', 'ob2'), 'https://a.example/2', 'ob2')
    expect(twice.match(/openbadges:assertion /g)).toHaveLength(1)
    expect(readSvg(twice).verify).toBe('https://a.example/2')
    expect(() => bakeSvg(TINY_SVG.replace('<svg ', '<svg xmlns:openbadges="urn:other" '), '{}', 'ob2')).toThrow(/another namespace/)
  })
})
