/**
 * The verifier: three separate verdicts for one imported credential (signature, validity dates,
 * status), offline unless the caller turns online checks on. Each credential family has its
 * path: JSON-LD with embedded proofs (OB 3.0, CLR 2.0, other VCs), VC-JWT, Open Badges 2.0
 * (signed or hosted), Blockcerts and European Digital Credentials.
 *
 * `verify` never throws: whatever happens, the answer is a VerificationResult whose details
 * say in plain words what was checked.
 */
import type { ParsedCredential } from '../importers/types'
import type { VerificationResult } from '../../shared/verification'
import { checkProofs, listProofs, type ProofCheck, type ProofTask } from './data-integrity'
import { collectContextUrls, missingContexts } from './document-loader'
import { BUNDLED_CONTEXTS } from './contexts'
import { checkValidity, statedDates } from './dates'
import { decodeCompactJws, verifyOb2Jws, verifyVcJwt, type SignatureOutcome } from './jws'
import { errorMessage, multikey, resolveVerificationMethod, type KeyResolution, type VerificationMethodDoc } from './keys'
import { FetchError, type FetchJson } from './online-fetch'
import { checkBlockcertsSignature, checkBlockcertsStatus } from './blockcerts'
import { checkCredentialStatus, checkOb2Status, NO_STATUS, type StatusContext, type StatusOutcome } from './status'
import { bindIssuer, NO_TRUST_LIST, notChecked, type IssuerOutcome, type SignerFacts, type TrustList } from './issuer-binding'
import { signerFacts } from './signer'

export interface ProofCheckRunner {
  run(task: ProofTask): Promise<ProofCheck[]>
}

export interface VerifierOptions {
  now: () => Date
  /** Whether online checks (hosted assertions, did:web, status lists) may fetch anything. */
  online: boolean
  /** Required for online checks; see createOnlineFetcher. */
  fetchJson?: FetchJson
  /** Where proof checks run: a worker pool (createProofCheckPool) or, by default, this thread. */
  runner?: ProofCheckRunner
  /** The person's pinned keys and imported issuer registries; none by default. */
  trustList?: TrustList
}

export interface Verifier {
  verify(parsed: ParsedCredential): Promise<VerificationResult>
}

type Obj = Record<string, unknown>
const obj = (value: unknown): Obj | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null)
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
const sig = (verdict: SignatureOutcome['verdict'], detail: string, method: string | null = null, keyId: string | null = null): SignatureOutcome => ({ verdict, detail, method, keyId })
const OB2_CONTEXTS = new Set(['https://w3id.org/openbadges/v2', 'https://openbadgespec.org/v2/context.json', 'https://w3id.org/openbadges/v1'])
const KEY_TTL_MS = 10 * 60_000
/** In this thread, one proof check at a time: hundreds interleaved are slower than in turn. */
function inProcessRunner(limit = 1): ProofCheckRunner {
  let active = 0
  const waiting: (() => void)[] = []
  return {
    async run(task) {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
      active++
      try {
        return await checkProofs(task)
      } finally {
        active--
        waiting.shift()?.()
      }
    },
  }
}

