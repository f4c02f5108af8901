/**
 * The one mapping from verdicts to the word lists show, checked for every combination of the
 * four verdicts: "Verified" needs every check, a failed check is "Problem", nothing whose
 * signature was not checked is called signed or genuine, and the headline names every check.
 */
import { describe, expect, it } from 'vitest'
import { TRUST_LEVELS } from '../../electron/shared/schemas'
import { failedCheck, humanDate, TRUST_WORDS, trustOf, verificationHeadline, verificationRank } from '../../electron/shared/verdict'
import { ISSUER_VERDICTS, SIGNATURE_VERDICTS, STATUS_VERDICTS, VALIDITY_VERDICTS, type VerificationResult } from '../../electron/shared/verification'

const combos = SIGNATURE_VERDICTS.flatMap((signature) =>
  VALIDITY_VERDICTS.flatMap((validity) => STATUS_VERDICTS.flatMap((status) => ISSUER_VERDICTS.map((issuer) => ({ signature, validity, status, issuer })))),
)

function result(c: (typeof combos)[number], online = false): VerificationResult {
  return {
    signature: { verdict: c.signature, detail: 'signature detail', method: 'eddsa-rdfc-2022', keyId: 'did:key:z6Mk' },
    validity: { verdict: c.validity, detail: 'dates detail', validFrom: '2010-01-01T00:00:00.000Z', validUntil: '2030-06-15T00:00:00.000Z' },
    status: { verdict: c.status, detail: 'status detail' },
    issuer: { verdict: c.issuer, detail: 'issuer detail', basis: c.issuer === 'confirmed' ? 'did:key' : null, issuerId: 'did:key:z6Mk', signerKey: 'z6Mk', keySource: 'did:key' },
    checkedAt: '2026-11-28T12:00:00.000Z',
    online,
  }
}

describe('trust words for every verdict combination', () => {
  it(`covers all ${combos.length} combinations with one word each, and every word has a label and an explanation`, () => {
    const seen = new Set(combos.map((c) => trustOf(c)))
    for (const level of TRUST_LEVELS) {
      expect(TRUST_WORDS[level].label.length).toBeGreaterThan(3)
      expect(TRUST_WORDS[level].explain.length).toBeGreaterThan(20)
    }
    // Every word but "self-reported" (no verification at all) is reachable.
    expect([...seen].sort()).toEqual(TRUST_LEVELS.filter((l) => l !== 'self_reported').sort())
    expect(trustOf(null)).toBe('self_reported')
  })

  it.each(combos.map((c) => [`${c.signature}/${c.issuer}/${c.validity}/${c.status}`, c] as const))('%s', (_, c) => {
    const word = trustOf(c)
    const failed = c.signature === 'invalid' || c.status === 'revoked' || c.status === 'suspended'
    expect(word === 'problem').toBe(failed)
    expect(word === 'verified').toBe(c.signature === 'valid' && c.issuer === 'confirmed' && c.validity === 'valid' && (c.status === 'not_revoked' || c.status === 'unknown'))
    if (c.signature !== 'valid') expect(['verified', 'signed', 'status_unchecked']).not.toContain(word)
    if (!failed && c.validity === 'expired') expect(word).toBe('expired')
    if (!failed && c.validity === 'not_yet_valid') expect(word).toBe('not_yet_valid')
    // Nothing unchecked is called genuine.
    expect(TRUST_WORDS[word].explain).not.toMatch(/genuine/i)

    const v = result(c)
    const headline = verificationHeadline(v)
    expect(headline).toMatch(/^(Signature valid|Signature does not match|Not signed|Signature not checked)/)
    if (c.signature === 'valid') expect(headline).toMatch(c.issuer === 'confirmed' ? /issuer confirmed \(did:key\)/ : /issuer not confirmed/)
    if (c.validity === 'expired') expect(headline).toContain('expired 15 June 2030')
    if (c.status === 'needs_network') expect(headline).toContain('revocation not checked: online checks are off')
    expect(headline).not.toMatch(/\d{4}-\d{2}-\d{2}T/) // dates are for people
    expect(failedCheck(v) !== null).toBe(failed)
    if (failed) expect(failedCheck(v)).toMatch(c.signature === 'invalid' ? /^The signature check failed/ : /^The revocation check failed/)
  })
})

describe('verificationRank', () => {
  it('orders copies: failed < not checkable < signed by an unbound key < issuer confirmed', () => {
    const rank = (signature: (typeof SIGNATURE_VERDICTS)[number], issuer: (typeof ISSUER_VERDICTS)[number], status: (typeof STATUS_VERDICTS)[number] = 'not_revoked') =>
      verificationRank({ signature, issuer, status })
    expect(rank('invalid', 'not_checked')).toBeLessThan(rank('unsigned', 'not_checked'))
    expect(rank('valid', 'confirmed', 'revoked')).toBe(rank('invalid', 'not_checked'))
    expect(rank('needs_network', 'not_checked')).toBeLessThan(rank('valid', 'not_confirmed'))
    expect(rank('valid', 'not_confirmed')).toBeLessThan(rank('valid', 'confirmed'))
  })
})

describe('humanDate', () => {
  it('writes days for people and keeps what is not a date', () => {
    expect(humanDate('2010-01-01T00:00:00.000Z')).toBe('1 January 2010')
    expect(humanDate('2024-02-29')).toBe('29 February 2024')
    expect(humanDate(null)).toBeNull()
    expect(humanDate('someday')).toBe('someday')
  })
})
