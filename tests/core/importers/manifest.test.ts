/**
 * One test per row of ../shared/fixtures/credentials/MANIFEST.md: the facts below are written by
 * hand from the MANIFEST's "Expected facts" column (not from the importer's output), so these
 * tests check the importer against independently stated facts. "a...b" means "starts with a and
 * ends with b" (the MANIFEST abbreviates long hashes and DIDs that way).
 *
 * Verification outcomes (expired, revoked, tampered, signature validity) are the verifier's job:
 * for those rows this only asserts that the file is read, with the facts listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ImportError, readCredentialFile, type CredentialContainer, type CredentialFormat, type ImportFailure, type ParsedCredential } from '../../../electron/core/importers'
import { sharedPath } from '../../helpers/shared-data'

const DIR = sharedPath('fixtures', 'credentials')

interface Facts {
  format?: CredentialFormat
  container?: CredentialContainer
  title?: string | null
  credentialName?: string | null
  description?: string | null
  criteria?: string | null
  achievementType?: string | null
  achievement?: Partial<NonNullable<ParsedCredential['achievement']>>
  issuer?: Partial<ParsedCredential['issuer']>
  awardedBy?: Partial<NonNullable<ParsedCredential['awardedBy']>>
  issuedOn?: string | null
  expiresOn?: string | null
  awardedOn?: string | null
  recipient?: Partial<Omit<ParsedCredential['recipient'], 'identifiers'>>
  identifiers?: { identity: string; type: string; hashed: boolean }[]
  alignments?: string[]
  alignmentFramework?: string
  tags?: string[]
  fields?: string[]
  sourceId?: string | null
  badgeUrl?: string | null
  verifyUrl?: string | null
  evidence?: string[]
  /** Media type of an image decoded from a data: URI or taken from the baked file. */
  imageBytes?: string
  contents?: { count: number; titles?: string[]; achievements?: string[] }
  extensions?: Record<string, string | number>
  jws?: boolean
  /** Only a link is in the file (document null or a stub, title null). */
  linkOnly?: boolean
  warning?: RegExp
  /** Extra facts that live in the document as found (uid, status index, proof shape …). */
  document?: (doc: Record<string, unknown>) => void
  refused?: ImportFailure
  message?: RegExp
}

// Shorthands for facts that repeat across the 1EdTech and DCC samples.
const DEADSEA = { type: 'email', hashed: true, salt: 'deadsea', identity: 'sha256$ecf5409f...1942' }
const EXAMPLE_SUBJECT = { identity: 'did:example:ebfeb1f712ebc6f1c276e12ec21' }
const ROBOTICS = 'https://example.org/robotics-badge.json'
const DID_KEY_R5Q = 'did:key:z6MknNQD...R5Q'
const DID_KEY_KKS = 'did:key:z6MkjoriXdby...KkS'
const TEAMWORK = { title: 'Teamwork', credentialName: 'Teamwork Badge' }
const EXAMPLE_CORP = { name: 'Example Corp', id: 'https://example.com/issuers/876543' }
const Y2010 = '2010-01-01T00:00:00Z'
const NO_CREDENTIAL: Facts = { refused: 'no_credential' }

