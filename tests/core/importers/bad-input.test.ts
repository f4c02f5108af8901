/**
 * Hostile and broken files: each gives its own ImportError reason, quickly. The per-test timeout
 * is only a hang guard (inputs are built beforehand), not a performance assertion.
 */
import { deflateSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../../electron/core/importers'
import { bakePng, pngChunk } from '../../../electron/core/importers/bake'
import { OB2_ASSERTION, OB3_CREDENTIAL, tinyPng } from '../../fixtures/importers/make-fixtures'
import { bytesOf, expectRefused, fixture, read } from './helpers'

const GUARD = 2_000
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts))
const PNG = tinyPng()
const IEND = PNG.subarray(PNG.length - 12)
const BEFORE_IEND = PNG.subarray(0, PNG.length - 12)
const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'

const big: Record<string, Uint8Array> = {}
beforeAll(() => {
  big.deepArrays = bytesOf('['.repeat(100_000) + ']'.repeat(100_000))
  big.deepObjects = bytesOf('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))
  const huge = Buffer.alloc(MAX_FILE_BYTES + 1024, 0x20)
  huge.write('{"badge": "', 0)
  big.hugeJson = new Uint8Array(huge)
  big.zBomb = concat(BEFORE_IEND, pngChunk('zTXt', concat(Buffer.from('openbadges\0\0'), deflateSync(Buffer.alloc(10 * 1024 * 1024, 0x7b), { level: 9 }))), IEND)
  big.iBomb = concat(BEFORE_IEND, pngChunk('iTXt', concat(Buffer.from('openbadges\0\x01\0\0\0'), deflateSync(Buffer.alloc(10 * 1024 * 1024, 0x20), { level: 9 }))), IEND)
  big.hugeChunk = bakePng(PNG, 'openbadges', `{"x": "${'y'.repeat(6 * 1024 * 1024)}"}`)
  const tiny = pngChunk('tEXt', Buffer.from('k\0v'))
  big.manyChunks = new Uint8Array(Buffer.concat([PNG.subarray(0, 33), ...Array.from({ length: 200_000 }, () => tiny), PNG.subarray(33)].map((b) => Buffer.from(b))))
  let seed = 12345
  big.junk = Uint8Array.from({ length: 64 * 1024 }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24)
  big.junk[0] = 0x03
  big.deepSvg = bytesOf(`${SVG_OPEN}${'<g>'.repeat(10_000)}${'</g>'.repeat(10_000)}</svg>`)
  big.wideSvg = bytesOf(`${SVG_OPEN}${'<path d="M0 0"/>'.repeat(150_000)}</svg>`)
  big.unclosedComments = bytesOf(`<svg><openbadges:assertion>${'<!--'.repeat(300_000)}`)
  big.ltRun = bytesOf(`<svg><openbadges:assertion>${'<'.repeat(1_000_000)}`)
})

describe('bad input gets a specific error, never a crash or a hang', () => {
  it('empty file → empty', () => void expectRefused(new Uint8Array(0), 'empty', /empty \(0 bytes\)/), GUARD)

  it('file over 20 MB → too_large', () => void expectRefused(big.hugeJson!, 'too_large', /20 MB/), GUARD)

  it('truncated PNG → corrupt', () => {
    const png = fixture('ob2-itxt-json.png')
    for (const cut of [8, 20, 100, png.length - 1]) expectRefused(png.subarray(0, cut), 'corrupt', /cut short|damaged/, 'b.png')
  }, GUARD)

  it('CRC-broken chunk → corrupt', () => {
    const png = new Uint8Array(fixture('ob2-itxt-json.png'))
    png[60]! ^= 0x01 // inside the iTXt text
    expectRefused(png, 'corrupt', /checksum of its "iTXt" chunk/, 'b.png')
  }, GUARD)

  it('chunk length past the end of the file → corrupt', () => {
    const png = new Uint8Array(fixture('ob2-itxt-json.png'))
    new DataView(png.buffer).setUint32(33, 0x7ffffff0)
    expectRefused(png, 'corrupt', new RegExp(`a chunk claims 2 GB but the file ends after ${png.length.toLocaleString('en-US')} bytes`), 'b.png')
  }, GUARD)

  it('zTXt expanding past the cap → too_complex', () => void expectRefused(big.zBomb!, 'too_complex', /unpacks to more than 5 MB/, 'b.png'), GUARD)

  it('compressed iTXt expanding past the cap → too_complex', () => void expectRefused(big.iBomb!, 'too_complex', /unpacks to more than 5 MB/, 'b.png'), GUARD)

  it('uncompressed badge text past the cap → too_complex', () => void expectRefused(big.hugeChunk!, 'too_complex', /larger than 5 MB/, 'b.png'), GUARD)

  it('a PNG of 200,000 tiny chunks is walked in linear time', () => void expectRefused(big.manyChunks!, 'no_credential', /no badge/, 'b.png'), GUARD)

  it('SVG with a billion-laughs DOCTYPE → unknown_format, nothing expanded', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n  ')}
]>
${SVG_OPEN}<openbadges:assertion><![CDATA[{"x": "&lol9;"}]]></openbadges:assertion></svg>`
    expectRefused(laughs, 'unknown_format', /^This SVG contains a DOCTYPE with entity definitions that expand into other entities, which Skillfolio does not read for safety\.$/, 'b.svg')
  }, GUARD)

  it('SVG with an external SYSTEM entity → unknown_format, nothing fetched', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/steal">]>${SVG_OPEN}<openbadges:assertion verify="&xxe;"/></svg>`
    expectRefused(xxe, 'unknown_format', /external entity/, 'b.svg')
  }, GUARD)

  it('SVG nested too deep or with too many elements → too_complex', () => {
    expectRefused(big.deepSvg!, 'too_complex', /levels deep/, 'b.svg')
    expectRefused(big.wideSvg!, 'too_complex', /more than 100,000 elements/, 'b.svg')
  }, GUARD)

  it('SVG that defeats the strict parser cannot make the tolerant one slow', () => {
    for (const input of [big.unclosedComments!, big.ltRun!]) expect(() => read(input, 'b.svg')).toThrow()
  }, GUARD)

  it('JSON nested 100,000 levels → too_complex (arrays and objects)', () => {
    expectRefused(big.deepArrays!, 'too_complex', /nested more than 64 levels/)
    expectRefused(big.deepObjects!, 'too_complex', /nested more than 64 levels/)
    expectRefused(concat(BEFORE_IEND, pngChunk('iTXt', concat(Buffer.from('openbadges\0\0\0\0\0'), big.deepArrays!)), IEND), 'too_complex', /nested/, 'b.png')
  }, GUARD)

  it('binary junk → unknown_format', () => void expectRefused(big.junk!, 'unknown_format', /not an image or text/, 'junk.png'), GUARD)

  it('JSON saved as .png → read by content (a credential imports; other JSON is refused by name)', () => {
    expect(read(OB3_CREDENTIAL, 'badge.png').container).toBe('json')
    expectRefused({ some: 'bad', stuff: 'to-leak' }, 'unknown_format', /name ends in \.png/, 'bad_image.png')
  }, GUARD)

  it('invalid JSON → invalid_json; an assertion without its badge → invalid_credential', () => {
    expectRefused('{"name": "x" "url": "y"}', 'invalid_json', /line 1/)
    expectRefused({ ...OB2_ASSERTION, badge: undefined }, 'invalid_credential')
  }, GUARD)
})
