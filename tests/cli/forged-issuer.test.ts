/**
 * Through the command line: credentials signed by keys not bound to the issuer they claim are
 * never shown as Verified (import report, show, list --json), while the one whose issuer is its
 * own did:key is; pinning the key from the command line confirms the issuer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runIn } from './harness'
import { TRUST_WORDS } from '../../electron/shared/verdict'
import { achievementCredential } from '../fixtures/verify/sign'
import { newKey, signJwt, signLd } from '../helpers/forge'

let dir: string
let db: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-cli-forged-'))
  db = join(dir, 'portfolio.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...argv: string[]) => runIn(dir, {}, ['--db', db, ...argv])

const credential = (issuer: { id: string; name: string }, n: number) => ({
  ...achievementCredential({ did: issuer.id } as never, { n, name: `${issuer.name} certificate ${n}` }),
  issuer: { id: issuer.id, type: ['Profile'], name: issuer.name },
})

describe('forged issuers through the command line', () => {
  it('are never Verified; a did:key issuer signing for itself is; a pin confirms the issuer', async () => {
    const [attacker, honest] = [await newKey(), await newKey()]
    const attackerDid = `did:key:${attacker.multibase}`
    const harvard = { id: 'https://harvard.edu/issuers/registrar', name: 'Harvard University' }
    const aws = { id: 'https://aws.amazon.com/training', name: 'Amazon Web Services' }
    const forged = {
      'harvard-fragment.json': await signLd(credential(harvard, 1), attacker, `${harvard.id}#${attacker.multibase}`, harvard.id, 'eddsa-rdfc-2022'),
      'aws-didkey.json': await signLd(credential(aws, 2), attacker, `${attackerDid}#${attacker.multibase}`, attackerDid, 'Ed25519Signature2020'),
      'harvard-jwk.jwt': await signJwt({ vc: credential(harvard, 3), iss: harvard.id, nbf: 1717200000 }, attacker, { jwk: attacker.jwk }),
    }
    for (const [name, value] of Object.entries(forged)) writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value))
    const honestDid = `did:key:${honest.multibase}`
    writeFileSync(join(dir, 'honest.json'), JSON.stringify(await signLd(credential({ id: honestDid, name: 'Honest Issuer' }, 4), honest, `${honestDid}#${honest.multibase}`, honestDid, 'eddsa-rdfc-2022')))

    const imported = await cli('import', ...Object.keys(forged).map((f) => join(dir, f)), join(dir, 'honest.json'))
    expect(imported.stderr).toBe('')
    const list = await cli('list', 'credentials', '--json')
    const items = (JSON.parse(list.stdout) as { items: Array<{ id: string; title: string; trust: string }> }).items
    expect(items).toHaveLength(4)
    for (const c of items) {
      const shown = await cli('show', c.id)
      if (c.title.startsWith('Honest Issuer')) {
        expect(c.trust).toBe('verified')
        expect(shown.stdout).toMatch(new RegExp(`Trust\\s+${TRUST_WORDS.verified.label}\\n`))
        expect(shown.stdout).toContain('issuer confirmed (did:key)')
      } else {
        expect(c.trust, c.title).toBe('signed')
        expect(shown.stdout).toContain(TRUST_WORDS.signed.label)
        expect(shown.stdout).toMatch(/Issuer\s+NOT CONFIRMED: The signing key came from/)
        expect(shown.stdout).not.toMatch(new RegExp(`Trust\\s+${TRUST_WORDS.verified.label}\\n`))
      }
    }

    const harvardFragment = items.find((c) => c.title === 'Harvard University certificate 1')!
    const pinned = await cli('issuers', 'pin', harvardFragment.id, '--label', 'Harvard (checked by phone)')
    expect(pinned.code).toBe(0)
    expect(pinned.stdout).toContain('Harvard (checked by phone)')
    expect((await cli('show', harvardFragment.id)).stdout).toContain('issuer confirmed (a key you pinned)')
    // The same attacker key used as a jwk header for "Harvard" is another key form: the pin names
    // the multibase key, the JWT's key is pinned as a JWK thumbprint, so it stays unconfirmed.
    const jwt = items.find((c) => c.title === 'Harvard University certificate 3')!
    expect(JSON.parse((await cli('show', jwt.id, '--json')).stdout).trust).toBe('signed')
  })
})
