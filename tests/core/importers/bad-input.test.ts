/**
 * Hostile and broken files: each gives its own ImportError reason, never a crash. How long
 * refusing the large ones takes is measured in tests/bench/importers.bench.ts ("refusing hostile
 * files"), not here; the project's test timeout is only a hang guard.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { OB2_ASSERTION, OB3_CREDENTIAL } from '../../fixtures/importers/make-fixtures'
import { hostileFiles, SVG_OPEN, type HostileFile } from '../../fixtures/importers/hostile'
import { expectRefused, fixture, read } from './helpers'

let big: Record<string, HostileFile> = {}
beforeAll(() => {
  big = hostileFiles()
})
/** Refuses the hostile file `name` (read under its own file name). */
const refuse = (name: string, reason: Parameters<typeof expectRefused>[1], message: RegExp) => expectRefused(big[name]!.bytes, reason, message, big[name]!.fileName)

describe('bad input gets a specific error, never a crash or a hang', () => {
  it('empty file → empty', () => void expectRefused(new Uint8Array(0), 'empty', /empty \(0 bytes\)/))

  it('file over 20 MB → too_large', () => void refuse('hugeJson', 'too_large', /20 MB/))

  it('truncated PNG → corrupt', () => {
    const png = fixture('ob2-itxt-json.png')
    for (const cut of [8, 20, 100, png.length - 1]) expectRefused(png.subarray(0, cut), 'corrupt', /cut short|damaged/, 'b.png')
  })

  it('CRC-broken chunk → corrupt', () => {
    const png = new Uint8Array(fixture('ob2-itxt-json.png'))
    png[60]! ^= 0x01 // inside the iTXt text
    expectRefused(png, 'corrupt', /checksum of its "iTXt" chunk/, 'b.png')
  })

  it('chunk length past the end of the file → corrupt', () => {
    const png = new Uint8Array(fixture('ob2-itxt-json.png'))
    new DataView(png.buffer).setUint32(33, 0x7ffffff0)
    expectRefused(png, 'corrupt', new RegExp(`a chunk claims 2 GB but the file ends after ${png.length.toLocaleString('en-US')} bytes`), 'b.png')
  })

  it('zTXt expanding past the cap → too_complex', () => void refuse('zBomb', 'too_complex', /unpacks to more than 5 MB/))

  it('compressed iTXt expanding past the cap → too_complex', () => void refuse('iBomb', 'too_complex', /unpacks to more than 5 MB/))

  it('uncompressed badge text past the cap → too_complex', () => void refuse('hugeChunk', 'too_complex', /larger than 5 MB/))

  it('a PNG of 200,000 tiny chunks is read to the end: no badge in it', () => void refuse('manyChunks', 'no_credential', /no badge/))

  it('SVG with a billion-laughs DOCTYPE → unknown_format, nothing expanded', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n  ')}
]>
${SVG_OPEN}<openbadges:assertion><![CDATA[{"x": "&lol9;"}]]></openbadges:assertion></svg>`
    expectRefused(laughs, 'unknown_format', /^This SVG contains a DOCTYPE with entity definitions that expand into other entities, which Skillfolio does not read for safety\.$/, 'b.svg')
  })

  it('SVG with an external SYSTEM entity → unknown_format, nothing fetched', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/steal">]>${SVG_OPEN}<openbadges:assertion verify="&xxe;"/></svg>`
    expectRefused(xxe, 'unknown_format', /external entity/, 'b.svg')
  })

  it('SVG nested too deep or with too many elements → too_complex', () => {
    refuse('deepSvg', 'too_complex', /levels deep/)
    refuse('wideSvg', 'too_complex', /more than 100,000 elements/)
  })

  it('SVG that defeats the strict parser is refused by the tolerant one too', () => {
    for (const name of ['unclosedComments', 'ltRun']) expect(() => read(big[name]!.bytes, 'b.svg')).toThrow()
  })

  it('JSON nested 100,000 levels → too_complex (arrays and objects)', () => {
    refuse('deepArrays', 'too_complex', /nested more than 64 levels/)
    refuse('deepObjects', 'too_complex', /nested more than 64 levels/)
    refuse('deepArraysInPng', 'too_complex', /nested/)
  })

  it('binary junk → unknown_format', () => void refuse('junk', 'unknown_format', /not an image or text/))

  it('JSON saved as .png → read by content (a credential imports; other JSON is refused by name)', () => {
    expect(read(OB3_CREDENTIAL, 'badge.png').container).toBe('json')
    expectRefused({ some: 'bad', stuff: 'to-leak' }, 'unknown_format', /name ends in \.png/, 'bad_image.png')
  })

  it('invalid JSON → invalid_json; an assertion without its badge → invalid_credential', () => {
    expectRefused('{"name": "x" "url": "y"}', 'invalid_json', /line 1/)
    expectRefused({ ...OB2_ASSERTION, badge: undefined }, 'invalid_credential')
  })
})
