/**
 * Every deviation MANIFEST § "What real files do" lists, on the project's own small documents,
 * plus the structure of each format reader (OB 0.5–2.0, OB 3.0, CLR 2.0, Blockcerts, EDC).
 */
import { describe, expect, it } from 'vitest'
import { parseDate } from '../../../electron/core/importers/util'
import { DATA_IMAGE, OB2_ASSERTION, OB3_CREDENTIAL, ob3Jwt } from '../../fixtures/importers/make-fixtures'
import { expectRefused, read, skillNames } from './helpers'

const ob2 = (patch: Record<string, unknown>) => ({ ...OB2_ASSERTION, ...patch })
const ob3 = (patch: Record<string, unknown>) => ({ ...OB3_CREDENTIAL, ...patch })
const achievement = (patch: Record<string, unknown>) => ob3({ credentialSubject: { ...OB3_CREDENTIAL.credentialSubject, achievement: { ...OB3_CREDENTIAL.credentialSubject.achievement, ...patch } } })

describe('dates', () => {
  const date = (v: unknown) => {
    const warnings: string[] = []
    return { value: parseDate(v as never, 'issue date', warnings), warnings }
  }
  it('keeps ISO dates exactly as written', () => {
    for (const s of ['2016-12-31T23:59:59Z', '2015-04-30', '2021-09-21T12:28:35.713036+00:00', '2022-11-10T07:38:00-08:00', '2024-02-29']) expect(date(s)).toEqual({ value: s, warnings: [] })
  })
  it('reads Unix seconds and milliseconds (number or digits) with a warning', () => {
    expect(date(1359217910)).toMatchObject({ value: '2013-01-26T16:31:50Z', warnings: [expect.stringMatching(/Unix timestamp \(1359217910\)/)] })
    expect(date('1359217910').value).toBe('2013-01-26T16:31:50Z')
    expect(date(1359217910123).value).toBe('2013-01-26T16:31:50.123Z')
  })
  it('leaves out impossible and unreadable dates with a warning', () => {
    expect(date('2015-04-31')).toMatchObject({ value: null, warnings: [expect.stringMatching(/April 2015 has 30 days/)] })
    expect(date('2023-02-29').warnings[0]).toMatch(/February 2023 has 28 days/)
    expect(date('2015-13-01').value).toBeNull()
    expect(date('2015-01-01T25:00:00Z').warnings[0]).toMatch(/impossible time/)
    expect(date('next Tuesday').warnings[0]).toMatch(/not a date Skillfolio can read/)
    expect(date(-5).value).toBeNull()
    expect(date({ when: 'now' }).value).toBeNull()
  })
  it('normalises a space separator to "T"', () => {
    expect(date('2017-06-29 21:50:14+00:00').value).toBe('2017-06-29T21:50:14+00:00')
  })
})

