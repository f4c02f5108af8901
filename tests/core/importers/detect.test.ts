import { describe, expect, it } from 'vitest'
import { detect, nameHint } from '../../../electron/core/importers/detect'
import { decodeText, isBareUrl, isCompactJws } from '../../../electron/core/importers/text'
import { OB2_ASSERTION, OB3_CREDENTIAL, ob3Jwt } from '../../fixtures/importers/make-fixtures'
import { expectRefused, fixture, read } from './helpers'

const utf16 = (s: string, endian: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from(s, 'utf16le')
  const body = endian === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]!))
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), body]) : body)
}

describe('detect: by content, never by name', () => {
  it('recognises PNG by its signature whatever the name', () => {
    expect(detect(fixture('ob2-itxt-json.png'), 'badge.json')).toEqual({ kind: 'png' })
    expect(read(fixture('ob2-itxt-json.png'), 'badge.json').container).toBe('png')
    expect(read(fixture('ob2-cdata.svg'), 'badge.png').container).toBe('svg')
  })

  it('reads JSON saved under an image name, and says so when it is not a credential', () => {
    expect(read(OB2_ASSERTION, 'badge.png').title).toBe('Data Pipelines Practitioner')
    expectRefused({ some: 'bad', stuff: 'to-leak' }, 'unknown_format', /name ends in \.png, but it is JSON text/, 'bad_image.png')
  })

  it('names other binary formats instead of guessing', () => {
    expectRefused(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'unknown_format', /JPEG photo/, 'badge.png')
    expectRefused(bytes('%PDF-1.7\n...'), 'unknown_format', /PDF document/)
    expectRefused(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'unknown_format', /ZIP archive/)
    expectRefused(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0]), 'unknown_format', /gzip/)
    expectRefused(bytes('GIF89a\x01\x00'), 'unknown_format', /GIF image/)
  })

  it('refuses plain text and binary junk with a plain sentence', () => {
    expectRefused(bytes('Dear hiring manager, please find my badge attached.'), 'unknown_format', /plain text/)
    expectRefused(Uint8Array.from([0, 1, 2, 3, 250, 251, 4, 5, 6]), 'unknown_format', /not an image or text/)
    expectRefused(bytes('   \n\t  '), 'empty', /blank space/)
  })

  it('handles byte-order marks and UTF-16 with or without one', () => {
    const json = JSON.stringify(OB3_CREDENTIAL)
    expect(read(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(json)])).title).toBe('Cloud Security Foundations')
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const decoded = decodeText(utf16(json, endian, bom))
        expect(decoded?.encoding, `${endian} ${bom}`).toBe(`utf-16${endian}`)
        expect(read(utf16(json, endian, bom)).title).toBe('Cloud Security Foundations')
      }
    }
  })

  it('falls back to Latin-1 for old files that are not UTF-8', () => {
    const latin1 = new Uint8Array(Buffer.from(JSON.stringify({ ...OB2_ASSERTION, badge: { ...OB2_ASSERTION.badge, name: 'Données' } }), 'latin1'))
    expect(decodeText(latin1)?.encoding).toBe('latin1')
    expect(read(latin1).title).toBe('Données')
  })

  it('recognises a compact JWS (with a trailing newline) and a bare link', () => {
    expect(detect(bytes(`${ob3Jwt()}\n`)).kind).toBe('jws')
    expect(isCompactJws('eyJh.eyJi.')).toBe(true)
    expect(isCompactJws('eyJh..sig')).toBe(false)
    expect(isCompactJws('ab.cd.ef')).toBe(false)
    expect(isCompactJws('eyJh.eyJi.c.d')).toBe(false)
    const link = read('  https://badges.example.org/assertions/42\n', 'badge.txt')
    expect(link).toMatchObject({ container: 'url', format: 'ob2', title: null, document: null, sourceId: 'https://badges.example.org/assertions/42' })
    expect(link.urls.verify).toBe('https://badges.example.org/assertions/42')
    expect(isBareUrl('https://a.example/x y')).toBe(false)
  })

  it('only hints about the name when it disagrees with the content', () => {
    expect(nameHint('badge.png', 'json', 'JSON text')).toBe(' (Its name ends in .png, but it is JSON text.)')
    expect(nameHint('badge.json', 'json', 'JSON text')).toBe('')
    expect(nameHint('badge', 'json', 'JSON text')).toBe('')
    expect(nameHint('notes.txt', 'other', 'plain text')).toBe('')
  })
})

function bytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'latin1'))
}
