import { describe, expect, it } from 'vitest'
import { parseJson, MAX_JSON_DEPTH } from '../../../electron/core/importers/json'
import { decodeJws } from '../../../electron/core/importers/jws'
import { OB2_ASSERTION, OB3_CREDENTIAL, ob3Jwt } from '../../fixtures/importers/make-fixtures'
import { expectRefused, read, refusal } from './helpers'

const b64 = (o: unknown) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url')
const jws = (header: unknown, payload: unknown, sig = 'c2ln') => `${b64(header)}.${b64(payload)}.${sig}`
const HS = { alg: 'HS256', typ: 'JWT' }

describe('JWS / JWT', () => {
  it('decodes an OB 2.0 signed assertion (container jws) and a VC-JWT (container jwt)', () => {
    const ob2 = read(jws({ alg: 'RS256' }, { ...OB2_ASSERTION, verification: { type: 'signed', creator: 'https://k.example/key1' } }), 'a.jws')
    expect(ob2).toMatchObject({ format: 'ob2', container: 'jws', title: 'Data Pipelines Practitioner' })
    expect(ob2.document).toBe(ob2.jws)
    expect(ob2.urls.verify).toBeNull()
    const vc = read(ob3Jwt(), 'c.jwt')
    expect(vc).toMatchObject({ format: 'ob3', container: 'jwt', title: 'Cloud Security Foundations', issuedOn: '2025-01-20T09:30:00Z' })
  })

  it('reads the credential at the top level of the payload too', () => {
    const c = read(jws(HS, { ...OB3_CREDENTIAL, iss: 'https://x.example', nbf: 1 }), 'c.jwt')
    expect(c).toMatchObject({ container: 'jwt', title: 'Cloud Security Foundations', issuedOn: '2025-01-20T09:30:00Z' })
  })

  it('falls back to the registered claims when the VC leaves them out', () => {
    const bare = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { achievement: { name: 'Claims only' } } }
    const c = read(jws(HS, { vc: bare, iss: 'did:example:issuer', nbf: 1262304000, exp: 1893456000, jti: 'urn:uuid:2f9c1c1e-8a4b-4c2d-9e0f-1a2b3c4d5e6f', sub: 'did:example:me' }), 'c.jwt')
    expect(c).toMatchObject({
      title: 'Claims only',
      sourceId: 'urn:uuid:2f9c1c1e-8a4b-4c2d-9e0f-1a2b3c4d5e6f',
      issuer: { id: 'did:example:issuer' },
      issuedOn: '2010-01-01T00:00:00Z',
      expiresOn: '2030-01-01T00:00:00Z',
      recipient: { identity: 'did:example:me', type: 'id' },
    })
  })

  it('refuses damaged tokens with a typed reason', () => {
    expectRefused(`${b64('{"alg": ')}.${b64(OB2_ASSERTION)}.c2ln`, 'corrupt', /header is not readable/, 'a.jwt')
    expectRefused(jws({ typ: 'JWT' }, OB2_ASSERTION), 'corrupt', /does not name a signature algorithm/, 'a.jwt')
    expectRefused(`${b64(HS)}.${b64('{"vc": ')}.c2ln`, 'corrupt', /payload is not readable/, 'a.jwt')
    expectRefused(jws(HS, [1, 2, 3]), 'invalid_credential', /payload is not an object/, 'a.jwt')
    expectRefused(jws({ alg: 'HS256', b64: false }, OB2_ASSERTION), 'unknown_format', /unencoded payload/, 'a.jwt')
    expect(refusal(() => decodeJws(`${b64(HS)}..c2ln`)).reason).toBe('corrupt')
    expect(refusal(() => decodeJws('not a token')).reason).toBe('corrupt')
  })

  it('applies the JSON limits to the payload', () => {
    expectRefused(jws(HS, JSON.parse('['.repeat(200) + ']'.repeat(200))), 'too_complex', /nested more than/, 'a.jwt')
  })
})

describe('JSON with limits', () => {
  it('parses up to the depth limit and refuses one level more', () => {
    expect(parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeInstanceOf(Array)
    const e = refusal(() => parseJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)))
    expect(e.reason).toBe('too_complex')
  })

  it('does not count brackets inside strings, including escaped quotes', () => {
    const deepInString = JSON.stringify({ note: `\\"${'['.repeat(500)}{"` })
    expect(parseJson(deepInString)).toEqual(JSON.parse(deepInString))
  })

  it('says where a syntax error is, in plain words', () => {
    const e = refusal(() => parseJson('{\n  "name": "Basic Issuer"\n  "url": "x"\n}'))
    expect(e.reason).toBe('invalid_json')
    expect(e.message).toMatch(/^This file looks like JSON but is not valid JSON \(there is a mistake on line 3, character \d+\), so it cannot be read\.$/)
    expect(refusal(() => parseJson('{"a": [1, 2')).message).toMatch(/not valid JSON/)
  })

  it('refuses too many containers', () => {
    const wide = `[${Array.from({ length: 200_001 }, () => '[]').join(',')}]`
    expect(refusal(() => parseJson(wide)).reason).toBe('too_complex')
  })
})
