import { describe, expect, it } from 'vitest'
import { bakeSvg } from '../../../electron/core/importers/bake'
import { readSvg } from '../../../electron/core/importers/svg'
import { OB2_ASSERTION, OB3_CREDENTIAL, TINY_SVG, ob3Jwt } from '../../fixtures/importers/make-fixtures'
import { expectRefused, fixture, read } from './helpers'

const OB2_NS = 'xmlns:openbadges="http://openbadges.org"'
const OB3_NS = 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"'
const svg = (inner: string, ns = OB2_NS, prolog = '') => `${prolog}<svg xmlns="http://www.w3.org/2000/svg" ${ns}>${inner}<circle r="3"/></svg>`
const ob2Json = JSON.stringify(OB2_ASSERTION)

describe('SVG: baked badges', () => {
  it('reads a verify attribute together with CDATA JSON', () => {
    const c = read(fixture('ob2-cdata.svg'), 'b.svg')
    expect(c).toMatchObject({ format: 'ob2', container: 'svg', title: 'Data Pipelines Practitioner', sourceId: OB2_ASSERTION.id })
    expect(c.urls.verify).toBe(OB2_ASSERTION.id)
    expect(c.image && 'bytes' in c.image ? c.image.mediaType : null).toBe('image/svg+xml')
  })

  it('reads an OB 3.0 credential from padded CDATA and from a JWS in `verify` with an empty element', () => {
    expect(read(fixture('ob3-cdata.svg'), 'b.svg')).toMatchObject({ format: 'ob3', title: 'Cloud Security Foundations', jws: null })
    const signed = read(fixture('ob3-verify-jwt.svg'), 'b.svg')
    expect(signed).toMatchObject({ format: 'ob3', container: 'svg', jws: ob3Jwt(), title: 'Cloud Security Foundations' })
    const selfClosing = svg(`<openbadges:credential verify="${ob3Jwt()}"/>`, OB3_NS)
    expect(read(selfClosing, 'b.svg').jws).toBe(ob3Jwt())
  })

  it('reads a verify link alone as a link-only badge', () => {
    const c = read(fixture('ob2-verify-url.svg'), 'b.svg')
    expect(c).toMatchObject({ title: null, document: null, format: 'ob2' })
    expect(c.urls.verify).toBe(OB2_ASSERTION.id)
  })

  it('takes the first badge element only', () => {
    const second = JSON.stringify({ ...OB2_ASSERTION, id: 'https://other.example/2' })
    const text = svg(`<openbadges:assertion><![CDATA[${ob2Json}]]></openbadges:assertion><openbadges:assertion><![CDATA[${second}]]></openbadges:assertion>`)
    expect(read(text, 'b.svg').sourceId).toBe(OB2_ASSERTION.id)
  })

  it('reads JSON written as escaped text instead of CDATA, and CDATA split around "]]>"', () => {
    const escaped = ob2Json.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    expect(read(svg(`<openbadges:assertion>${escaped}</openbadges:assertion>`), 'b.svg').title).toBe('Data Pipelines Practitioner')
    const tricky = { ...OB2_ASSERTION, badge: { ...OB2_ASSERTION.badge, description: 'Arrays like a[b[0]]> are fine' } }
    const baked = bakeSvg(TINY_SVG, JSON.stringify(tricky), 'ob2')
    expect(baked).toContain(']]]]><![CDATA[>')
    expect(read(baked, 'b.svg').description).toBe('Arrays like a[b[0]]> are fine')
  })

  it('accepts the namespace with a trailing slash and the other version’s namespace (with a warning)', () => {
    expect(read(svg(`<openbadges:assertion><![CDATA[${ob2Json}]]></openbadges:assertion>`, 'xmlns:openbadges="http://openbadges.org/"'), 'b.svg').title).toBe('Data Pipelines Practitioner')
    const mixed = read(svg(`<openbadges:credential><![CDATA[${JSON.stringify(OB3_CREDENTIAL)}]]></openbadges:credential>`), 'b.svg')
    expect(mixed.format).toBe('ob3')
    expect(mixed.warnings.join(' ')).toMatch(/other Open Badges version's namespace/)
  })

  it('ignores an element of the right name in another namespace', () => {
    expectRefused(svg(`<x:assertion xmlns:x="https://example.org/other"><![CDATA[${ob2Json}]]></x:assertion>`), 'no_credential', /no badge baked into it/, 'b.svg')
  })

  it('reads the non-well-formed specification-style example with the tolerant reader', () => {
    const c = read(fixture('ob2-not-well-formed.svg'), 'b.svg')
    expect(c.title).toBe('Data Pipelines Practitioner')
    expect(c.urls.verify).toBe(OB2_ASSERTION.id)
    expect(c.warnings.join(' ')).toMatch(/not well-formed XML/)
    // Never closed: everything after the start tag is read, with a warning.
    const open = read(`<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion><![CDATA[${ob2Json}]]>`, 'b.svg')
    expect(open.warnings.join(' ')).toMatch(/never closed/)
  })

  it('ignores a DOCTYPE that only names an external DTD (never loads it)', () => {
    const prolog = '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    expect(read(svg(`<openbadges:assertion><![CDATA[${ob2Json}]]></openbadges:assertion>`, OB2_NS, prolog), 'b.svg').title).toBe('Data Pipelines Practitioner')
  })

  it('refuses dangerous DOCTYPE entities: external, parameter, or built from other entities', () => {
    const body = svg(`<openbadges:assertion><![CDATA[${ob2Json}]]></openbadges:assertion>`)
    expectRefused(`<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${body}`, 'unknown_format', /external entity/, 'b.svg')
    expectRefused(`<!DOCTYPE svg [<!ENTITY xxe PUBLIC "-//x//EN" "https://evil.example/x.dtd">]>${body}`, 'unknown_format', /external entity/, 'b.svg')
    expectRefused(`<!DOCTYPE svg [<!ENTITY % p "x"> ]>${body}`, 'unknown_format', /parameter entities/, 'b.svg')
    expectRefused(`<!DOCTYPE svg [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>${body}`, 'unknown_format', /entity definitions that expand into other entities/, 'b.svg')
    // A "]" inside a quoted value does not hide the declarations after it.
    expectRefused(`<!DOCTYPE svg [<!ENTITY a "]"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>${body}`, 'unknown_format', /external entity/, 'b.svg')
  })

  it('ignores plain text entities (as Illustrator writes them) without expanding them', () => {
    const illustrator = `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
  <!ENTITY ns_graphs "http://ns.adobe.com/Graphs/1.0/">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:i="&ns_ai;" ${OB2_NS}><openbadges:assertion><![CDATA[${ob2Json}]]></openbadges:assertion><i:pgf>&ns_graphs;</i:pgf></svg>`
    const c = read(illustrator, 'b.svg')
    expect(c.title).toBe('Data Pipelines Practitioner')
    expect(c.warnings.join(' ')).toMatch(/declares 2 entities in its DOCTYPE; Skillfolio ignored them/)
  })

  it('tells XML that is not SVG apart from an SVG without a badge', () => {
    expectRefused('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'unknown_format', /main element is <rss>/, 'feed.svg')
    expectRefused(fixture('plain.svg'), 'no_credential', /no badge baked into it/, 'plain.svg')
    expectRefused('<html><body><p>Not a badge<br></body></html>', 'unknown_format', /not an SVG image/, 'page.svg')
    expectRefused(svg('<openbadges:assertion>   </openbadges:assertion>'), 'no_credential', /badge element in this SVG is empty/, 'b.svg')
  })

  it('returns the raw payload parts', () => {
    const baked = readSvg(svg(`<openbadges:assertion verify="https://a.example/1">\n  <![CDATA[  ${ob2Json}  ]]>\n</openbadges:assertion>`))
    expect(baked).toMatchObject({ kind: 'assertion', verify: 'https://a.example/1', content: ob2Json, tolerant: false })
  })
})