export function createVerifier(options: VerifierOptions): Verifier {
  const online = options.online && typeof options.fetchJson === 'function'
  const fetchJson = online ? options.fetchJson : undefined
  const runner = options.runner ?? inProcessRunner()
  /** Resolved keys by verification method id (did:key and fragments forever; fetched ones for 10 minutes). */
  const keyCache = new Map<string, { at: number; resolution: KeyResolution }>()
  /** Contexts fetched online, for the life of the verifier. */
  const fetchedContexts = new Map<string, unknown>()

  async function resolveKey(vmId: string): Promise<KeyResolution> {
    const cached = keyCache.get(vmId)
    if (cached) {
      const { resolution, at } = cached
      const local = resolution.kind === 'resolved' && (resolution.source === 'did:key' || resolution.source === 'fragment')
      const fresh = Date.now() - at < KEY_TTL_MS && resolution.kind !== 'needs_network'
      if (local || fresh) return resolution
    }
    const resolution = await resolveVerificationMethod(vmId, { online, fetchJson })
    // Offline, a key the person pinned (after an online check) stands in for the fetch. Not
    // cached: an unpin must take effect at once.
    if (resolution.kind === 'needs_network') {
      const pinned = options.trustList?.pinnedKey(vmId)
      if (pinned) return { kind: 'resolved', method: multikey(vmId, vmId.split('#')[0]!, pinned), source: 'pinned', detail: `key ${vmId} from your pinned keys` }
    }
    if (keyCache.size > 5000) keyCache.clear()
    keyCache.set(vmId, { at: Date.now(), resolution })
    return resolution
  }

  /** Contexts a document needs beyond the bundled ones: fetched when online. */
  async function gatherContexts(document: unknown): Promise<{ contexts: Record<string, unknown>; missing: string[]; problems: string[] }> {
    const contexts: Record<string, unknown> = {}
    const problems: string[] = []
    let pending = missingContexts(document)
    const missing: string[] = []
    for (let round = 0; pending.length > 0 && round < 4; round++) {
      const next: string[] = []
      for (const url of pending) {
        if (url in contexts) continue
        const cached = fetchedContexts.get(url)
        if (cached !== undefined) {
          contexts[url] = cached
          continue
        }
        if (!fetchJson) {
          missing.push(url)
          continue
        }
        try {
          const context = await fetchJson(url)
          if (!obj(context) || !('@context' in obj(context)!)) throw new Error('it is not a JSON-LD context')
          fetchedContexts.set(url, context)
          contexts[url] = context
          for (const inner of collectContextUrls(context)) if (!BUNDLED_CONTEXTS.has(inner) && !(inner in contexts)) next.push(inner)
        } catch (error) {
          missing.push(url)
          problems.push(`the context ${url} could not be fetched (${errorMessage(error)})`)
        }
      }
      pending = next
    }
    return { contexts, missing, problems }
  }

  /** Embedded proofs (Data Integrity eddsa-rdfc-2022, Ed25519Signature2020) on a JSON-LD document. */
  async function verifyEmbedded(document: Obj): Promise<SignatureOutcome> {
    const proofs = listProofs(document)
    if (proofs.length === 0) return sig('unsigned', 'The credential carries no signature (no proof), so nothing confirms who issued it or that it is unchanged.')
    const unsupported = proofs.filter((p) => !p.kind.supported)
    const supported = proofs.filter((p) => p.kind.supported)
    const describe = (p: (typeof proofs)[number]) => (p.kind.supported ? p.kind.suite : p.cryptosuite ? `${p.type} ${p.cryptosuite}` : p.type)
    const method = proofs.map(describe).join(' + ')
    const skipped = unsupported.length ? ` Not checked: ${unsupported.map((p) => `${describe(p)} (${p.kind.supported ? '' : p.kind.reason})`).join('; ')}.` : ''
    if (supported.length === 0) {
      return sig('unsupported', `The signature cannot be checked: ${unsupported.map((p) => (p.kind.supported ? '' : p.kind.reason)).join('; ')}. It is neither confirmed nor refuted.`, method, unsupported[0]?.verificationMethod ?? null)
    }

    // Keys.
    const methods: Record<string, VerificationMethodDoc> = {}
    const sources: Record<string, KeyResolution & { kind: 'resolved' }> = {}
    const keyProblems: { verdict: 'invalid' | 'needs_network' | 'unsupported'; text: string }[] = []
    const checkable: typeof supported = []
    for (const proof of supported) {
      if (!proof.verificationMethod) {
        keyProblems.push({ verdict: 'invalid', text: `the ${describe(proof)} proof names no verification method` })
        continue
      }
      const resolution = await resolveKey(proof.verificationMethod)
      if (resolution.kind === 'resolved') {
        methods[proof.verificationMethod] = resolution.method
        sources[proof.verificationMethod] = resolution
        checkable.push(proof)
      } else {
        keyProblems.push({ verdict: resolution.kind === 'failed' ? 'invalid' : resolution.kind, text: resolution.detail })
      }
    }

    // Contexts (fetched only when some proof can be checked; otherwise just named).
    const { contexts, missing, problems } = checkable.length ? await gatherContexts(document) : { contexts: {}, missing: missingContexts(document), problems: [] }
    const contextNote = missing.length
      ? online
        ? `It uses JSON-LD contexts that could not be loaded: ${problems.join('; ') || missing.join(', ')}.`
        : `It uses JSON-LD contexts that Skillfolio does not bundle (${missing.join(', ')}); turn on online checks to fetch them.`
      : ''

    let checks: ProofCheck[] = []
    if (checkable.length && missing.length === 0) {
      const task: ProofTask = { document, methods }
      if (Object.keys(contexts).length) task.contexts = contexts
      // A worker pool that fails (it could not start, or a worker died) must not cost the
      // answer: the same check then runs in this thread.
      checks = await runner.run(task).catch(() => checkProofs(task))
    }

    const keyIds = checkable.map((p) => p.verificationMethod!)
    const failed = checks.filter((c) => !c.verified)
    const verified = checks.filter((c) => c.verified)
    const invalidKey = keyProblems.find((k) => k.verdict === 'invalid')
    if (failed.length || invalidKey) {
      const contextFailure = failed.find((c) => c.failure === 'context')
      if (contextFailure && failed.every((c) => c.failure === 'context') && !invalidKey) {
        return sig('needs_network', `It uses a JSON-LD document Skillfolio does not have: ${contextFailure.error}`, method, keyIds[0] ?? null)
      }
      const first = failed[0]
      const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)
      const why = invalidKey
        ? lower(invalidKey.text)
        : first?.failure === 'json-ld'
          ? `the credential is not well-formed JSON-LD for its contexts (${first.error}), so what was signed cannot be reproduced`
          : lower(first?.error ?? 'the signature does not match')
      const of = supported.length > 1 ? ` (${failed.length || 1} of ${supported.length} proofs failed)` : ''
      const text = !invalidKey && first?.failure === 'signature' ? `The signature does not match the content${of}: the credential was changed after it was signed, or signed with another key.` : `The signature is not valid${of}: ${why.replace(/\.$/, '')}.`
      return sig('invalid', `${text}${skipped}`, method, keyIds[failed.length ? supported.findIndex((p) => p.index === first!.index) : 0] ?? null)
    }
    const network = keyProblems.filter((k) => k.verdict === 'needs_network')
    if (network.length || missing.length) {
      const note = [...network.map((k) => k.text), contextNote].filter(Boolean).join(' ')
      const partial = verified.length ? ` (${verified.length} of ${supported.length} proofs already verified offline)` : ''
      return sig('needs_network', `The signature could not be checked offline${partial}. ${note}`.trim(), method, keyIds[0] ?? supported[0]?.verificationMethod ?? null)
    }
    if (verified.length === 0) {
      return sig('unsupported', `The signature cannot be checked: ${keyProblems.map((k) => k.text).join(' ')}`, method, supported[0]?.verificationMethod ?? null)
    }
    // Every supported proof verified.
    const issuerId = typeof document.issuer === 'string' ? document.issuer : (obj(document.issuer)?.id as string | undefined)
    const types = asArray(document.type).map(String)
    if (types.includes('VerifiableCredential') && !issuerId) {
      return sig('invalid', 'The signature matches, but the credential names no issuer, so it does not say who vouches for it.', method, keyIds[0] ?? null)
    }
    const controllers = [...new Set(checkable.map((p) => methods[p.verificationMethod!]!.controller))]
    const keyNotes = [...new Set(checkable.map((p) => (p.verificationMethod!.startsWith('did:key:') ? `key ${p.verificationMethod!.split('#')[0]}` : `key ${p.verificationMethod}`)))]
    const fragment = checkable.some((p) => !p.verificationMethod!.startsWith('did:'))
    const fragmentNote = fragment ? ' The key was taken from the fragment of its identifier (1EdTech convention); the issuer’s web site was not asked to confirm it.' : ''
    const controllerNote =
      issuerId && controllers.some((c) => c !== issuerId)
        ? ` The key belongs to ${controllers.join(', ')}, not to the stated issuer ${issuerId}.`
        : ''
    const all = supported.length > 1 ? `All ${supported.length} proofs verify` : 'The signature verifies'
    // For issuer binding: each key and what its own publication binds it to (a key read from a
    // URL fragment travels with the credential and binds to nothing). The issuer's key wins.
    const signers: SignerFacts[] = checkable.map((p) => {
      const { method: m, source } = sources[p.verificationMethod!]!
      // A key from the URL fragment or from the pins binds by itself to nothing (a pin binds it below).
      return { keySource: source, signerKey: m.publicKeyMultibase, boundTo: source === 'fragment' || source === 'pinned' ? null : m.controller }
    })
    const signer = signers.find((f) => f.boundTo !== null && f.boundTo === issuerId) ?? signers[0]!
    const outcome = sig('valid', `${all} (${supported.map(describe).join(', ')}; ${keyNotes.join(', ')}): the credential is unchanged since it was signed.${fragmentNote}${controllerNote}${skipped}`, method, keyIds[0] ?? null)
    return { ...outcome, signer }
  }

  const statusContext = (now: Date): StatusContext => ({ online, fetchJson, now, verifySignature: verifyEmbedded })

  /** OB 2.0 hosted assertion: fetch it from the issuer and compare. */
  /** `assertion` null: the file holds only the address, so there is nothing to compare. */
  async function hostedCheck(assertion: Obj | null, url: string | null): Promise<{ signature: SignatureOutcome; status: StatusOutcome | null }> {
    if (!url) return { signature: sig('unsupported', 'The hosted assertion gives no address to check it at.', 'hosted'), status: null }
    if (!online || !fetchJson) {
      return { signature: sig('needs_network', `A hosted badge: the issuer vouches for it at ${url}. Turn on online checks to fetch and compare it.`, 'hosted', url), status: null }
    }
    let hosted: Obj | null
    try {
      hosted = obj(await fetchJson(url))
    } catch (error) {
      if (error instanceof FetchError && error.reason === 'http_status' && (error.status === 404 || error.status === 410)) {
        const gone = error.status === 410
        return {
          signature: sig('invalid', `The issuer no longer hosts this assertion at ${url} (HTTP ${error.status}).`, 'hosted', url),
          status: gone ? { verdict: 'revoked', detail: `Revoked: the issuer answers HTTP 410 Gone for ${url}.` } : null,
        }
      }
      const refused = error instanceof FetchError && (error.reason === 'not_https' || error.reason === 'bad_url')
      return { signature: sig(refused ? 'unsupported' : 'needs_network', `Could not fetch the hosted assertion: ${errorMessage(error)}`, 'hosted', url), status: null }
    }
    if (!hosted) return { signature: sig('invalid', `${url} does not hold an assertion.`, 'hosted', url), status: null }
    if (!assertion) {
      if (hosted.revoked === true) return { signature: sig('valid', `The issuer hosts the assertion at ${url}.`, 'hosted', url), status: { verdict: 'revoked', detail: 'Revoked by the issuer (its hosted assertion says so).' } }
      return {
        signature: sig('valid', `The file holds only the address ${url}, and the issuer hosts an assertion there (hosted verification); its content is not in the file.`, 'hosted', url),
        status: { verdict: 'not_revoked', detail: `The issuer still hosts the assertion at ${url}.` },
      }
    }
    const differences: string[] = []
    if (typeof assertion.id === 'string' && hosted.id !== assertion.id) differences.push('id')
    if (JSON.stringify(canonicalJson(hosted.recipient)) !== JSON.stringify(canonicalJson(assertion.recipient))) differences.push('recipient')
    const badgeId = (b: unknown) => (typeof b === 'string' ? b : obj(b)?.id)
    if (badgeId(hosted.badge) !== badgeId(assertion.badge)) differences.push('badge')
    if (differences.length) return { signature: sig('invalid', `The issuer's copy at ${url} differs from this file (${differences.join(', ')}).`, 'hosted', url), status: null }
    if (hosted.revoked === true) {
      const reason = typeof hosted.revocationReason === 'string' ? `: "${hosted.revocationReason}"` : ''
      return { signature: sig('valid', `The issuer's copy at ${url} matches this file.`, 'hosted', url), status: { verdict: 'revoked', detail: `Revoked by the issuer${reason}.` } }
    }
    return {
      signature: sig('valid', `The issuer's copy at ${url} matches this file (hosted verification).`, 'hosted', url),
      status: { verdict: 'not_revoked', detail: `The issuer still hosts the assertion at ${url}.` },
    }
  }

  async function verifyOb2(parsed: ParsedCredential, assertion: Obj, jws: string | null): Promise<{ signature: SignatureOutcome; status: StatusOutcome }> {
    const ctx = statusContext(options.now())
    const context = assertion['@context']
    if (typeof context === 'string' && !OB2_CONTEXTS.has(context)) {
      return {
        signature: sig('invalid', `Not a valid Open Badges 2.0 assertion: its @context is ${context}, not the Open Badges context.`, null),
        status: { verdict: 'unknown', detail: 'Not checked, because the assertion is not valid.' },
      }
    }
    if (jws) {
      const signature = await verifyOb2Jws(jws, { online, fetchJson })
      return { signature, status: await checkOb2Status(assertion, null, ctx) }
    }
    const verification = obj(assertion.verification) ?? obj(assertion.verify)
    const type = typeof verification?.type === 'string' ? verification.type.toLowerCase() : null
    if (!verification && parsed.format === 'ob0.5') {
      return { signature: sig('unsigned', 'Open Badges 0.5 assertions carry no verification method, so nothing confirms them.'), status: { verdict: 'unknown', detail: NO_STATUS } }
    }
    if (type === 'signed' || type === 'signedbadge') {
      return { signature: sig('unsupported', 'The assertion says it is signed, but the file holds no signature to check.', 'JWS'), status: await checkOb2Status(assertion, null, ctx) }
    }
    // Hosted (explicit, or implied by a verify URL / https id).
    const url = (typeof verification?.url === 'string' ? verification.url : null) ?? (typeof assertion.id === 'string' && /^https?:/i.test(assertion.id) ? assertion.id : null) ?? parsed.urls.verify
    const hosted = await hostedCheck(assertion, url)
    if (hosted.status?.verdict === 'revoked') return { signature: hosted.signature, status: hosted.status }
    if (hosted.signature.verdict !== 'valid') {
      return { signature: hosted.signature, status: online ? { verdict: 'unknown', detail: 'Not checked, because the hosted assertion could not be confirmed.' } : { verdict: 'needs_network', detail: 'A hosted badge is revoked by its issuer taking it down or listing it; turn on online checks to look.' } }
    }
    return { signature: hosted.signature, status: await checkOb2Status(assertion, hosted.status, ctx) }
  }

  /** The issuer verdict for what the signature check found. */
  function issuerOf(parsed: ParsedCredential, signature: SignatureOutcome): IssuerOutcome {
    const issuerId = parsed.issuer.id ?? null
    if (signature.verdict !== 'valid') return notChecked(issuerId)
    return bindIssuer(issuerId, signature.signer ?? signerFacts(signature), options.trustList ?? NO_TRUST_LIST)
  }

  async function verifyParsed(parsed: ParsedCredential, now: Date): Promise<Omit<VerificationResult, 'checkedAt' | 'online' | 'issuer' | 'signature'> & { signature: SignatureOutcome }> {
    const jws = parsed.jws ?? (typeof parsed.document === 'string' ? parsed.document : null)
    const decoded = jws ? decodeCompactJws(jws) : null
    const payload = decoded?.payload ?? null
    const fallbackDates = { issuedOn: parsed.issuedOn, expiresOn: parsed.expiresOn }
    const ctx = statusContext(now)

    // Only a URL (legacy baked PNG with a tEXt URL, empty SVG with a verify attribute).
    if (parsed.container === 'url' || (parsed.document === null && !jws)) {
      const url = parsed.urls.verify
      const hosted = await hostedCheck(null, url)
      const status: StatusOutcome =
        hosted.status ?? (online ? { verdict: 'unknown', detail: 'Only the address of the assertion is in the file, and it could not be confirmed.' } : { verdict: 'needs_network', detail: 'Only the address of the assertion is in the file; turn on online checks to fetch it.' })
      return { signature: hosted.signature, validity: checkValidity(null, null, now), status }
    }

    if (parsed.format === 'ob2' || parsed.format === 'ob1' || parsed.format === 'ob0.5') {
      const assertion = (jws ? payload : obj(parsed.document)) ?? {}
      const dates = statedDates(assertion, null, fallbackDates)
      const { signature, status } = await verifyOb2(parsed, assertion, jws)
      return { signature, validity: checkValidity(dates.from, dates.until, now), status }
    }

    const credential = jws ? (obj(payload?.vc) ?? payload ?? {}) : (obj(parsed.document) ?? {})
    const dates = statedDates(credential, jws ? payload : null, fallbackDates)
    const validity = checkValidity(dates.from, dates.until, now)

    if (parsed.format === 'blockcerts') {
      // Content hash and Merkle path offline (blockcerts.ts); the blockchain itself is never looked up.
      const signature = await checkBlockcertsSignature(credential, { online })
      const status = await checkBlockcertsStatus(credential, ctx)
      return { signature, validity, status }
    }

    if (parsed.format === 'edc' && isJades(parsed.document)) {
      return {
        signature: sig('unsupported', 'Sealed with a JAdES (X.509) electronic seal; checking it needs the EU trust lists and revocation data, which Skillfolio does not support.', 'JAdES'),
        validity,
        status: credential.credentialStatus ? await checkCredentialStatus(credential, ctx) : { verdict: 'unknown', detail: NO_STATUS },
      }
    }

    const signature = jws ? await verifyVcJwt(jws, { online, fetchJson }) : await verifyEmbedded(credential)
    const status = await checkCredentialStatus(credential, ctx)
    return { signature, validity, status }
  }

  return {
    async verify(parsed: ParsedCredential): Promise<VerificationResult> {
      const now = options.now()
      try {
        const result = await verifyParsed(parsed, now)
        const { signer: _signer, ...signature } = result.signature // core-only facts, not part of the stored result
        return { ...result, signature, issuer: issuerOf(parsed, result.signature), checkedAt: now.toISOString(), online }
      } catch (error) {
        return {
          signature: sig('unsupported', `Skillfolio could not check this credential: ${errorMessage(error)}`),
          validity: checkValidity(parsed.issuedOn ? { key: 'issued', value: parsed.issuedOn } : null, parsed.expiresOn ? { key: 'expires', value: parsed.expiresOn } : null, now),
          status: { verdict: 'unknown', detail: 'Not checked because of the error above.' },
          issuer: notChecked(parsed.issuer.id ?? null),
          checkedAt: now.toISOString(),
          online,
        }
      }
    },
  }
}

function isJades(document: unknown): boolean {
  const doc = obj(document)
  if (!doc) return typeof document === 'string'
  return Array.isArray(doc.signatures) || typeof doc.payload === 'string' || asArray(doc.proof).some((p) => /jades|jws/i.test(String(obj(p)?.type ?? '')))
}

/** Key-sorted copy, so that two JSON values compare equal whatever their key order. */
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonicalJson((value as Obj)[k])]))
  }
  return value
}