describe('Open Badges 0.5–2.0', () => {
  it('reads an assertion with an embedded BadgeClass and Issuer, alignments (2.0 and 1.0 forms), tags, criteria, evidence and a data: image', () => {
    const c = read(OB2_ASSERTION)
    expect(c).toMatchObject({
      format: 'ob2',
      title: 'Data Pipelines Practitioner',
      criteria: 'Ship three production pipelines with tests and monitoring.',
      issuer: { id: 'https://badges.skillfolio.test/issuer', name: 'Skillfolio Test Academy', url: 'https://academy.skillfolio.test' },
      issuedOn: '2024-03-15T10:00:00Z',
      expiresOn: '2027-03-15T10:00:00Z',
      recipient: { type: 'email', hashed: true, salt: 'pepper' },
      urls: { badge: 'https://badges.skillfolio.test/classes/data-pipelines', evidence: ['https://portfolio.skillfolio.test/projects/etl'] },
      warnings: [],
    })
    expect(c.skills).toEqual([
      { name: 'Data pipeline design', framework: 'ESCO', code: 'S1.2.3', url: 'https://esco.example/skill/s123', source: 'alignment' },
      { name: 'Workflow orchestration', framework: null, code: null, url: 'https://skills.example/orchestration', source: 'alignment' },
      { name: 'data engineering', framework: null, code: null, url: null, source: 'tag' },
      { name: 'ETL', framework: null, code: null, url: null, source: 'tag' },
    ])
    expect(c.image && 'bytes' in c.image ? [c.image.mediaType, c.image.bytes.length] : null).toEqual(['image/png', 70])
    expect(DATA_IMAGE.startsWith('data:image/png')).toBe(true)
  })

  it('accepts "verify" instead of "verification" (warning under the 2.0 context) and lower-case types', () => {
    const c = read(ob2({ verification: undefined, verify: { type: 'hosted', url: 'https://h.example/a.json' } }))
    expect(c.urls.verify).toBe('https://h.example/a.json')
    expect(c.warnings).toEqual(['This Open Badges 2.0 assertion uses the 1.x key "verify" instead of "verification"; it was read anyway.'])
    const v1 = read({ uid: 'x1', recipient: { identity: 'a@b.example', hashed: false, type: 'email' }, badge: 'https://b.example/class', issuedOn: '2015-04-30', verify: { type: 'hosted', url: 'https://h.example/x1' } })
    expect(v1).toMatchObject({ format: 'ob1', warnings: [] })
    // Hosted 2.0 without a url: the assertion id is where it is hosted.
    expect(read(ob2({ verification: { type: 'hosted' } })).urls.verify).toBe(OB2_ASSERTION.id)
    expect(read(ob2({ verification: { type: 'SignedBadge', creator: 'https://k.example/1' } })).urls.verify).toBeNull()
  })

  it('reads issued_on (0.5 style), string recipients with a top-level salt, and badge.version 0.5', () => {
    const c = read({ recipient: 'sha256$abc123', salt: 'pinch', issued_on: '2011-06-01', badge: { version: '0.5.0', name: 'Old', issuer: { origin: 'https://old.example', name: 'Old Org' } } })
    expect(c).toMatchObject({ format: 'ob0.5', issuedOn: '2011-06-01', recipient: { identity: 'sha256$abc123', hashed: true, salt: 'pinch', type: 'email' }, issuer: { name: 'Old Org', url: 'https://old.example' } })
    expect(c.warnings).toEqual([])
    const v1 = read(ob2({ issuedOn: undefined, issued_on: '2017-01-01' }))
    expect(v1.issuedOn).toBe('2017-01-01')
    expect(v1.warnings.join(' ')).toMatch(/"issued_on"/)
  })

  it('reads swapped identity/recipient keys, recipient type id, and unsalted hashes', () => {
    const swapped = read({ uid: 'u', identity: { recipient: 'sha256$feed', type: 'email', hashed: true }, badge: 'https://b.example/c', issuedOn: '2013-11-05' })
    expect(swapped.recipient).toEqual({ name: null, identity: 'sha256$feed', type: 'email', hashed: true, salt: null })
    expect(swapped.warnings.join(' ')).toMatch(/swapped/)
    const byId = read(ob2({ recipient: { type: 'id', hashed: true, identity: 'sha256$0a1b', salt: 's' } }))
    expect(byId.recipient).toMatchObject({ type: 'id', hashed: true, salt: 's' })
    const unsalted = read(ob2({ recipient: { type: 'email', hashed: true, identity: 'sha256$11be' } }))
    expect(unsalted.recipient).toMatchObject({ hashed: true, salt: null })
    expect(read(ob2({ recipient: { identity: 'md5$abcd' } })).recipient.hashed).toBe(true)
    expect(read(ob2({ recipient: { identity: 'me@x.example', hashed: 'true' } })).warnings.join(' ')).toMatch(/does not name a hash algorithm/)
  })

  it('reads string or object badge and issuer', () => {
    const linked = read(ob2({ badge: 'https://b.example/class.json' }))
    expect(linked).toMatchObject({ title: null, urls: { badge: 'https://b.example/class.json' }, issuer: { id: null, name: null, url: null } })
    const issuerLink = read(ob2({ badge: { ...OB2_ASSERTION.badge, issuer: 'https://b.example/org.json' } }))
    expect(issuerLink.issuer).toEqual({ id: 'https://b.example/org.json', name: null, url: null })
    expect(read(ob2({ badge: { ...OB2_ASSERTION.badge, criteria: 'https://b.example/criteria' } })).criteria).toBe('https://b.example/criteria')
  })

  it('keeps an image link, an Image object, or the assertion image over the class image', () => {
    expect(read(ob2({ image: 'https://img.example/a.png' })).image).toEqual({ url: 'https://img.example/a.png' })
    expect(read(ob2({ badge: { ...OB2_ASSERTION.badge, image: { id: 'https://img.example/c.png', type: 'Image' } } })).image).toEqual({ url: 'https://img.example/c.png' })
    expect(read(ob2({ badge: { ...OB2_ASSERTION.badge, image: 'data:image/png;base64,@@@' } })).warnings.join(' ')).toMatch(/image is damaged/)
  })

  it('reads OB 2.0 extensions with simple values', () => {
    const c = read(ob2({ 'extensions:LanguageExtension': { '@context': 'https://x.example/ctx.json', type: ['Extension'], Language: 'nl_NL' }, 'extensions:EQFExtension': { EQF: 7 } }))
    expect(c.extensions).toEqual({ Language: 'nl_NL', EQF: 7 })
  })

  it('treats BadgeClass, Issuer, key, revocation list and endorsement documents as metadata (no_credential)', () => {
    expectRefused(OB2_ASSERTION.badge, 'no_credential', /^This is a badge description \("Data Pipelines Practitioner"\), not an awarded badge/)
    expectRefused({ name: 'Basic Badge', description: 'd', criteria: 'https://c', issuer: 'https://i' }, 'no_credential', /badge description/)
    expectRefused({ name: 'Basic Issuer', url: 'https://issuer.example' }, 'no_credential', /describes a badge issuer \("Basic Issuer"\)/)
    expectRefused({ type: 'CryptographicKey', id: 'https://k', publicKeyPem: '---' }, 'no_credential', /public key/)
    expectRefused({ type: 'RevocationList', revokedAssertions: [] }, 'no_credential', /revoked badges/)
    expectRefused({ '@context': 'https://w3id.org/openbadges/v2', type: 'Endorsement', claim: {} }, 'no_credential', /endorsement/)
  })

  it('refuses an assertion without a badge, but reads a verify-only stub as a link', () => {
    expectRefused({ uid: '1', recipient: { identity: 'a@b.example' }, issuedOn: '2015-04-30' }, 'invalid_credential', /does not say which badge was awarded/)
    expectRefused(ob2({ badge: 42 }), 'invalid_credential', /neither a link nor a description/)
    const stub = read({ verify: { url: 'https://h.example/1' } })
    expect(stub).toMatchObject({ title: null, sourceId: 'https://h.example/1', urls: { verify: 'https://h.example/1' } })
  })
})

