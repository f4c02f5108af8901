/**
 * Embedded proofs on JSON-LD credentials, checked with the @digitalbazaar suites through
 * jsonld-signatures: `DataIntegrityProof` with `eddsa-rdfc-2022` (Ed25519) or `ecdsa-rdfc-2019`
 * (P-256, P-384), `Ed25519Signature2020`, and `Ed25519Signature2018` (detached JWS, the suite of
 * many OB 3.0 credentials of 2022–2023).
 *
 * `checkProofs` is a pure function of its task (the document, the already-resolved keys and any
 * contexts fetched online), so it runs unchanged in a worker thread. Suites, key objects and
 * canonical forms are cached for the life of the thread.
 */
import { createHash, createPublicKey, verify as verifyEd25519 } from 'node:crypto'
import jsigs from 'jsonld-signatures'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite'
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey'
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020'
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018'
import { createDocumentLoader, DocumentNotAvailableError, missingContexts } from './document-loader'
import { base58Decode, controllerDocumentFor, decodeMultikey, ed25519FromMultibase, type VerificationMethodDoc } from './keys'
import { MULTIKEY_V1 } from './contexts'
import { fastJsonLdOptions } from './active-context'

export const SUPPORTED_SUITES = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'Ed25519Signature2020', 'Ed25519Signature2018'] as const

export type ProofKind =
  | { supported: true; suite: (typeof SUPPORTED_SUITES)[number] }
  | { supported: false; reason: string }

export interface ProofInfo {
  index: number
  type: string
  cryptosuite: string | null
  verificationMethod: string | null
  kind: ProofKind
}

/** The proofs of a document, each classified as supported or not (with the reason). */
export function listProofs(document: Record<string, unknown>): ProofInfo[] {
  const raw = document.proof
  const proofs = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
  return proofs.map((p, index) => {
    const proof = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>
    const type = typeof proof.type === 'string' ? proof.type : Array.isArray(proof.type) ? String(proof.type[0]) : '(no type)'
    const cryptosuite = typeof proof.cryptosuite === 'string' ? proof.cryptosuite : null
    const vm = proof.verificationMethod
    const verificationMethod = typeof vm === 'string' ? vm : vm && typeof vm === 'object' && typeof (vm as { id?: unknown }).id === 'string' ? (vm as { id: string }).id : null
    let kind: ProofKind
    if (type === 'DataIntegrityProof' && cryptosuite === 'eddsa-rdfc-2022') kind = { supported: true, suite: 'eddsa-rdfc-2022' }
    else if (type === 'DataIntegrityProof' && cryptosuite === 'ecdsa-rdfc-2019') kind = { supported: true, suite: 'ecdsa-rdfc-2019' }
    else if (type === 'Ed25519Signature2020') kind = { supported: true, suite: 'Ed25519Signature2020' }
    else if (type === 'Ed25519Signature2018') kind = { supported: true, suite: 'Ed25519Signature2018' }
    else if (type === 'DataIntegrityProof') kind = { supported: false, reason: `the cryptosuite ${cryptosuite ?? '(none)'} is not supported` }
    else kind = { supported: false, reason: `the proof type ${type} is not supported` }
    return { index, type, cryptosuite, verificationMethod, kind }
  })
}

export interface ProofTask {
  /** The credential exactly as found in the file. */
  document: Record<string, unknown>
  /** Resolved keys, by the verification method id the proofs name. */
  methods: Record<string, VerificationMethodDoc>
  /** Contexts fetched online for this document (URL → context document). */
  contexts?: Record<string, unknown>
}

export type ProofFailure = 'signature' | 'context' | 'json-ld' | 'key' | 'other'

export interface ProofCheck {
  index: number
  verified: boolean
  failure: ProofFailure | null
  error: string | null
}

// ---- caches that live as long as the thread ----

