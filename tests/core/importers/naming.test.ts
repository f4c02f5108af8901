/**
 * A credential without a name is titled "Issuer – Month Year" (electron/core/importers/naming.ts),
 * checked on every importer path with the corpus files the MANIFEST lists without a name, and
 * with corpus files whose names were taken out (the same real shapes, minus the name).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCredentialFile } from '../../../electron/core/importers'
import { chooseTitle, hostOf, isPlaceholderName, monthYear } from '../../../electron/core/importers/naming'
import { toCredential } from '../../../electron/core/imports/to-credential'
import { sharedPath } from '../../helpers/shared-data'

const DIR = sharedPath('fixtures', 'credentials')

type Doc = Record<string, unknown>
const asDoc = (v: unknown) => v as Doc

describe('title rules', () => {
  const base = { title: null, credentialName: null, issuer: { id: null, name: 'Example Corp', url: null }, urls: { verify: null, badge: null, evidence: [] }, issuedOn: '2010-01-01T00:00:00Z', awardedOn: null }
  it('uses the name, else "Issuer – Month Year", "Issuer – undated", and "Untitled credential" without an issuer', () => {
    expect(chooseTitle({ ...base, title: 'Teamwork' })).toEqual({ title: 'Teamwork', source: 'name', skipped: [] })
    expect(chooseTitle(base).title).toBe('Example Corp – January 2010')
    expect(chooseTitle({ ...base, issuedOn: null }).title).toBe('Example Corp – undated')
    expect(chooseTitle({ ...base, issuedOn: null, awardedOn: '2023-05-22T10:21:00Z' }).title).toBe('Example Corp – May 2023')
    expect(chooseTitle({ ...base, issuer: { id: null, name: null, url: null } })).toEqual({ title: 'Untitled credential', source: 'untitled', skipped: [] })
  })
  it('passes over placeholder names, keeping one only when nothing better is known', () => {
    expect(chooseTitle({ ...base, title: 'Badge', credentialName: 'DCC Test Credential' }).title).toBe('DCC Test Credential')
    expect(chooseTitle({ ...base, title: 'Achievement 1', credentialName: 'ob3-credential-status-revoked.json' })).toEqual({ title: 'Example Corp – January 2010', source: 'issuer-date', skipped: ['Achievement 1', 'ob3-credential-status-revoked.json'] })
    expect(chooseTitle({ ...base, title: 'Badge', issuer: { id: null, name: null, url: null } }).title).toBe('Badge')
    for (const name of ['Badge', 'Achievement 1', 'credential', 'Open Badge #3', 'badge.png', '2024', ' '] as const) expect(isPlaceholderName(name), name).toBe(true)
    for (const name of ['Teamwork', 'Badge of Honour', 'SQL Badge', 'Test Automation'] as const) expect(isPlaceholderName(name), name).toBe(false)
  })
  it('reads month and year as written and hosts as a person knows them', () => {
    expect(monthYear('2016-12-31T23:59:59-08:00')).toBe('December 2016')
    expect(monthYear('2015-04-31')).toBe('April 2015')
    expect(monthYear('2015-13-01')).toBeNull()
    expect(hostOf('https://www.credly.com/api/v1/obi/v2/issuers/8b818bfd')).toBe('credly.com')
    expect(hostOf('did:web:credentials.andamio.io')).toBe('credentials.andamio.io')
    expect(hostOf('did:web:registrar%3A3000:d:www.acmecorp.com')).toBeNull()
    expect(hostOf('http://localhost:8000/public/badges/1')).toBeNull()
    expect(hostOf('did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q')).toBeNull()
  })
})

describe.skipIf(!DIR)('titles of corpus files without a name (../shared/fixtures/credentials)', () => {
  const bytesOf = (file: string) => new Uint8Array(readFileSync(join(DIR!, file)))
  const jsonOf = (file: string) => JSON.parse(readFileSync(join(DIR!, file), 'utf8')) as Doc
  const titled = (bytes: Uint8Array, name = 'file.json') => toCredential(readCredentialFile(bytes, name))
  const titledDoc = (doc: unknown) => titled(new TextEncoder().encode(JSON.stringify(doc)))

  // MANIFEST rows that say the name is not in the file, with what a correct reader finds.
  const rows: Array<[file: string, title: string, note: RegExp | null]> = [
    // OB 1.0/2.0 hosted assertions: no badge name or issuer inline; the hosted origin is the issuer's.
    ['ob2-json/1edtech-v2-assertion-basic.json', 'example.org – December 2016', /does not name the badge/],
    ['ob2-json/badgr-v1-assertion.json', 'a.com – April 2015', /does not name the badge/],
    ['ob2-png/credly-itxt-json-v2-expired.png', 'credly.com – October 2009', /does not name the badge/],
    ['ob2-jws/1edtech-signed-rs256.jwt', 'example.org – December 2016', /does not name the badge/],
    // Hosted on localhost: nothing names the issuer.
    ['ob2-png/edubadges-itxt-json-v2.png', 'Untitled credential', /names neither the badge nor its issuer/],
    // Only a link: the importer's own warning says so.
    ['ob2-png/backpack-text-url-legacy.png', 'example.org – undated', null],
    // OB 3.0: no credential name, the achievement's name is there.
    ['ob3-json/1edtech-ecdsa-sd-derived.json', 'Teamwork', null],
    ['ob3-json/dcc-vc2-eddsa-didkey-identityhash.json', 'Truth, veracity, candor, and verisimilitude.', null],
    // OB 3.0: a placeholder achievement name; the credential's own name is better.
    ['ob3-json/dcc-vc1-eddsa-didweb.json', 'DCC Test Credential', null],
    // OB 3.0: "Achievement 1" and a file name as the credential's name.
    ['ob3-json/1edtech-status-revoked-bitstring.json', '1EdTech Testing – May 2023', /says nothing about it/],
    // A plain VC: no name, issuer a bare did:key.
    ['ob3-json/dcc-vc2-eddsa-didkey-minimal.json', 'Untitled credential', /names neither/],
    // Blockcerts v3 beta: no name or claim; the issuer is known by its profile URL.
    ['blockcerts/v3-beta.json', 'raw.githubusercontent.com – January 2010', /does not name the badge/],
  ]
  for (const [file, title, note] of rows) {
    it(`${file} → ${title}`, () => {
      const { values, warnings } = titled(bytesOf(file), file)
      expect(values.title).toBe(title)
      const said = warnings.filter((w) => /titled by|Untitled|says nothing/.test(w))
      if (note) expect(said.join('\n')).toMatch(note)
      else expect(said).toEqual([])
    })
  }

  it('OB 2.0: an embedded badge class without a name is titled by its embedded issuer', () => {
    const doc = jsonOf('ob2-json/badgr-v2-assertion-embedded-badgeclass.json')
    delete asDoc(doc.badge).name
    expect(titledDoc(doc).values.title).toBe('Basic Issuer – June 2017')
  })

  it('OB 3.0: neither achievement nor credential named: "Example Corp – January 2010"', () => {
    const doc = jsonOf('ob3-json/1edtech-simple-eddsa.json')
    delete doc.name
    delete asDoc(asDoc(doc.credentialSubject).achievement).name
    const { values, warnings } = titledDoc(doc)
    expect(values.title).toBe('Example Corp – January 2010')
    expect(warnings).toContain('The file does not name the badge, so it is titled by its issuer and date of issue.')
  })

  it('CLR 2.0: a learner record without a name', () => {
    const doc = jsonOf('clr/1edtech-clr2-simple.json')
    expect(titledDoc(doc).values.title).toBe('Sample Transcript')
    delete doc.name
    expect(titledDoc(doc).values.title).toBe('Example University – January 2010')
  })

  it('Blockcerts v2 and v3: the badge or claim without a name; language maps read English first', () => {
    const v2 = jsonOf('blockcerts/v2-testnet-valid.json')
    delete asDoc(v2.badge).name
    expect(titledDoc(v2).values.title).toBe('University of Learning – June 2017')
    const v3 = jsonOf('blockcerts/v3-vc2-multilingual.json')
    expect(titledDoc(v3).values.title).toBe('Canadian Id Card')
    delete v3.name
    expect(titledDoc(v3).values.title).toBe('blockcerts.org – March 2024')
  })

  it('EDC: without a claim title or display title, the issuer (else the awarding body) names it', () => {
    const doc = jsonOf('edc/mynextid-degree-unsigned.json')
    expect(titledDoc(doc).values.title).toBe('Title of Activity')
    for (const claim of [asDoc(doc.credentialSubject).hasClaim].flat()) delete asDoc(claim).title
    for (const display of [doc.displayParameter].flat()) delete asDoc(display).title
    delete doc.title
    delete doc.name
    expect(titledDoc(doc).values.title).toBe('Velocert OÜ – January 2026')
    // Without the issuer's name, the awarding body's.
    delete asDoc([doc.issuer].flat()[0]).legalName
    delete asDoc([doc.issuer].flat()[0]).name
    expect(titledDoc(doc).values.title).toBe('NETIS d.o.o. – January 2026')
  })
})