describe('Open Badges 3.0 and other verifiable credentials', () => {
  it('reads the achievement, issuer, dates, subject, skills and achievement fields', () => {
    const c = read(OB3_CREDENTIAL)
    expect(c).toMatchObject({
      format: 'ob3',
      title: 'Cloud Security Foundations',
      credentialName: 'Cloud Security Foundations for Sam Example',
      achievementType: 'Certificate',
      issuer: { id: 'https://academy.skillfolio.test/issuers/1', name: 'Skillfolio Test Academy', url: 'https://academy.skillfolio.test' },
      issuedOn: '2025-01-20T09:30:00Z',
      expiresOn: '2028-01-20T09:30:00Z',
      awardedOn: '2025-01-19T16:00:00Z',
      recipient: { name: 'Sam Example', identity: 'did:example:learner-42', type: 'id', hashed: false },
      achievement: { humanCode: 'CSF-101', fieldOfStudy: 'Information Security', specialization: 'Cloud', creditsAvailable: 3 },
      warnings: [],
    })
    expect(skillNames(c, 'alignment')).toEqual(['Identity and access management'])
    expect(skillNames(c, 'tag')).toEqual(['security', 'cloud'])
    expect(skillNames(c, 'field')).toEqual(['Information Security', 'Cloud'])
    expect(c.skills[0]).toMatchObject({ framework: 'NICE', code: 'K0007' })
  })

  it('accepts VC 1.1 issuanceDate/expirationDate, and prefers validFrom when both are present', () => {
    const v1 = read(ob3({ validFrom: undefined, validUntil: undefined, issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2021-01-01T00:00:00Z' }))
    expect(v1).toMatchObject({ issuedOn: '2020-01-01T00:00:00Z', expiresOn: '2021-01-01T00:00:00Z' })
    expect(read(ob3({ issuanceDate: '2025-10-15T00:44:21.142Z', validFrom: '2022-12-31T00:00:00Z' })).issuedOn).toBe('2022-12-31T00:00:00Z')
  })

  it('accepts issuer and type as a string (type with a warning)', () => {
    const c = read(ob3({ issuer: 'did:key:z6Mkexample', type: 'OpenBadgeCredential' }))
    expect(c.issuer).toEqual({ id: 'did:key:z6Mkexample', name: null, url: null })
    expect(c.format).toBe('ob3')
    expect(c.warnings.join(' ')).toMatch(/type is a single word/)
  })

  it('reads identifiers as a list or (with a warning) a single object, hashed identities staying hashed', () => {
    const subject = { type: ['AchievementSubject'], achievement: OB3_CREDENTIAL.credentialSubject.achievement }
    const list = read(ob3({ credentialSubject: { ...subject, identifier: [{ type: 'IdentityObject', identityHash: 'sha256$c0ffee', identityType: 'emailAddress', hashed: true, salt: 'nacl' }] } }))
    expect(list.recipient).toMatchObject({ identity: 'sha256$c0ffee', type: 'emailAddress', hashed: true, salt: 'nacl' })
    const single = read(ob3({ credentialSubject: { ...subject, identifier: { identityHash: 'Parker Pearl', identityType: 'name', hashed: false, salt: 'not-used' } } }))
    expect(single.recipient).toMatchObject({ name: 'Parker Pearl', identity: 'Parker Pearl', type: 'name', hashed: false, salt: null })
    expect(single.warnings.join(' ')).toMatch(/single object instead of a list/)
  })

  it('warns about invalid UUIDs and ids that are not URIs, and keeps them', () => {
    expect(read(ob3({ id: 'urn:uuid:19281fe8-90d2-4eao-a9da-6188898a6c' })).warnings.join(' ')).toMatch(/not a valid UUID/)
    expect(read(ob3({ id: '13172c8c' })).warnings.join(' ')).toMatch(/not a URI/)
  })

  it('reads only the first of several subjects and the first achievement of a list', () => {
    const c = read(ob3({ credentialSubject: [OB3_CREDENTIAL.credentialSubject, { id: 'did:example:other' }] }))
    expect(c.recipient.identity).toBe('did:example:learner-42')
    expect(c.warnings.join(' ')).toMatch(/2 subjects/)
    expect(read(achievement({})).title).toBe('Cloud Security Foundations')
  })

  it('decodes data: URI images and keeps image links; criteria by narrative or link', () => {
    expect(read(ob3({ image: { id: DATA_IMAGE, type: 'Image' } })).image).toMatchObject({ mediaType: 'image/png' })
    expect(read(achievement({ image: 'https://img.example/a.png' })).image).toEqual({ url: 'https://img.example/a.png' })
    expect(read(achievement({ criteria: { id: 'https://c.example/criteria' } })).criteria).toBe('https://c.example/criteria')
  })

  it('reads an EndorsementCredential by its name and comment', () => {
    const c = read({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'EndorsementCredential'], name: 'Good standing', issuer: { id: 'https://state.example', name: 'State' }, validFrom: '2010-01-01T00:00:00Z', credentialSubject: { id: 'https://school.example', type: ['EndorsementSubject'], endorsementComment: 'In good standing' } })
    expect(c).toMatchObject({ format: 'ob3', title: 'Good standing', description: 'In good standing', recipient: { identity: 'https://school.example' } })
  })

  it('reads other VCs generically (format vc), refuses status lists, and unwraps one-credential presentations and lists', () => {
    const other = read({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'DriverLicense'], name: 'Licence', issuer: 'did:example:dmv', credentialSubject: { name: 'Sam' } })
    expect(other).toMatchObject({ format: 'vc', title: 'Licence', recipient: { name: 'Sam' } })
    expectRefused({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], credentialSubject: { encodedList: 'H4s' } }, 'no_credential', /status list/)
    const vp = read({ type: ['VerifiablePresentation'], verifiableCredential: [OB3_CREDENTIAL] })
    expect(vp.title).toBe('Cloud Security Foundations')
    expect(read({ type: 'VerifiablePresentation', verifiableCredential: ob3Jwt() }).container).toBe('json')
    expectRefused({ type: ['VerifiablePresentation'], verifiableCredential: [OB3_CREDENTIAL, OB3_CREDENTIAL] }, 'unknown_format', /2 credentials/)
    expect(read([OB3_CREDENTIAL]).warnings.join(' ')).toMatch(/list of one/)
    expectRefused([OB3_CREDENTIAL, OB3_CREDENTIAL], 'unknown_format', /list of 2 items/)
  })
})

