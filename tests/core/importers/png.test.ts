import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { bakePng, pngChunk } from '../../../electron/core/importers/bake'
import { readPng } from '../../../electron/core/importers/png'
import { OB2_ASSERTION, OB3_CREDENTIAL, ob3Jwt, tinyPng } from '../../fixtures/importers/make-fixtures'
import { expectRefused, fixture, read, refusal } from './helpers'

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts))
const PNG = tinyPng()
const IEND = PNG.subarray(PNG.length - 12)
const BEFORE_IEND = PNG.subarray(0, PNG.length - 12)
/** A text chunk with raw data (for malformed payloads). */
const withChunk = (type: string, data: Uint8Array | string) => concat(BEFORE_IEND, pngChunk(type, typeof data === 'string' ? Buffer.from(data, 'latin1') : data), IEND)

describe('PNG: baked badges', () => {
  it('reads iTXt right after IHDR, and just before IEND after the image data', () => {
    const early = readPng(fixture('ob2-itxt-json.png'))
    expect(early).toMatchObject({ keyword: 'openbadges', chunkType: 'iTXt', compressed: false, offset: 33 })
    const late = readPng(fixture('ob3-itxt-json-before-iend.png'))
    expect(late).toMatchObject({ keyword: 'openbadgecredential', chunkType: 'iTXt' })
    expect(late.offset).toBeGreaterThan(early.offset)
    expect(read(fixture('ob3-itxt-json-before-iend.png'), 'b.png')).toMatchObject({ format: 'ob3', container: 'png', title: 'Cloud Security Foundations', jws: null })
  })

  it('reads compressed iTXt and zTXt', () => {
    expect(readPng(fixture('ob2-itxt-compressed.png'))).toMatchObject({ chunkType: 'iTXt', compressed: true })
    expect(readPng(fixture('ob2-ztxt.png'))).toMatchObject({ chunkType: 'zTXt', compressed: true })
    for (const name of ['ob2-itxt-compressed.png', 'ob2-ztxt.png']) expect(read(fixture(name), name).title).toBe('Data Pipelines Practitioner')
  })

  it('reads the legacy tEXt form holding only a link', () => {
    const c = read(fixture('ob2-text-url.png'), 'b.png')
    expect(c).toMatchObject({ format: 'ob1', container: 'png', title: null, document: null, sourceId: 'https://badges.skillfolio.test/assertions/1001' })
    expect(c.urls.verify).toBe('https://badges.skillfolio.test/assertions/1001')
  })

  it('reads a compact JWS payload and keeps the file as the image', () => {
    const bytes = fixture('ob3-itxt-jwt.png')
    const c = read(bytes, 'b.png')
    expect(c.jws).toBe(ob3Jwt())
    expect(c.document).toBe(c.jws)
    expect(c.image).toEqual({ bytes, mediaType: 'image/png' })
  })

  it('accepts a keyword in another case, warns, and reads only the first of several badge chunks', () => {
    const odd = bakePng(PNG, 'OpenBadges', JSON.stringify(OB2_ASSERTION))
    expect(read(odd, 'b.png').warnings.join(' ')).toMatch(/keyword is written "OpenBadges"/)
    const two = bakePng(bakePng(PNG, 'openbadges', JSON.stringify(OB2_ASSERTION)), 'openbadgecredential', JSON.stringify(OB3_CREDENTIAL), { position: 'before-iend' })
    const c = read(two, 'b.png')
    expect(c.format).toBe('ob2')
    expect(c.warnings.join(' ')).toMatch(/2 badge text chunks; only the first was read/)
  })

  it('ignores other text chunks and data after IEND', () => {
    const noisy = bakePng(concat(withChunk('tEXt', 'Software\0Adobe ImageReady'), Buffer.from('trailing garbage')), 'openbadges', JSON.stringify(OB2_ASSERTION))
    expect(read(noisy, 'b.png').title).toBe('Data Pipelines Practitioner')
  })

  it('says when an image has no badge, or an empty one', () => {
    expectRefused(PNG, 'no_credential', /no badge baked into it/, 'plain.png')
    expectRefused(withChunk('iTXt', 'openbadges\0\0\0\0\0   '), 'no_credential', /is empty/)
  })

  it('refuses damaged structure with the exact problem', () => {
    // A chunk length past the end of the file.
    const claims = new Uint8Array(PNG)
    new DataView(claims.buffer).setUint32(33, 0xffffffff)
    expectRefused(claims, 'corrupt', new RegExp(`^This PNG file is damaged: a chunk claims 4 GB but the file ends after ${PNG.length} bytes\\.$`))
    // A changed byte in the image data.
    const flipped = new Uint8Array(PNG)
    flipped[45]! ^= 0x40
    expectRefused(flipped, 'corrupt', /checksum of its "IDAT" chunk at byte 33 does not match/)
    // Cut in the middle of a chunk, or cleanly before IEND.
    expectRefused(PNG.subarray(0, 40), 'corrupt', /cut short: it ends in the middle of a chunk after 40 bytes/)
    expectRefused(BEFORE_IEND, 'corrupt', /without the end-of-image marker \(IEND\)/)
    expectRefused(PNG.subarray(0, 5), 'corrupt', /ends after only 5 bytes/)
    // Not starting with IHDR; a chunk name that is not letters; line endings rewritten.
    expectRefused(concat(PNG.subarray(0, 8), pngChunk('tEXt', Buffer.from('a\0b')), PNG.subarray(8)), 'corrupt', /does not start with the image header/)
    const badName = new Uint8Array(PNG)
    badName[37] = 0x31
    expectRefused(badName, 'corrupt', /unreadable name/)
    expectRefused(concat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a]), PNG.subarray(8)), 'corrupt', /line endings were converted/)
  })

  it('refuses malformed badge chunks', () => {
    expectRefused(withChunk('iTXt', 'openbadges\0\0\0no-separators'), 'corrupt', /missing a separator/)
    expectRefused(withChunk('iTXt', 'openbadges\0\x07\0\0\0{}'), 'corrupt', /unknown compression flag/)
    expectRefused(withChunk('iTXt', concat(Buffer.from('openbadges\0\x01\x05\0\0'), deflateSync('{}'))), 'corrupt', /unknown compression method/)
    expectRefused(withChunk('zTXt', 'openbadges\0\0this is not zlib data'), 'corrupt', /compressed text cannot be unpacked/)
    expectRefused(withChunk('iTXt', 'openbadges\0\0\0\0\0{"recipient": '), 'invalid_json', /badge data in this PNG looks like JSON but is not valid JSON/)
    expectRefused(withChunk('iTXt', 'openbadges\0\0\0\0\0Hello there'), 'invalid_json', /not JSON, a signed credential or a link/)
  })

  it('refuses compressed text that unpacks past the cap', () => {
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024, 0x20), { level: 9 })
    expect(bomb.length).toBeLessThan(20_000)
    const e = refusal(() => read(withChunk('zTXt', concat(Buffer.from('openbadges\0\0'), bomb)), 'b.png'))
    expect(e.reason).toBe('too_complex')
    expect(e.message).toMatch(/unpacks to more than 5 MB/)
  })
})