type Verifier = { algorithm: string; verify(o: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }

/** Ed25519 verifier objects (Node KeyObjects underneath) by public key multibase. */
const verifierCache = new Map<string, Verifier>()
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
async function cachedVerifier(publicKeyMultibase: string) {
  let verifier = verifierCache.get(publicKeyMultibase)
  if (!verifier) {
    const raw = ed25519FromMultibase(publicKeyMultibase)
    if (!raw) throw new Error(`${publicKeyMultibase.slice(0, 16)}… is not an Ed25519 public key.`)
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
    verifier = { algorithm: 'Ed25519', verify: async ({ data, signature }) => verifyEd25519(null, data, key, signature) }
    if (verifierCache.size > 1000) verifierCache.clear()
    verifierCache.set(publicKeyMultibase, verifier)
  }
  return verifier
}

/** ECDSA verifiers (WebCrypto keys underneath) by public key multibase; kept apart from Ed25519's. */
const ecdsaVerifierCache = new Map<string, Promise<Verifier>>()
function cachedEcdsaVerifier(publicKeyMultibase: string): Promise<Verifier> {
  let verifier = ecdsaVerifierCache.get(publicKeyMultibase)
  if (!verifier) {
    const type = decodeMultikey(publicKeyMultibase)?.type
    if (type !== 'P-256' && type !== 'P-384') {
      return Promise.reject(new Error(`The key ${publicKeyMultibase.slice(0, 16)}… is not a P-256 or P-384 public key, which ecdsa-rdfc-2019 requires.`))
    }
    verifier = EcdsaMultikey.from({ '@context': MULTIKEY_V1, type: 'Multikey', publicKeyMultibase }).then((key) => key.verifier())
    verifier.catch(() => ecdsaVerifierCache.delete(publicKeyMultibase))
    if (ecdsaVerifierCache.size > 1000) ecdsaVerifierCache.clear()
    ecdsaVerifierCache.set(publicKeyMultibase, verifier)
  }
  return verifier
}

/**
 * Canonical N-Quads by suite and input: a credential verified again (Re-verify, a status list
 * shared by many credentials) is not canonicalised again. Each suite keeps its own entries,
 * since the suites' canonicalisation options differ in details (e.g. text direction), and so
 * does each hash RDFC-1.0 runs with (ecdsa-rdfc-2019 uses SHA-384 for P-384 keys).
 */
const canonicalCache = new Map<string, Promise<string>>()
const CANONICAL_CACHE_MAX = 2000
function memoCanonize(suite: string, original: (input: unknown, options: object) => Promise<string>) {
  // Skillfolio's set-up of jsonld.js (active-context.ts): the same output, far less copying.
  const canonize = (input: unknown, options: { documentLoader?: unknown }) => original(input, { ...options, ...fastJsonLdOptions(options.documentLoader) })
  return (input: unknown, options: object): Promise<string> => {
    // Only documents made of bundled contexts: a context fetched online may change between runs.
    if (missingContexts(input).length > 0) return canonize(input, options)
    const digest = (options as { messageDigestAlgorithm?: unknown }).messageDigestAlgorithm
    const key = `${suite}:${typeof digest === 'string' ? digest : ''}:${createHash('sha256').update(JSON.stringify(input)).digest('base64')}`
    let result = canonicalCache.get(key)
    if (!result) {
      result = canonize(input, options)
      result.catch(() => canonicalCache.delete(key))
      if (canonicalCache.size >= CANONICAL_CACHE_MAX) canonicalCache.delete(canonicalCache.keys().next().value!)
      canonicalCache.set(key, result)
    }
    return result
  }
}

const cachedEddsa = {
  ...eddsaRdfc2022,
  canonize: memoCanonize('eddsa-rdfc-2022', eddsaRdfc2022.canonize),
  createVerifier: async ({ verificationMethod }: { verificationMethod: object }) =>
    cachedVerifier(String((verificationMethod as { publicKeyMultibase?: unknown }).publicKeyMultibase)),
}

const cachedEcdsa = {
  ...ecdsaRdfc2019,
  canonize: memoCanonize('ecdsa-rdfc-2019', ecdsaRdfc2019.canonize),
  createVerifier: async ({ verificationMethod }: { verificationMethod: object }) =>
    cachedEcdsaVerifier(String((verificationMethod as { publicKeyMultibase?: unknown }).publicKeyMultibase)),
  // The library's own (it reads the key's curve to pick SHA-256 or SHA-384), after a clear
  // refusal of a key of another type, which it would report obscurely.
  createVerifyData: async (options: { verificationMethod?: object } & Record<string, unknown>) => {
    if (options.verificationMethod) await cachedEcdsaVerifier(String((options.verificationMethod as { publicKeyMultibase?: unknown }).publicKeyMultibase))
    return ecdsaRdfc2019.createVerifyData(options)
  },
}

/** Replaces a linked-data suite's `canonize` by the remembered one (memoCanonize). */
function rememberCanonicalForms(suite: object, name: string): void {
  const self = suite as { canonize(input: unknown, options: object): Promise<string> }
  self.canonize = memoCanonize(name, self.canonize.bind(suite))
}

class CachedEd25519Signature2020 extends Ed25519Signature2020 {
  /**
   * LinkedDataSignature.canonize passes on only the loader and these options, read once per
   * call: Skillfolio's jsonld.js set-up, with a resolver of its own for each canonicalisation.
   */
  get canonizeOptions(): object {
    return fastJsonLdOptions()
  }
  set canonizeOptions(_ignored: object) {
    // The base constructor assigns its (absent) canonizeOptions.
  }
  constructor() {
    super()
    rememberCanonicalForms(this, 'Ed25519Signature2020')
  }
  override async verifySignature({ verifyData, verificationMethod, proof }: { verifyData: Uint8Array; verificationMethod: Record<string, unknown>; proof: Record<string, unknown> }) {
    const value = proof.proofValue
    if (typeof value !== 'string' || !value.startsWith('z')) throw new Error('The proof has no base58btc "proofValue".')
    const signature = base58Decode(value.slice(1))
    if (!signature) throw new Error('The proofValue is not valid base58btc.')
    const verifier = await cachedVerifier(String(verificationMethod.publicKeyMultibase))
    return verifier.verify({ data: verifyData, signature })
  }
}

/**
 * Ed25519Signature2018 with the keys keys.ts resolved (Multikey documents, Ed25519 checked
 * here), Node's Ed25519 and remembered canonical forms. The library's own key handling wants an
 * Ed25519VerificationKey2018 document and verifies in JavaScript; its proof matching also refuses
 * documents whose contexts it guesses to conflict, which JSON-LD processing itself decides.
 */
class CachedEd25519Signature2018 extends Ed25519Signature2018 {
  /** As for Ed25519Signature2020: Skillfolio's jsonld.js set-up for every canonicalisation. */
  get canonizeOptions(): object {
    return fastJsonLdOptions()
  }
  set canonizeOptions(_ignored: object) {
    // The base constructor assigns its (absent) canonizeOptions.
  }
  constructor() {
    super()
    rememberCanonicalForms(this, 'Ed25519Signature2018')
  }
  override async matchProof({ proof }: { proof: Record<string, unknown> }) {
    return proof.type === 'Ed25519Signature2018'
  }
  override async getVerificationMethod({ proof, documentLoader }: { proof: Record<string, unknown>; documentLoader: (url: string) => Promise<{ document: unknown }> }) {
    const vm = proof.verificationMethod
    const id = typeof vm === 'string' ? vm : vm && typeof vm === 'object' ? (vm as { id?: unknown }).id : undefined
    if (typeof id !== 'string') throw new Error('No "verificationMethod" found in proof.')
    const { document } = await documentLoader(id)
    const method = document as Partial<VerificationMethodDoc>
    if (!ed25519FromMultibase(String(method.publicKeyMultibase))) throw new Error(`The key ${id} is not an Ed25519 key, which Ed25519Signature2018 requires.`)
    return method as Record<string, unknown>
  }
  override async verifySignature({ verifyData, verificationMethod, proof }: { verifyData: Uint8Array; verificationMethod: Record<string, unknown>; proof: Record<string, unknown> }) {
    const jws = proof.jws
    const parts = typeof jws === 'string' ? jws.split('.') : []
    if (parts.length !== 3 || parts[1] !== '') throw new Error('The proof has no detached "jws" (header..signature).')
    let header: unknown
    try {
      header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'))
    } catch {
      throw new Error('The JWS header of the proof is not readable.')
    }
    if (!sameHeader(header)) {
      throw new Error('The JWS header of the proof is not the Ed25519Signature2018 one ({"alg":"EdDSA","b64":false,"crit":["b64"]}).')
    }
    // JWS signing input with an unencoded payload: ASCII(header) "." then the bytes themselves.
    const data = Buffer.concat([Buffer.from(`${parts[0]}.`, 'ascii'), verifyData])
    const verifier = await cachedVerifier(String(verificationMethod.publicKeyMultibase))
    return verifier.verify({ data, signature: Buffer.from(parts[2]!, 'base64url') })
  }
}

/** The header every Ed25519Signature2018 proof carries (detached, unencoded payload), members in any order and nothing else. */
function sameHeader(header: unknown): boolean {
  if (!header || typeof header !== 'object' || Array.isArray(header)) return false
  const h = header as Record<string, unknown>
  return Object.keys(h).length === 3 && h.alg === 'EdDSA' && h.b64 === false && Array.isArray(h.crit) && h.crit.length === 1 && h.crit[0] === 'b64'
}

/** Forgets canonical forms (benchmarks use it to measure first-time verification). */
export function clearCanonicalCache(): void {
  canonicalCache.clear()
}

let suites: object[] | null = null
function getSuites(): object[] {
  suites ??= [new DataIntegrityProof({ cryptosuite: cachedEddsa }), new DataIntegrityProof({ cryptosuite: cachedEcdsa }), new CachedEd25519Signature2020(), new CachedEd25519Signature2018()]
  return suites
}

function classifyError(error: unknown): { failure: ProofFailure; message: string } {
  const errors = Array.isArray(error) ? error : [error]
  const first = errors[0] as { name?: string; message?: string; details?: { code?: string; url?: string; cause?: unknown } } | undefined
  const message = first?.message ?? String(first)
  const code = first?.details?.code ?? ''
  if (first instanceof DocumentNotAvailableError || first?.details?.cause instanceof DocumentNotAvailableError || /loading (remote context|document) failed/.test(code)) {
    const url = first?.details?.url ?? (first?.details?.cause as DocumentNotAvailableError | undefined)?.url ?? (first as DocumentNotAvailableError | undefined)?.url
    return { failure: 'context', message: url ? `the document ${url} is not available offline.` : message }
  }
  if (/Invalid signature/i.test(message)) return { failure: 'signature', message: 'The signature does not match the content: the credential was changed after signing, or signed with another key.' }
  if (/safe mode|jsonld\.|relative|undefined term|protected term|Invalid JSON-LD/i.test(`${first?.name ?? ''} ${message} ${code}`)) return { failure: 'json-ld', message }
  if (/key|verification method|multibase|public key/i.test(message)) return { failure: 'key', message }
  return { failure: 'other', message }
}

/** Checks every supported proof of the document; unsupported proofs are not part of the answer. */
export async function checkProofs(task: ProofTask): Promise<ProofCheck[]> {
  const infos = listProofs(task.document).filter((p) => p.kind.supported)
  if (infos.length === 0) return []
  const rawProofs = Array.isArray(task.document.proof) ? task.document.proof : [task.document.proof]
  const extra = new Map<string, unknown>(Object.entries(task.methods))
  for (const [url, context] of Object.entries(task.contexts ?? {})) extra.set(url, context)
  const documentLoader = createDocumentLoader(extra)
  const purpose = new jsigs.purposes.AssertionProofPurpose({ controller: controllerDocumentFor(Object.keys(task.methods)) })

  // Verify each supported proof separately so that every one of them must hold (jsonld-signatures
  // alone accepts a document when any single proof verifies).
  return Promise.all(
    infos.map(async (info): Promise<ProofCheck> => {
      if (!info.verificationMethod || !task.methods[info.verificationMethod]) {
        return { index: info.index, verified: false, failure: 'key', error: `No key was resolved for ${info.verificationMethod ?? 'this proof'}.` }
      }
      const document = { ...task.document, proof: rawProofs[info.index] }
      try {
        const result = await jsigs.verify(document, { suite: getSuites(), purpose, documentLoader })
        if (result.verified) return { index: info.index, verified: true, failure: null, error: null }
        const error = result.results?.[0]?.error ?? result.error
        const { failure, message } = classifyError(error)
        return { index: info.index, verified: false, failure, error: message }
      } catch (error) {
        const { failure, message } = classifyError(error)
        return { index: info.index, verified: false, failure, error: message }
      }
    }),
  )
}