describe('CLR 2.0', () => {
  it('summarises nested credentials (objects and JWTs) and gathers their skills', () => {
    const clr = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json'],
      id: 'urn:uuid:7d0f5a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      type: ['VerifiableCredential', 'ClrCredential'],
      name: 'Transcript for Sam',
      issuer: { id: 'https://college.example', name: 'Example College' },
      validFrom: '2025-06-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:sam',
        type: ['ClrSubject'],
        verifiableCredential: [OB3_CREDENTIAL, ob3Jwt(), 'eyJbroken.eyJbroken.x'],
        achievement: [{ name: 'Year 1', alignment: [{ targetName: 'Statistics' }] }],
      },
    }
    const c = read(clr)
    expect(c).toMatchObject({ format: 'clr2', title: 'Transcript for Sam', credentialName: 'Transcript for Sam', issuer: { name: 'Example College' }, issuedOn: '2025-06-01T00:00:00Z' })
    expect(c.contents).toEqual({ credentialCount: 2, credentialTitles: ['Cloud Security Foundations for Sam Example', 'Cloud Security Foundations for Sam Example'], achievementTitles: ['Year 1'] })
    expect(skillNames(c, 'alignment')).toEqual(['Identity and access management', 'Statistics'])
    expect(c.warnings.join(' ')).toMatch(/One credential inside this learner record is damaged/)
    expect(c.warnings.join(' ')).toMatch(/bundles 2 credentials/)
  })
})