const ROWS: Record<string, Facts> = {
  // ── ob2-json ──────────────────────────────────────────────────────────────────────────────
  'ob2-json/1edtech-v2-assertion-basic.json': { format: 'ob2', container: 'json', title: null, badgeUrl: ROBOTICS, issuedOn: '2016-12-31T23:59:59Z', expiresOn: null, recipient: DEADSEA },
  'ob2-json/1edtech-v2-assertion-data-image.json': { format: 'ob2', badgeUrl: ROBOTICS, imageBytes: 'image/png', issuedOn: '2016-12-31T23:59:59Z', recipient: { type: 'email', hashed: true, salt: 'deadsea' } },
  'ob2-json/1edtech-v2-assertion-endorsements.json': { format: 'ob2', title: 'Awesome Robotics Badge', issuer: { id: 'https://example.org/organization.json' }, issuedOn: '2016-12-31T23:59:59Z', recipient: { type: 'email', hashed: true, salt: 'deadsea' } },
  'ob2-json/badgr-v05-assertion.json': {
    format: 'ob0.5',
    title: 'Basic McBadge',
    issuer: { name: 'Basic Issuer', url: 'http://oldstyle.com' },
    issuedOn: '2011-12-31',
    expiresOn: null,
    recipient: { identity: 'test@example.com', hashed: false },
    document: (d) => expect((d.badge as { version: string }).version).toBe('0.5.0'),
  },
  'ob2-json/badgr-v1-assertion.json': {
    format: 'ob1',
    title: null,
    badgeUrl: 'http://a.com/badgeclass',
    issuer: { id: null, name: null, url: null },
    issuedOn: '2015-04-30',
    expiresOn: null,
    recipient: { identity: 'test@example.com', type: 'email', hashed: false },
    verifyUrl: 'http://a.com/instance',
    document: (d) => expect(d.uid).toBe('123abc'),
  },
  'ob2-json/badgr-v1-badgeclass.json': { refused: 'no_credential', message: /badge description \("Basic Badge"\)/ },
  'ob2-json/badgr-v1-issuer.json': { refused: 'no_credential', message: /issuer \("Basic Issuer"\)/ },
  'ob2-json/badgr-v2-assertion-embedded-badgeclass.json': {
    format: 'ob2',
    title: 'Embedded badgeclass',
    criteria: 'do it',
    issuer: { name: 'Basic Issuer', id: null },
    issuedOn: '2017-06-29T21:50:14+00:00',
    expiresOn: null,
    recipient: { identity: 'test@example.com', hashed: false },
    verifyUrl: 'http://a.com/assertion-embedded1',
    warning: /"verify" instead of "verification"/,
  },
  'ob2-json/nti-v05-assertion-embedded-badge.json': {
    title: 'HTML5 Fundamental',
    issuer: { name: 'P2PU', url: 'http://p2pu.org' },
    issuedOn: '2011-06-01',
    expiresOn: '2013-06-01',
    recipient: { identity: 'sha256$2ad891a6...29fe', hashed: true, salt: 'hashbrowns' },
    evidence: ['http://p2pu.org/badges/html5-basic/bimmy'],
  },
  'ob2-json/nti-v1-assertion-unix-timestamp.json': {
    format: 'ob1',
    badgeUrl: ROBOTICS,
    issuedOn: '2013-01-26T16:31:50Z',
    expiresOn: null,
    recipient: { identity: 'sha256$c7ef8640...65c5', hashed: true, salt: 'deadsea' },
    evidence: ['https://example.org/beths-robot-work.html'],
    warning: /Unix timestamp \(1359217910\)/,
  },
  // A BadgeClass (tags and a 1.0 alignment): metadata, not an awarded badge. The 1.0 `name`
  // alignment form is read from embedded badge classes (tests/core/importers/formats.test.ts).
  'ob2-json/nti-v1-badgeclass-tags-alignment.json': { refused: 'no_credential', message: /badge description \("Awesome Robotics Badge"\)/ },

  // ── ob2-jws ───────────────────────────────────────────────────────────────────────────────
  'ob2-jws/1edtech-signed-rs256.jwt': {
    format: 'ob2',
    container: 'jws',
    jws: true,
    badgeUrl: ROBOTICS,
    issuedOn: '2016-12-31T23:59:59Z',
    recipient: { type: 'email', hashed: true, salt: 'deadsea' },
  },

  // ── ob2-png ───────────────────────────────────────────────────────────────────────────────
  'ob2-png/1edtech-itxt-json-v2.png': { format: 'ob2', container: 'png', imageBytes: 'image/png', badgeUrl: ROBOTICS, issuedOn: '2016-12-31T23:59:59Z', recipient: DEADSEA, evidence: [], verifyUrl: 'https://example.org/beths-robotics-badge.json' },
  'ob2-png/backpack-text-url-legacy.png': { container: 'png', linkOnly: true, verifyUrl: 'https://example.org/assertion', sourceId: 'https://example.org/assertion' },
  'ob2-png/badgr-itxt-json-v1.png': { format: 'ob1', container: 'png', badgeUrl: 'http://a.com/badgeclass', issuedOn: '2015-04-30', recipient: { identity: 'test@example.com', hashed: false } },
  'ob2-png/bakery-py-itxt-json-v1.png': {
    format: 'ob1',
    container: 'png',
    badgeUrl: 'http://example.org/badge1',
    issuedOn: '2015-04-01',
    recipient: { identity: 'test@example.com', hashed: false, type: null },
    verifyUrl: 'http://example.org/badgeinstance1',
  },
  'ob2-png/credly-itxt-json-v2-expired.png': {
    format: 'ob2',
    container: 'png',
    title: null,
    badgeUrl: 'https://www.credly.com/api/v1/obi/v2/issuers/8b818bfd-...',
    sourceId: 'https://www.credly.com/api/v1/obi/v2/badge_assertions/a1296f6d-b3d2-4ac9-8d40-f7b56ce98607',
    issuedOn: '2009-10-20T00:00:00.000Z',
    expiresOn: '2021-10-31T00:00:00.000Z',
    recipient: { type: 'email', identity: 'sha256$11be62ad...f104', hashed: true, salt: null },
  },
  'ob2-png/edubadges-itxt-json-v2.png': {
    format: 'ob2',
    container: 'png',
    title: null,
    badgeUrl: 'http://localhost:8000/public/badges/1dLF1AfdTYqJ-CBJCosQAQ',
    issuedOn: '2021-09-21T12:28:35.713036+00:00',
    recipient: { type: 'id', hashed: true, identity: 'sha256$63e6c7c8...b8ef', salt: 'd5638816...' },
    extensions: { Language: 'nl_NL', EQF: 7, LearningOutcome: 'Will appreciate the benefits of learning a foreign language.', EducationProgramIdentifier: 56823 },
  },

  // ── ob2-svg ───────────────────────────────────────────────────────────────────────────────
  'ob2-svg/bakery-js-assertion-cdata.svg': { container: 'svg', linkOnly: true, verifyUrl: 'http://example.org', issuer: { id: null, name: null, url: null }, issuedOn: null, recipient: { identity: null } },
  'ob2-svg/bakery-py-assertion-cdata.svg': {
    container: 'svg',
    verifyUrl: 'https://example.org/assertion.json',
    badgeUrl: 'https://example.org/badge.json',
    issuedOn: '2013-11-05',
    recipient: { identity: 'sha256$cbb08ce0...0fed', type: 'email', hashed: true },
    warning: /swapped/,
    document: (d) => expect(d.uid).toBe('abcdef12345'),
  },
  'ob2-svg/edubadges-assertion-v2.svg': {
    format: 'ob2',
    container: 'svg',
    verifyUrl: 'http://localhost:8000/public/assertions/0SiqaDWfS3CXi2gCg72j_A',
    badgeUrl: '...badges/GFhnhuqSSHyTdJwiJwozwA',
    issuedOn: '2021-09-22T13:39:24.228929+00:00',
    recipient: { type: 'id', hashed: true, identity: 'sha256$29ab2148...2604', salt: 'cf683b44...' },
    extensions: { Language: 'en_EN', LearningOutcome: 'LOL' },
  },

  // ── ob3-json ──────────────────────────────────────────────────────────────────────────────
  'ob3-json/1edtech-complete.json': {
    format: 'ob3',
    title: '1EdTech University Degree',
    achievementType: 'Degree',
    achievement: { fieldOfStudy: 'Research', specialization: 'Computer Science Research', humanCode: 'R1', creditsAvailable: 36 },
    credentialName: '1EdTech University Degree for Example Student',
    issuer: { name: '1EdTech University', id: 'https://1edtech.edu/issuers/565049' },
    issuedOn: Y2010,
    expiresOn: '2030-01-01T00:00:00Z',
    recipient: EXAMPLE_SUBJECT,
    identifiers: [
      { identity: 'student@1edtech.edu', type: 'emailAddress', hashed: false },
      { identity: 'somebody@gmail.com', type: 'emailAddress', hashed: false },
    ],
    tags: ['research', 'computer science'],
    alignments: ['1EdTech University Degree', '1EdTech University Degree'],
    evidence: ['https://1edtech.edu/credentials/3732/evidence/1', 'https://github.com/somebody/project'], // 'Final Project Report', 'Final Project Code'
    document: (d) => expect((d.credentialStatus as { type: string }).type).toBe('1EdTechRevocationList'),
  },
  'ob3-json/1edtech-did-key-no-fragment.json': {
    format: 'ob3',
    title: 'test 1',
    achievementType: 'Achievement',
    credentialName: 'test 1',
    issuer: { name: 'Andy F. Miller', id: 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164' },
    issuedOn: '2022-11-10T07:38:00-08:00',
    recipient: { identity: 'urn:uuid:6f2e33e5-...' },
  },
  'ob3-json/1edtech-did-web-method.json': {
    ...TEAMWORK,
    issuer: { name: 'Example Corp', id: 'https://1edtech.edu/issuers/565049' },
    issuedOn: Y2010,
    awardedOn: Y2010,
    recipient: { identity: 'did:web:dc.1edtech.org:wellspring2022:wellspring-portal:learner:e42a88f4-...', name: "Xavi Aracil's Teamwork Badge" },
  },
  'ob3-json/1edtech-ecdsa-sd-derived.json': { title: 'Teamwork', credentialName: null, issuer: { name: 'Example Corp', id: 'https://1edtech.edu/issuers/565049' }, issuedOn: Y2010, recipient: EXAMPLE_SUBJECT },
  'ob3-json/1edtech-eddsa-2022-legacy-suite.json': { title: 'some name', credentialName: 'Some name', issuer: { id: 'https://example.com/issuers/876543', name: null }, issuedOn: '2022-11-27T00:00:00Z', recipient: { identity: 'did:1edtech:1' } },
  'ob3-json/1edtech-endorsement.json': {
    format: 'ob3',
    title: 'Example endorsement',
    credentialName: 'Example endorsement',
    description: '1EdTech University is in good standing',
    recipient: { identity: 'https://1edtech.edu/issuers/565049' },
    issuer: { name: 'State Department of Education', id: 'https://state.gov/issuers/565049' },
    issuedOn: Y2010,
    expiresOn: '2030-01-01T00:00:00Z',
  },
  'ob3-json/1edtech-simple-eddsa.json': { ...TEAMWORK, issuer: EXAMPLE_CORP, issuedOn: Y2010, recipient: EXAMPLE_SUBJECT },
  'ob3-json/1edtech-status-revoked-bitstring.json': {
    title: 'Achievement 1',
    achievementType: 'Achievement',
    credentialName: 'ob3-credential-status-revoked.json',
    issuer: { name: '1EdTech Testing', id: 'https://1edtech.edu/issuers/565049' },
    issuedOn: '2023-05-23T01:10:41Z',
    awardedOn: '2023-05-22T10:21:00Z',
    recipient: { identity: 'did:web:dc.1edtech.org:...learner:6896f98f-...' },
    document: (d) => expect((d.credentialStatus as { statusListIndex: unknown }).statusListIndex).toBe(23),
  },
  'ob3-json/1edtech-vc1-eddsa.json': { ...TEAMWORK, issuer: EXAMPLE_CORP, issuedOn: Y2010, recipient: EXAMPLE_SUBJECT },
  'ob3-json/dcc-vc1-dualproof-didkey-degree-status.json': {
    title: 'Mock Bachelor of Science in Biology',
    achievementType: 'BachelorDegree',
    achievement: { fieldOfStudy: 'Biology' },
    fields: ['Biology'],
    credentialName: 'Taylor Tuna - Mock Bachelor of Science Degree in Biology',
    issuer: { name: 'Massachusetts Institute of Technology', id: 'did:key:z6Mki7DqKQsw...gEw' },
    issuedOn: '2025-01-09T15:06:31Z',
    recipient: { name: 'Taylor Tuna' },
    document: (d) => expect(String((d.credentialStatus as { statusListIndex: unknown }).statusListIndex)).toBe('7'),
  },
  'ob3-json/dcc-vc1-ed25519-didkey-issuer-image.json': {
    title: 'Introduction to Wonderfullness',
    credentialName: 'A Simply Wonderful Course',
    issuer: { name: 'University of Wonderful', url: 'https://wonderful.edu/', id: DID_KEY_R5Q },
    issuedOn: '2020-01-01T00:00:00Z',
    recipient: { identity: null, name: null },
  },
  'ob3-json/dcc-vc1-eddsa-didweb.json': {
    title: 'Badge',
    achievementType: 'Diploma',
    credentialName: 'DCC Test Credential',
    issuer: { name: 'Digital Credentials Consortium Test Issuer', id: 'did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf' },
    issuedOn: '2025-01-09T15:06:31Z',
    recipient: { name: 'Jane Doe' },
  },
  'ob3-json/dcc-vc2-dualproof-didkey-endorsement.json': {
    format: 'ob3',
    title: 'SDE endorsement',
    credentialName: 'SDE endorsement',
    achievementType: null,
    description: '1EdTech University is in good standing',
    recipient: { identity: 'https://1edtech.edu/issuers/565049' },
    issuer: { name: 'State Department of Education', id: DID_KEY_R5Q },
    issuedOn: Y2010,
    expiresOn: '2030-01-01T00:00:00Z',
  },
  'ob3-json/dcc-vc2-ed25519-didkey-lcw-experience.json': {
    title: 'LCW Experience Badge',
    achievementType: 'Badge',
    credentialName: 'LCW Experience Badge',
    issuer: { name: 'Digital Credentials Consortium', id: 'did:key:z6MktL8XGbuY...kW' },
    issuedOn: '2026-01-23T15:11:55.521Z',
    recipient: { name: 'Zoey Zebrafish' },
  },
  'ob3-json/dcc-vc2-ed25519-didkey.json': {
    format: 'ob3',
    ...TEAMWORK,
    issuer: { name: 'Example Corp', id: 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q' },
    issuedOn: Y2010,
    expiresOn: null,
    recipient: EXAMPLE_SUBJECT,
  },
  'ob3-json/dcc-vc2-eddsa-didkey-alignments.json': {
    title: 'Text analysis',
    credentialName: 'Example University Degree',
    issuer: { name: 'Example University', id: DID_KEY_R5Q },
    issuedOn: Y2010,
    recipient: EXAMPLE_SUBJECT,
    alignments: ['Requirements Analysis', 'Requirements Analysis'],
    alignmentFramework: 'Edmonds College Course Catalog',
  },
  'ob3-json/dcc-vc2-eddsa-didkey-complex-issuer.json': {
    title: 'Bachelors - v2 - complex issuer',
    credentialName: 'A marvel',
    issuer: { name: 'Bestest Ever University', url: 'https://bestest.edu', id: DID_KEY_KKS },
    issuedOn: Y2010,
    expiresOn: '9999-01-02T00:00:00Z',
    recipient: { name: 'Sam Salmon', identity: null },
  },
  'ob3-json/dcc-vc2-eddsa-didkey-identityhash.json': {
    title: 'Truth, veracity, candor, and verisimilitude.',
    achievementType: 'Program',
    credentialName: null,
    issuer: { name: 'The Learned', id: DID_KEY_KKS },
    issuedOn: '2025-02-24T00:00:00Z',
    recipient: { identity: 'Parker Pearl', type: 'name', hashed: false },
    identifiers: [{ identity: 'Parker Pearl', type: 'name', hashed: false }],
    warning: /not a valid UUID/,
  },
  'ob3-json/dcc-vc2-eddsa-didkey-minimal.json': {
    format: 'vc',
    title: null,
    credentialName: null,
    issuer: { id: DID_KEY_R5Q, name: null },
    issuedOn: null,
    recipient: { name: 'James Chartrand' },
    warning: /kind Skillfolio does not know/,
  },

  // ── ob3-jwt ───────────────────────────────────────────────────────────────────────────────
  'ob3-jwt/1edtech-vc1-rs256-hosted-key.jwt': {
    format: 'ob3',
    container: 'jwt',
    jws: true,
    title: 'Example University Degree',
    credentialName: 'Example University Degree',
    issuer: { name: 'Example University', id: 'https://example.edu/issuers/565049' },
    issuedOn: Y2010,
    recipient: EXAMPLE_SUBJECT,
  },
  'ob3-jwt/velocity-vc1-rs256-did-velocity.jwt': {
    format: 'ob3',
    container: 'jwt',
    jws: true,
    title: 'Velocity Network Board Member 2022',
    credentialName: 'Velocity Network Board Member 2022',
    issuer: { id: 'did:web:registrar%3A3000:d:www.acmecorp-zrnkgupzazhhustuwbufc.com', name: null },
    issuedOn: '2022-12-31T00:00:00Z',
    recipient: { identity: 'did:jwk:...' },
  },

  // ── ob3-png ───────────────────────────────────────────────────────────────────────────────
  'ob3-png/1edtech-itxt-json.png': { format: 'ob3', container: 'png', jws: false, imageBytes: 'image/png', ...TEAMWORK, issuer: EXAMPLE_CORP, issuedOn: Y2010, recipient: EXAMPLE_SUBJECT },
  'ob3-png/1edtech-itxt-jwt-vc1.png': {
    format: 'ob3',
    container: 'png',
    jws: true,
    title: 'Teamwork',
    credentialName: 'Example University Degree',
    issuer: { name: 'Example University', id: 'https://example.edu/issuers/565049' },
    issuedOn: Y2010,
    recipient: EXAMPLE_SUBJECT,
  },
  'ob3-png/1edtech-itxt-jwt.png': { format: 'ob3', container: 'png', jws: true, ...TEAMWORK, issuer: { name: 'Example Corp', id: 'https://1edtech.edu/issuers/565049' }, issuedOn: Y2010, recipient: EXAMPLE_SUBJECT },

  // ── ob3-svg ───────────────────────────────────────────────────────────────────────────────
  'ob3-svg/1edtech-cdata-json.svg': { format: 'ob3', container: 'svg', jws: false, imageBytes: 'image/svg+xml', ...TEAMWORK, issuer: EXAMPLE_CORP, issuedOn: Y2010, recipient: EXAMPLE_SUBJECT },
  'ob3-svg/1edtech-verify-jwt-vc1.svg': {
    format: 'ob3',
    container: 'svg',
    jws: true,
    title: 'Teamwork',
    credentialName: 'Example University Degree',
    issuer: { name: 'Example University', id: 'https://example.edu/issuers/565049' },
    issuedOn: Y2010,
    recipient: EXAMPLE_SUBJECT,
  },
  'ob3-svg/andamio-didweb-cdata.svg': {
    format: 'ob3',
    container: 'svg',
    title: 'About Andamio Issuer',
    credentialName: 'About Andamio Issuer',
    issuer: { name: 'Andamio', id: 'did:web:credentials.andamio.io', url: 'https://credentials.andamio.io' },
    issuedOn: '2026-07-01T00:00:00Z',
    recipient: { identity: 'urn:andamio:course:ae19...' },
    document: (d) => {
      expect(Array.isArray(d.proof)).toBe(true)
      expect((d.credentialStatus as { statusPurpose: string }).statusPurpose).toBe('suspension')
    },
  },

  // ── clr ───────────────────────────────────────────────────────────────────────────────────
  'clr/1edtech-clr2-complex.json': {
    format: 'clr2',
    title: 'Ellis Monday',
    issuer: { name: 'Western High School, RSD', id: 'urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795' },
    issuedOn: '2022-12-05T21:39:07Z',
    recipient: { identity: 'urn:uuid:360a0e1e-...' },
    contents: { count: 6, titles: ['Nurse Assistant 1 Program with Licensure', 'Health Careers 1', 'Human Anatomy and Physiology', 'Intro to Health Careers', 'Nurse Assisting 1'] },
    warning: /bundles 6 credentials/,
  },
  'clr/1edtech-clr2-noproof.json': {
    format: 'clr2',
    title: 'Sample Transcript',
    issuer: { name: 'Example University' },
    issuedOn: Y2010,
    contents: { count: 1, titles: ['Example University Degree'], achievements: ['Achievement 1', 'Achievement 2'] },
  },
  'clr/1edtech-clr2-simple.json': {
    format: 'clr2',
    title: 'Sample Transcript',
    issuer: { name: 'Example University', id: 'https://example.edu/issuers/565049' },
    issuedOn: Y2010,
    recipient: EXAMPLE_SUBJECT,
    contents: { count: 1, titles: ['Teamwork Badge'], achievements: ['Achievement 1', 'Achievement 2'] },
  },
  'clr/1edtech-clr2-simple.jwt': {
    format: 'clr2',
    container: 'jwt',
    jws: true,
    title: 'Sample Transcript',
    issuer: { name: 'Example University', id: 'https://example.edu/issuers/565049' },
    issuedOn: Y2010,
    recipient: EXAMPLE_SUBJECT,
  },
  'clr/1edtech-clr2-vc1.json': { format: 'clr2', title: 'Ellis Monday', issuer: { name: 'Western High School, RSD' }, issuedOn: '2022-12-05T21:39:07Z', contents: { count: 6 } },

  // ── blockcerts ────────────────────────────────────────────────────────────────────────────
  'blockcerts/v1-2-testnet-valid.json': {
    format: 'blockcerts',
    title: 'Game of Thrones Character',
    issuer: { name: 'Game of thrones issuer' },
    issuedOn: '2016-10-03',
    recipient: { name: 'Arya Stark', identity: 'aryaxyz@starkxyz.com', hashed: false },
  },
  'blockcerts/v2-mocknet-valid.json': {
    format: 'blockcerts',
    title: 'Certificate of Accomplishment',
    issuer: { name: 'University of Learning' },
    issuedOn: '2017-06-29T14:58:57.461422+00:00',
    recipient: { name: 'Eularia Landroth', identity: 'eularia@landroth.org' },
  },
  'blockcerts/v2-testnet-valid.json': {
    format: 'blockcerts',
    title: 'Certificate of Accomplishment',
    issuer: { name: 'University of Learning' },
    issuedOn: '2017-06-29T14:58:57.461422+00:00',
    recipient: { name: 'Eularia Landroth', identity: 'eularia@landroth.org', hashed: false },
    document: (d) => expect((d.badge as { signatureLines: { jobTitle: string }[] }).signatureLines[0]!.jobTitle).toBe('University Issuer'),
  },
  'blockcerts/v3-beta.json': {
    format: 'blockcerts',
    title: null,
    issuer: { id: 'https://raw.githubusercontent.com/blockchain-certificates/cert-issuer/master/examples/issuer/profile.json' },
    issuedOn: '2010-01-01T19:33:24Z',
    recipient: EXAMPLE_SUBJECT,
    document: (d) => expect((d.display as { content: string }).content).toContain('<h1>Some content</h1>'),
  },
  'blockcerts/v3-didkey-chained-proof.json': {
    format: 'blockcerts',
    title: 'Master of Puppets',
    description: 'Awarded to those who rock',
    issuer: { id: 'did:key:zQ3shQHqLdkCacGpenXzbXZLqBbDeKfxgbxJgDSi1hoajzzg8' },
    issuedOn: '2022-07-13T20:21:40.088Z',
    recipient: { name: 'Julien Fraichot' },
  },
  'blockcerts/v3-testnet-did.json': {
    format: 'blockcerts',
    title: 'V3 issuance',
    description: 'A v3 working example for test purposes',
    issuer: { name: 'Hyland Innovation Team', id: 'did:ion:EiA_Z6LQ...' },
    issuedOn: '2022-02-02T15:00:00Z',
    recipient: { name: 'Julien Fraichot' },
  },
  'blockcerts/v3-vc2-multilingual.json': {
    format: 'blockcerts',
    title: 'Canadian Id Card',
    issuer: { id: 'https://www.blockcerts.org/samples/3.0/issuer-blockcerts.json' },
    issuedOn: '2024-03-01T00:00:00Z',
    expiresOn: '2039-02-28T23:59:59Z',
    recipient: { name: 'John Smith' },
  },

  // ── edc ───────────────────────────────────────────────────────────────────────────────────
  'edc/mynextid-degree-jades-signed.jsonld': {
    format: 'edc',
    title: 'Title of Activity',
    awardedBy: { name: 'NETIS d.o.o.' },
    recipient: { name: 'John Doe', identity: '...@netis.si' },
    document: (d) => {
      expect(typeof d.payload).toBe('string')
      expect(Array.isArray(d.signatures)).toBe(true)
    },
  },
  'edc/mynextid-degree-unsigned.json': {
    format: 'edc',
    title: 'Title of Activity',
    awardedBy: { name: 'NETIS d.o.o.' },
    issuer: { id: 'urn:epass:org:d6509a99-...' },
    issuedOn: '2026-01-12T08:58:28Z',
    recipient: { name: 'John Doe', identity: 'recipient@example.com' },
    fields: ['Math'],
  },

  // ── invalid ───────────────────────────────────────────────────────────────────────────────
  'invalid/blockcerts-v2-revoked.json': {
    format: 'blockcerts',
    title: 'Certificate of Accomplishment',
    issuer: { name: 'University of Learning' },
    issuedOn: '2017-07-20T09:33:47.490752+00:00',
    recipient: { name: 'Eularia Landroth' },
  },
  'invalid/blockcerts-v2-tampered-hashes.json': {
    format: 'blockcerts',
    title: 'This is the certificate title',
    issuer: { name: 'Issuer Institution Name' },
    issuedOn: '2017-05-02',
    recipient: { identity: 'aryaxyz@starkxyz.com', name: 'Someone Else' },
    warning: /profile is stored inside "recipient"/,
  },
  'invalid/blockcerts-v3-expired.json': {
    format: 'blockcerts',
    title: 'Master of Puppets',
    issuer: { id: 'https://www.blockcerts.org/samples/3.0/issuer-blockcerts.json' },
    issuedOn: '2022-07-13T20:21:40.088Z',
    expiresOn: '2024-01-05T00:00:00.000Z',
    recipient: { name: 'Julien Fraichot' },
  },
  'invalid/blockcerts-v3-tampered.json': {
    format: 'blockcerts',
    title: 'Julien is the best',
    issuer: { name: 'Hyland Innovation Team', id: 'did:ion:...' },
    issuedOn: '2022-02-02T15:00:00Z',
    sourceId: '13172c8c-efa5-49e1-9f69-a67ba6bd9937',
    warning: /lacks "urn:uuid:"/,
  },
  'invalid/ob2-jws-revoked.jwt': {
    format: 'ob2',
    container: 'jws',
    jws: true,
    sourceId: 'https://example.org/beths-robotics-badge-revoked.json',
    badgeUrl: 'https://example.org/badge-from-organization-with-revocation-list.json',
    issuedOn: '2016-12-31T23:59:59Z',
  },
  'invalid/ob2-png-actually-json.png': { refused: 'unknown_format', message: /JSON.*name ends in \.png/ },
  'invalid/ob2-svg-bad-json.svg': { refused: 'invalid_json', message: /SVG/ },
  'invalid/ob2-svg-empty-cdata.svg': { container: 'svg', linkOnly: true, verifyUrl: 'http://example.org' },
  'invalid/ob2-v1-assertion-bad-date.json': {
    issuedOn: null,
    badgeUrl: 'http://a.com/badgeclass',
    recipient: { identity: 'test@example.com' },
    warning: /"2015-04-31" is not a real date \(April 2015 has 30 days\)/,
  },
  'invalid/ob2-v1-assertion-missing-badge.json': { refused: 'invalid_credential', message: /which badge/ },
  'invalid/ob2-v1-issuer-invalid-json.json': { refused: 'invalid_json', message: /line 4/ },
  'invalid/ob2-v2-expired.json': { format: 'ob2', badgeUrl: ROBOTICS, issuedOn: '2016-12-31T23:59:59Z', expiresOn: '2022-11-15T23:59:59Z', recipient: DEADSEA },
  'invalid/ob2-v2-invalid-context.json': { format: 'ob2', issuedOn: '2016-12-31T23:59:59Z', badgeUrl: ROBOTICS, warning: /not the Open Badges 2\.0 context/ },
  'invalid/ob2-v2-issued-in-future.json': { format: 'ob2', issuedOn: '2100-12-31T23:59:59Z', badgeUrl: ROBOTICS },
  'invalid/ob3-bad-context.json': { format: 'ob3', title: 'Example University Degree', credentialName: 'Example University Degree', issuer: { name: 'Example University' }, warning: /@context/ },
  'invalid/ob3-bad-proof-value.json': { ...TEAMWORK, issuer: EXAMPLE_CORP, issuedOn: Y2010 },
  'invalid/ob3-empty-file.json': { refused: 'empty' },
  'invalid/ob3-expired-vc1.json': {
    title: 'Badge',
    achievementType: 'Diploma',
    credentialName: 'DCC Test Credential',
    issuer: { name: 'Digital Credentials Consortium Test Issuer' },
    issuedOn: '2025-01-09T15:06:31Z',
    expiresOn: '2025-01-09T16:23:24Z',
    recipient: { name: 'Jane Doe' },
  },
  'invalid/ob3-expired-vc2.json': { ...TEAMWORK, issuer: { name: 'Example Corp' }, issuedOn: Y2010, expiresOn: '2011-01-01T00:00:00Z' },
  'invalid/ob3-missing-issuer.json': { title: 'Example University Degree', credentialName: 'Example University Degree', issuer: { id: null, name: null, url: null }, issuedOn: Y2010, warning: /does not name its issuer/ },
  'invalid/ob3-no-proof.json': { title: 'Example University Degree', credentialName: 'Example University Degree', issuer: { name: 'Example University', id: 'https://example.edu/issuers/565049' }, issuedOn: Y2010 },
  'invalid/ob3-not-yet-valid.json': {
    title: "A credential that isn't yet valid",
    credentialName: 'A marvel',
    issuer: { name: 'Bestest Ever University' },
    issuedOn: '2099-01-01T00:00:00Z',
    expiresOn: '9999-01-02T00:00:00Z',
    recipient: { name: 'Sam Salmon' },
  },
  'invalid/ob3-revoked-status.json': {
    title: 'Bachelors - v2 - revoked',
    credentialName: 'Teamwork Badge',
    issuer: { name: 'Example Corp', id: DID_KEY_KKS },
    issuedOn: Y2010,
    recipient: { name: 'Sam Salmon' },
    document: (d) => {
      const status = d.credentialStatus as { statusListIndex: unknown; statusListCredential: string }
      expect(String(status.statusListIndex)).toBe('8')
      expect(status.statusListCredential).toMatch(/^https:\/\/raw\.githubusercontent\.com\/digitalcredentials\/verifier-core\/.*\/status\/e5WK8CbZ1GjycuPombrj$/)
    },
  },
  'invalid/ob3-tampered-ed25519.json': { title: 'A tampered credential', credentialName: 'Teamwork Badge', issuer: { name: 'Example Corp', id: DID_KEY_R5Q }, issuedOn: Y2010 },
  'invalid/ob3-unknown-did-method.json': { title: 'Teamwork', issuer: { name: 'Example Corp' }, issuedOn: Y2010 },
  'invalid/ob3-unknown-type.json': {
    format: 'vc',
    credentialName: 'Example University Degree',
    issuer: { name: 'Example University' },
    issuedOn: Y2010,
    warning: /VerifiableCredential, OtherCredential/,
  },
  'invalid/ob3-unresolvable-did-web.json': {
    title: 'Masters - v2 - unrevoked',
    credentialName: 'Teamwork Badge',
    issuer: { name: 'Example Corp', id: 'did:web:digitalcredentials.github.io:dcc-did-web-bad' },
    issuedOn: Y2010,
    recipient: { name: 'Taylor Tuna' },
  },

  // ── support: documents the verifier uses, never credentials ─────────────────────────────
  'support/contexts/andamio-context-v1.jsonld': { refused: 'no_credential', message: /JSON-LD context/ },
  'support/did/andamio-did.json': { refused: 'no_credential', message: /DID document/ },
  'support/did/dcc-fixtures-oidf-did.json': { refused: 'no_credential', message: /DID document/ },
  'support/ob2-hosted/badge-from-organization-with-revocation-list.json': { refused: 'no_credential', message: /badge description \("Awesome Robotics Badge"\)/ },
  'support/ob2-hosted/key1.json': { refused: 'no_credential', message: /public key/ },
  'support/ob2-hosted/key3.json': { refused: 'no_credential', message: /public key/ },
  'support/ob2-hosted/organization-with-revocation-list.json': NO_CREDENTIAL,
  'support/ob2-hosted/organization.json': { refused: 'no_credential', message: /issuer \("An Example Badge Issuer"\)/ },
  'support/ob2-hosted/revocation-list.json': { refused: 'no_credential', message: /revoked badges/ },
  'support/ob2-hosted/robotics-badge.json': { refused: 'no_credential', message: /badge description \("Awesome Robotics Badge"\)/ },
  'support/status/1edtech-testlist.json': { refused: 'no_credential', message: /status list/ },
  'support/status/andamio-key-epoch-2026-07.json': { refused: 'no_credential', message: /status list/ },
  'support/status/dcc-fixtures-statuslist-e5wk8cbz1gjycupombrj.json': { refused: 'no_credential', message: /status list/ },
}

/** "a...b...c": starts with a, then b somewhere after, ends with c; without "..." equal. */
function like(actual: string | null | undefined, expected: string | null): void {
  if (expected === null || !expected.includes('...')) {
    expect(actual).toBe(expected)
    return
  }
  const parts = expected.split('...')
  const matches = (a: unknown) => {
    if (typeof a !== 'string' || !a.startsWith(parts[0]!) || !a.endsWith(parts[parts.length - 1]!)) return false
    let at = parts[0]!.length
    for (const middle of parts.slice(1, -1)) {
      const found = a.indexOf(middle, at)
      if (found < 0) return false
      at = found + middle.length
    }
    return at <= a.length - parts[parts.length - 1]!.length
  }
  expect(actual, `expected ${actual} to look like ${expected}`).toSatisfy(matches)
}

function check(c: ParsedCredential, f: Facts, bytes: Uint8Array): void {
  const direct = ['format', 'container', 'title', 'credentialName', 'description', 'criteria', 'achievementType', 'issuedOn', 'expiresOn', 'awardedOn', 'sourceId'] as const
  for (const key of direct) if (f[key] !== undefined) like(c[key] as string | null, f[key] as string | null)
  for (const [key, value] of Object.entries(f.issuer ?? {})) like(c.issuer[key as keyof ParsedCredential['issuer']], value)
  if (f.awardedBy) expect(c.awardedBy).toMatchObject(f.awardedBy)
  for (const [key, value] of Object.entries(f.recipient ?? {})) {
    const actual = c.recipient[key as keyof typeof c.recipient]
    if (typeof value === 'string' || value === null) like(actual as string | null, value)
    else expect(actual, `recipient.${key}`).toBe(value)
  }
  if (f.achievement) expect(c.achievement).toMatchObject(f.achievement)
  if (f.identifiers) expect(c.recipient.identifiers).toMatchObject(f.identifiers)
  const names = (source: string) => c.skills.filter((s) => s.source === source).map((s) => s.name)
  // Every alignment the file holds: those naming a skill, then levels, programmes … (alignments.ts).
  if (f.alignments) expect([...names('alignment'), ...(c.otherAlignments ?? []).map((a) => a.name)]).toEqual(f.alignments)
  if (f.alignmentFramework) expect(c.skills.find((s) => s.source === 'alignment')?.framework).toBe(f.alignmentFramework)
  if (f.tags) expect(names('tag')).toEqual(f.tags)
  if (f.fields) expect(names('field')).toEqual(expect.arrayContaining(f.fields))
  if (f.badgeUrl !== undefined) like(c.urls.badge, f.badgeUrl)
  if (f.verifyUrl !== undefined) expect(c.urls.verify).toBe(f.verifyUrl)
  if (f.evidence) expect(c.urls.evidence).toEqual(f.evidence)
  if (f.imageBytes) {
    expect(c.image && 'bytes' in c.image ? c.image.mediaType : null).toBe(f.imageBytes)
    if (c.container === 'json' && c.image && 'bytes' in c.image) expect([...c.image.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    else if (c.image && 'bytes' in c.image) expect(c.image.bytes).toBe(bytes)
  }
  if (f.contents) {
    expect(c.contents?.credentialCount).toBe(f.contents.count)
    if (f.contents.titles) expect(c.contents?.credentialTitles).toEqual(expect.arrayContaining(f.contents.titles))
    if (f.contents.achievements) expect(c.contents?.achievementTitles).toEqual(f.contents.achievements)
  }
  if (f.extensions) expect(c.extensions).toMatchObject(f.extensions)
  if (f.jws !== undefined) {
    expect(c.jws !== null).toBe(f.jws)
    if (f.jws) expect(c.document).toBe(c.jws)
  }
  if (f.linkOnly) {
    expect(c.title).toBeNull()
    expect(c.urls.verify).not.toBeNull()
    expect(c.warnings.join(' ')).toMatch(/only a link/)
  }
  if (f.warning) expect(c.warnings.join('\n')).toMatch(f.warning)
  if (f.document) {
    const doc = c.jws !== null ? JSON.parse(Buffer.from(c.jws.split('.')[1]!, 'base64url').toString('utf8')) : c.document
    f.document(doc as Record<string, unknown>)
  }
}

describe.skipIf(!DIR)('MANIFEST rows (../shared/fixtures/credentials)', () => {
  it('has exactly one row here per file listed in MANIFEST.md, and every listed file exists', () => {
    const manifest = readFileSync(join(DIR!, 'MANIFEST.md'), 'utf8')
    const listed = [...manifest.matchAll(/^\| `([^`]+)` \(/gm)].map((m) => m[1]!)
    expect(listed.length).toBeGreaterThanOrEqual(100)
    expect(Object.keys(ROWS).sort()).toEqual([...listed].sort())
    const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => walk(join(p, f))) : [relative(DIR!, p)])
    const onDisk = walk(DIR!).filter((f) => f !== 'MANIFEST.md')
    expect(onDisk.sort()).toEqual([...listed].sort())
  })

  for (const [file, facts] of Object.entries(ROWS)) {
    it(file, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR!, file)))
      if (facts.refused) {
        let error: unknown
        try {
          readCredentialFile(bytes, file.split('/').pop()!)
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(ImportError)
        expect((error as ImportError).reason).toBe(facts.refused)
        if (facts.message) expect((error as ImportError).message).toMatch(facts.message)
        return
      }
      check(readCredentialFile(bytes, file.split('/').pop()!), facts, bytes)
    })
  }
})
