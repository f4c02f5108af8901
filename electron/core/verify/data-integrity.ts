/**
 * Embedded proofs on JSON-LD credentials: `DataIntegrityProof` with `eddsa-rdfc-2022` and
 * `Ed25519Signature2020`, checked with the @digitalbazaar suites through jsonld-signatures.
 *
 * `checkProofs` is a pure function of its task (the document, the already-resolved keys and any
 * contexts fetched online), so it runs unchanged in a worker thread. Suites, key objects and
 * canonical forms are cached for the life of the thread.
 */
import { createHash, createPublicKey, verify as verifyEd25519 } from 'node:crypto'
import jsigs from 'jsonld-signatures'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020'
import { createDocumentLoader, DocumentNotAvailableError, missingContexts } from './document-loader'
import { base58Decode, controllerDocumentFor, ed25519FromMultibase, type VerificationMethodDoc } from './keys'
import { fastJsonLdOptions } from './active-context'

export const SUPPORTED_SUITES = ['eddsa-rdfc-2022', 'Ed25519Signature2020'] as const

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
    else if (type === 'Ed25519Signature2020') kind = { supported: true, suite: 'Ed25519Signature2020' }
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

/** Verifier objects (Node KeyObjects underneath) by public key multibase. */
const verifierCache = new Map<string, { algorithm: string; verify(o: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }>()
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

/**
 * Canonical N-Quads by suite and input: a credential verified again (Re-verify, a status list
 * shared by many credentials) is not canonicalised again. Each suite keeps its own entries,
 * since the two suites' canonicalisation options differ in details (e.g. text direction).
 */
const canonicalCache = new Map<string, Promise<string>>()
const CANONICAL_CACHE_MAX = 2000
function memoCanonize(suite: string, original: (input: unknown, options: object) => Promise<string>) {
  // Skillfolio's set-up of jsonld.js (active-context.ts): the same output, far less copying.
  const canonize = (input: unknown, options: { documentLoader?: unknown }) => original(input, { ...options, ...fastJsonLdOptions(options.documentLoader) })
  return (input: unknown, options: object): Promise<string> => {
    // Only documents made of bundled contexts: a context fetched online may change between runs.
    if (missingContexts(input).length > 0) return canonize(input, options)
    const key = `${suite}:${createHash('sha256').update(JSON.stringify(input)).digest('base64')}`
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

class CachedEd25519Signature2020 extends Ed25519Signature2020 {
  private readonly canonizeMemo: (input: unknown, options: object) => Promise<string>
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
    const original = (this as unknown as { canonize(input: unknown, options: object): Promise<string> }).canonize.bind(this)
    this.canonizeMemo = memoCanonize('Ed25519Signature2020', original)
    ;(this as unknown as { canonize: unknown }).canonize = (input: unknown, options: object) => this.canonizeMemo(input, options)
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

/** Forgets canonical forms (benchmarks use it to measure first-time verification). */
export function clearCanonicalCache(): void {
  canonicalCache.clear()
}

let suites: object[] | null = null
function getSuites(): object[] {
  suites ??= [new DataIntegrityProof({ cryptosuite: cachedEddsa }), new CachedEd25519Signature2020()]
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