describe('Blockcerts', () => {
  const v3 = (name: unknown) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/blockcerts/v3.2'],
    id: 'urn:uuid:4f5f0100-ccbf-4ca9-9cfc-4f5fc3052d28',
    type: ['VerifiableCredential', 'BlockcertsCredential'],
    name,
    issuer: 'https://issuer.example/profile.json',
    validFrom: '2024-03-01T00:00:00Z',
    credentialSubject: { id: 'did:example:me', name: 'John Smith' },
  })
  it('picks English from a language map, else the first language', () => {
    const fr = { '@value': "Carte d'Identité", '@language': 'fr' }
    const en = { '@value': 'Id Card', '@language': 'en-CA' }
    expect(read(v3([fr, en])).title).toBe('Id Card')
    expect(read(v3([fr, { '@value': 'بطاقة', '@language': 'ar', '@direction': 'rtl' }])).title).toBe("Carte d'Identité")
    expect(read(v3({ fr: 'Carte', en: 'Card' })).title).toBe('Card')
    expect(read(v3('Plain')).title).toBe('Plain')
  })
  it('reads the claim of a v3 subject first', () => {
    const c = read({ ...v3(undefined), credentialSubject: { name: 'Julien', claim: { name: 'Master of Puppets', description: 'Rocks', criteria: 'Rocking' } } })
    expect(c).toMatchObject({ format: 'blockcerts', title: 'Master of Puppets', description: 'Rocks', criteria: 'Rocking', recipient: { name: 'Julien' } })
  })
})

describe('European Digital Credentials', () => {
  const edc = {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
    id: 'urn:credential:1',
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    issuer: { id: 'urn:epass:org:1', legalName: { de: 'Beispiel GmbH', en: 'Example Ltd' }, homepage: { contentURL: 'https://example.eu' } },
    issuanceDate: '2026-01-12T08:58:28Z',
    credentialSubject: {
      fullName: { en: 'Jane Doe' },
      contactPoint: { emailAddress: { id: 'mailto:jane@example.eu' } },
      hasClaim: { title: { de: 'Titel', en: 'Data Literacy' }, awardedBy: { awardingBody: { id: 'urn:epass:org:2', legalName: { en: 'Example University' } } }, specifiedBy: { learningOutcome: [{ id: 'urn:lo:1', title: { en: 'Read charts' } }] } },
    },
    displayParameter: { title: { en: 'Certificate' } },
  }
  it('extracts title, issuer, awarding body, dates, person and learning outcomes', () => {
    const c = read(edc)
    expect(c).toMatchObject({
      format: 'edc',
      title: 'Data Literacy',
      credentialName: 'Certificate',
      issuer: { id: 'urn:epass:org:1', name: 'Example Ltd', url: 'https://example.eu' },
      awardedBy: { id: 'urn:epass:org:2', name: 'Example University' },
      issuedOn: '2026-01-12T08:58:28Z',
      recipient: { name: 'Jane Doe', identity: 'jane@example.eu', type: 'email' },
    })
    expect(skillNames(c, 'skill')).toEqual(['Read charts'])
  })
  it('unwraps the JAdES signed form (JSON or base64url payload) and keeps the signed object as the document', () => {
    for (const payload of [JSON.stringify(edc), Buffer.from(JSON.stringify(edc)).toString('base64url')]) {
      const signed = { payload, signatures: [{ protected: 'eyJhbGciOiJSUzI1NiJ9', signature: 'c2ln' }] }
      const c = read(signed)
      expect(c.title).toBe('Data Literacy')
      expect(c.document).toEqual(signed)
    }
  })
})
