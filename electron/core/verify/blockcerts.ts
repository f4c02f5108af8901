/**
 * Blockcerts: what can be checked without a blockchain. A Blockcerts certificate carries a Merkle
 * receipt: the SHA-256 of its own canonical form (`targetHash`), a Merkle path up to a root
 * (`merkleRoot`), and the blockchain transaction that recorded the root (`anchors`). Offline,
 * Skillfolio recomputes the hash exactly as cert-verifier-js does and follows the path; only the
 * last step, finding the root in the transaction, needs a blockchain lookup, which Skillfolio does
 * not do (so a Blockcerts certificate is never "valid" here).
 *
 * - v2 (MerkleProof2017): the certificate without `signature`.
 * - v3 (MerkleProof2019, DataIntegrityProof `merkle-proof-2019`, ChainedProof2021 of a
 *   MerkleProof2019): the credential without `proof`, or, for a chained proof, with `proof` set to
 *   the proofs that came before it. `proofValue` is base58btc multibase of a CBOR list of
 *   [key, value] pairs: 0 merkleRoot, 1 targetHash, 2 anchors, 3 path (0 left, 1 right).
 * - The hash: URDNA2015 (RDFC-1.0) canonical N-Quads, with `{"@vocab": "http://fallback.org/"}`
 *   appended to the context so that fields no context defines show up (and are refused, as
 *   cert-verifier-js refuses them) instead of silently falling out of the hash.
 *
 * Revocation: the issuer profile's `revocationList` (v2, v3) or the v3 `credentialStatus`
 * (Blockcerts RevocationList, StatusList2021, BitstringStatusList), online only.
 */
import { createHash } from 'node:crypto'
import jsonld from 'jsonld'
import { blockcertsDocumentLoader } from './blockcerts-contexts'
import { DocumentNotAvailableError } from './document-loader'
import type { SignatureOutcome } from './jws'
import { errorMessage } from './keys'
import { checkCredentialStatus, combine, NO_STATUS, type StatusContext, type StatusOutcome } from './status'

type Obj = Record<string, unknown>
const obj = (value: unknown): Obj | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null)
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
const HEX64 = /^[0-9a-f]{64}$/i

export const TAMPERED = "The certificate's content does not match its blockchain receipt: it was changed after issuing."

export interface MerkleStep {
  left?: string
  right?: string
}

export interface BlockchainAnchor {
  /** Plain name: "Bitcoin testnet", "Ethereum Ropsten", "a mock (test) chain". */
  chain: string
  /** Transaction id (or, for a mock anchor, its note). */
  transaction: string | null
  /** Never recorded on a real blockchain (Blockcerts "Mock" / mocknet anchors). */
  mock: boolean
}

export interface MerkleReceipt {
  targetHash: string
  merkleRoot: string
  path: MerkleStep[]
  anchors: BlockchainAnchor[]
}

export type BlockcertsVersion = 'v1.2' | 'v2' | 'v3'

/** Where a Blockcerts certificate keeps its receipt, and the document its hash covers. */
export interface BlockcertsReceipt {
  version: BlockcertsVersion
  /** What the hash covers: the certificate without its receipt (v3 chained: with the proofs before it). */
  unsigned: Obj
  /** The decoded receipt, or why it could not be read. */
  receipt: MerkleReceipt | { error: string }
  /** Proof types beside the Merkle receipt (e.g. EcdsaSecp256k1Signature2019), which are not checked. */
  otherProofs: string[]
}

// ---------------------------------------------------------------- base58btc and CBOR (tiny, bounded)

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

export function base58Decode(text: string): Uint8Array {
  if (text.length > 20_000) throw new Error('the value is too long')
  let n = 0n
  for (const ch of text) {
    const digit = BASE58.indexOf(ch)
    if (digit < 0) throw new Error(`"${ch}" is not a base58 character`)
    n = n * 58n + BigInt(digit)
  }
  let hex = n === 0n ? '' : n.toString(16)
  if (hex.length % 2) hex = `0${hex}`
  let zeros = 0
  while (text[zeros] === '1') zeros++
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...Buffer.from(hex, 'hex')])
}

export function base58Encode(bytes: Uint8Array): string {
  let n = 0n
  for (const byte of bytes) n = (n << 8n) | BigInt(byte)
  let out = ''
  while (n > 0n) {
    out = BASE58[Number(n % 58n)]! + out
    n /= 58n
  }
  for (const byte of bytes) {
    if (byte !== 0) break
    out = `1${out}`
  }
  return out
}

type Cbor = number | string | Uint8Array | Cbor[] | null | boolean | Map<Cbor, Cbor>

/** Definite-length CBOR (what the MerkleProof2019 encoder writes); anything else is refused. */
export function cborDecode(bytes: Uint8Array): Cbor {
  let at = 0
  const need = (n: number) => {
    if (at + n > bytes.length) throw new Error('the CBOR data ends too early')
  }
  const readArg = (info: number): number => {
    if (info < 24) return info
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0
    if (!size) throw new Error('indefinite or reserved CBOR lengths are not supported')
    need(size)
    let value = 0
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at++]!
    if (!Number.isSafeInteger(value)) throw new Error('a CBOR number is too large')
    return value
  }
  const item = (depth: number): Cbor => {
    if (depth > 16) throw new Error('the CBOR data is nested too deeply')
    need(1)
    const initial = bytes[at++]!
    const major = initial >> 5
    const info = initial & 31
    if (major === 7) {
      if (info === 20) return false
      if (info === 21) return true
      if (info === 22 || info === 23) return null
      throw new Error('CBOR floats and simple values are not expected in a Merkle proof')
    }
    const arg = readArg(info)
    switch (major) {
      case 0:
        return arg
      case 1:
        return -1 - arg
      case 2:
      case 3: {
        need(arg)
        const chunk = bytes.subarray(at, at + arg)
        at += arg
        return major === 2 ? chunk : Buffer.from(chunk).toString('utf8')
      }
      case 4: {
        if (arg > bytes.length) throw new Error('a CBOR array is longer than its data')
        const list: Cbor[] = []
        for (let i = 0; i < arg; i++) list.push(item(depth + 1))
        return list
      }
      case 5: {
        if (arg > bytes.length) throw new Error('a CBOR map is longer than its data')
        const map = new Map<Cbor, Cbor>()
        for (let i = 0; i < arg; i++) map.set(item(depth + 1), item(depth + 1))
        return map
      }
      default:
        return item(depth + 1) // 6: a tag; its content is what counts
    }
  }
  const value = item(0)
  if (at !== bytes.length) throw new Error('the CBOR data has trailing bytes')
  return value
}

export function cborEncode(value: Cbor): Uint8Array {
  const out: number[] = []
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n)
    else if (n < 0x100) out.push((major << 5) | 24, n)
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 255)
    else out.push((major << 5) | 26, (n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255)
  }
  const put = (v: Cbor) => {
    if (typeof v === 'number') head(v < 0 ? 1 : 0, v < 0 ? -1 - v : v)
    else if (typeof v === 'string') {
      const bytes = Buffer.from(v, 'utf8')
      head(3, bytes.length)
      out.push(...bytes)
    } else if (v instanceof Uint8Array) {
      head(2, v.length)
      out.push(...v)
    } else if (Array.isArray(v)) {
      head(4, v.length)
      v.forEach(put)
    } else if (v instanceof Map) {
      head(5, v.size)
      for (const [k, x] of v) {
        put(k)
        put(x)
      }
    } else out.push(v === null ? 0xf6 : v ? 0xf5 : 0xf4)
  }
  put(value)
  return Uint8Array.from(out)
}

// ---------------------------------------------------------------- MerkleProof2019 receipts

const CHAINS: Record<number, { name: string; networks: Record<number, string> }> = {
  0: { name: 'Bitcoin', networks: { 1: 'mainnet', 3: 'testnet' } },
  1: { name: 'Ethereum', networks: { 1: 'mainnet', 3: 'Ropsten', 4: 'Rinkeby', 5: 'Goerli', 11155111: 'Sepolia' } },
  2: { name: 'Polygon', networks: { 137: 'mainnet', 80001: 'Mumbai' } },
  3: { name: 'Base', networks: { 8453: 'mainnet', 84532: 'Sepolia' } },
}
export const MOCK_CHAIN = -1

/** A receipt value: a CBOR-encoded text (hex hash or transaction id) inside a byte string. */
function receiptText(value: Cbor | undefined): string | null {
  if (typeof value === 'string') return value
  if (!(value instanceof Uint8Array)) return null
  const inner = cborDecode(value)
  if (typeof inner === 'string') return inner
  return inner instanceof Uint8Array ? Buffer.from(inner).toString('hex') : null
}

const pairs = (value: Cbor | undefined): [Cbor, Cbor][] => {
  if (value instanceof Map) return [...value.entries()]
  if (!Array.isArray(value)) return []
  return value.filter((p): p is Cbor[] => Array.isArray(p) && p.length === 2).map((p) => [p[0]!, p[1]!])
}

export function decodeMerkleProof2019(proofValue: string): MerkleReceipt {
  if (!/^z[1-9A-HJ-NP-Za-km-z]+$/.test(proofValue)) throw new Error('its proofValue is not base58btc multibase (z…)')
  const root = new Map(pairs(cborDecode(base58Decode(proofValue.slice(1)))))
  const merkleRoot = receiptText(root.get(0))
  const targetHash = receiptText(root.get(1))
  if (!merkleRoot || !targetHash) throw new Error('it has no Merkle root or target hash')
  const path: MerkleStep[] = asArray(root.get(3)).map((step) => {
    const [side, hash] = pairs([step as Cbor])[0] ?? []
    const text = receiptText(hash)
    if ((side !== 0 && side !== 1) || !text) throw new Error('a step of its Merkle path is malformed')
    return side === 0 ? { left: text } : { right: text }
  })
  const anchors: BlockchainAnchor[] = asArray(root.get(2)).map((entry) => {
    const fields = new Map(pairs(entry as Cbor))
    const chainId = fields.get(0)
    if (chainId === MOCK_CHAIN) return { chain: 'a mock (test) chain', transaction: receiptText(fields.get(1)) ?? receiptText(fields.get(2)), mock: true }
    const chain = typeof chainId === 'number' ? CHAINS[chainId] : undefined
    const network = fields.get(1)
    const networkName = chain && typeof network === 'number' ? chain.networks[network] : undefined
    return {
      chain: chain ? `${chain.name}${networkName ? ` ${networkName}` : typeof network === 'number' ? ` (network ${network})` : ''}` : `an unknown chain (${String(chainId)})`,
      transaction: receiptText(fields.get(2)),
      mock: false,
    }
  })
  return { targetHash, merkleRoot, path, anchors }
}

/** The proofValue of a MerkleProof2019 receipt (the issuer's side; used by tests to build certificates). */
export function encodeMerkleProof2019(receipt: { targetHash: string; merkleRoot: string; path: MerkleStep[]; anchors: { chain: number; network?: number; transaction: string }[] }): string {
  const text = (s: string) => cborEncode(s)
  const root: Cbor = [
    [0, text(receipt.merkleRoot)],
    [1, text(receipt.targetHash)],
    [2, receipt.anchors.map((a): Cbor => (a.chain === MOCK_CHAIN ? [[0, MOCK_CHAIN], [1, text(a.transaction)]] : [[0, a.chain], [1, a.network ?? 1], [2, text(a.transaction)]]))],
    [3, receipt.path.map((step): Cbor => (step.left !== undefined ? [0, text(step.left)] : [1, text(step.right ?? '')]))],
  ]
  return `z${base58Encode(cborEncode(root))}`
}

/** Follows the Merkle path from the target hash: each step hashes the two hex hashes joined, as bytes. */
export function merkleRootOf(targetHash: string, path: readonly MerkleStep[]): string {
  let hash = targetHash.toLowerCase()
  for (const step of path) {
    const joined = step.left !== undefined ? `${step.left}${hash}` : `${hash}${step.right ?? ''}`
    if (!/^([0-9a-f]{2})+$/i.test(joined)) throw new Error('a step of its Merkle path is not a hex hash')
    hash = createHash('sha256').update(Buffer.from(joined, 'hex')).digest('hex')
  }
  return hash
}

// ---------------------------------------------------------------- v2 receipts (MerkleProof2017, Chainpoint)

const V2_CHAINS: Record<string, string> = {
  bitcoinMainnet: 'Bitcoin mainnet',
  bitcoinTestnet: 'Bitcoin testnet',
  bitcoinRegtest: 'Bitcoin regtest',
  ethereumMainnet: 'Ethereum mainnet',
  ethereumRopsten: 'Ethereum Ropsten',
  ethereumRinkeby: 'Ethereum Rinkeby',
  ethereumGoerli: 'Ethereum Goerli',
  ethereumSepolia: 'Ethereum Sepolia',
}

function readV2Receipt(signature: Obj): MerkleReceipt {
  const targetHash = typeof signature.targetHash === 'string' ? signature.targetHash : null
  const merkleRoot = typeof signature.merkleRoot === 'string' ? signature.merkleRoot : null
  if (!targetHash || !merkleRoot) throw new Error('it has no Merkle root or target hash')
  const path = asArray(signature.proof).map((step): MerkleStep => {
    const s = obj(step)
    if (typeof s?.left === 'string') return { left: s.left }
    if (typeof s?.right === 'string') return { right: s.right }
    throw new Error('a step of its Merkle path is malformed')
  })
  const anchors = asArray(signature.anchors)
    .map(obj)
    .filter((a): a is Obj => !!a)
    .map((a): BlockchainAnchor => {
      const type = String(a.type ?? '')
      const chainCode = typeof a.chain === 'string' ? a.chain : null
      const mock = /^mock/i.test(type) || /^mock/i.test(chainCode ?? '')
      const chain = mock ? 'a mock (test) chain' : (chainCode && V2_CHAINS[chainCode]) ?? (chainCode ? `the ${chainCode} chain` : /^ETH/i.test(type) ? 'Ethereum' : 'Bitcoin')
      return { chain, transaction: typeof a.sourceId === 'string' ? a.sourceId : null, mock }
    })
  return { targetHash, merkleRoot, path, anchors }
}

// ---------------------------------------------------------------- finding the receipt

const proofType = (proof: Obj) => asArray(proof.type).map(String).join(',')
const isMerkle2019 = (proof: Obj) => {
  const types = asArray(proof.type).map(String)
  return types.includes('MerkleProof2019') || (types.includes('DataIntegrityProof') && proof.cryptosuite === 'merkle-proof-2019') || (types.includes('ChainedProof2021') && proof.chainedProofType === 'MerkleProof2019')
}

/** The receipt of a Blockcerts certificate, or null when it has none Skillfolio knows. */
export function findBlockcertsReceipt(certificate: Obj): BlockcertsReceipt | null {
  const read = (f: () => MerkleReceipt): MerkleReceipt | { error: string } => {
    try {
      return f()
    } catch (error) {
      return { error: errorMessage(error) }
    }
  }
  // v1.2: { document, receipt } (Chainpoint); the hash covers `document`.
  const v1Receipt = obj(certificate.receipt)
  const v1Document = obj(certificate.document)
  if (v1Receipt && v1Document) return { version: 'v1.2', unsigned: v1Document, receipt: read(() => readV2Receipt(v1Receipt)), otherProofs: [] }

  const signature = obj(certificate.signature)
  if (signature && ('targetHash' in signature || 'merkleRoot' in signature)) {
    const { signature: _receipt, ...unsigned } = certificate
    return { version: 'v2', unsigned, receipt: read(() => readV2Receipt(signature)), otherProofs: [] }
  }

  const proofs = asArray(certificate.proof).map(obj).filter((p): p is Obj => !!p)
  const index = proofs.findIndex(isMerkle2019)
  if (index < 0) return null
  const merkle = proofs[index]!
  const before = proofs.slice(0, index)
  const { proof: _proofs, ...rest } = certificate
  // A chained proof signs the credential together with the proofs before it.
  const chained = asArray(merkle.type).map(String).includes('ChainedProof2021')
  const unsigned: Obj = chained && before.length ? { ...rest, proof: before.length === 1 ? before[0] : before } : rest
  const proofValue = typeof merkle.proofValue === 'string' ? merkle.proofValue : ''
  return {
    version: 'v3',
    unsigned,
    receipt: read(() => decodeMerkleProof2019(proofValue)),
    otherProofs: proofs.filter((p, i) => i !== index).map(proofType),
  }
}

// ---------------------------------------------------------------- the hash

export type BlockcertsHash = { kind: 'hash'; hash: string } | { kind: 'unmapped'; fields: string[] } | { kind: 'error'; missingContext: string | null; message: string }

/** SHA-256 of the canonical N-Quads, the way cert-verifier-js computes the local hash. */
export async function blockcertsHash(unsigned: Obj): Promise<BlockcertsHash> {
  const context = asArray(unsigned['@context'])
  const hasVocab = context.some((c) => obj(c) && '@vocab' in obj(c)!)
  const document = { ...unsigned, '@context': hasVocab ? context : [...context, { '@vocab': 'http://fallback.org/' }] }
  let nquads: string
  try {
    nquads = await jsonld.canonize(document, { algorithm: 'URDNA2015', format: 'application/n-quads', documentLoader: blockcertsDocumentLoader, safe: false })
  } catch (error) {
    let cause: unknown = error
    for (let i = 0; i < 5 && cause && !(cause instanceof DocumentNotAvailableError); i++) cause = obj(cause)?.cause ?? obj(obj(cause)?.details)?.cause
    if (cause instanceof DocumentNotAvailableError) return { kind: 'error', missingContext: cause.url, message: cause.message }
    return { kind: 'error', missingContext: null, message: errorMessage(error) }
  }
  const unmapped = new Set<string>()
  for (const match of nquads.matchAll(/<http:\/\/fallback\.org\/([^>]*)>/g)) unmapped.add(match[1]!)
  if (unmapped.size) return { kind: 'unmapped', fields: [...unmapped].sort() }
  return { kind: 'hash', hash: createHash('sha256').update(nquads, 'utf8').digest('hex') }
}

// ---------------------------------------------------------------- the signature verdict

const sig = (verdict: SignatureOutcome['verdict'], detail: string, method: string): SignatureOutcome => ({ verdict, detail, method, keyId: null })
const short = (s: string) => (s.length > 20 ? `${s.slice(0, 8)}…${s.slice(-8)}` : s)

/** The receipt kind(s), for the `method` of the verdict. */
export function blockcertsMethodName(certificate: Obj): string {
  const v1 = obj(certificate.receipt)
  if (v1 && obj(certificate.document)) return asArray(v1.type).map(String).join(',') || 'Chainpoint receipt'
  const names = [...asArray(certificate.proof), certificate.signature]
    .map(obj)
    .filter((p): p is Obj => !!p)
    .map((p) => {
      const type = proofType(p)
      const detail = typeof p.cryptosuite === 'string' ? ` ${p.cryptosuite}` : typeof p.chainedProofType === 'string' ? ` (${p.chainedProofType})` : ''
      return `${type.replace(/,Extension$/, '')}${detail}`
    })
  return names.length ? names.join(' + ') : 'Blockcerts'
}

/**
 * The signature verdict of a Blockcerts certificate: `invalid` when its content or receipt do not
 * hold together, otherwise never `valid` (the blockchain transaction is not looked up):
 * `needs_network` offline (`unsupported` online, since Skillfolio does no blockchain lookups),
 * and `unsupported` for a mock anchor, which no blockchain ever recorded.
 */
export async function checkBlockcertsSignature(certificate: Obj, options: { online: boolean }): Promise<SignatureOutcome> {
  const method = blockcertsMethodName(certificate)
  const found = findBlockcertsReceipt(certificate)
  if (!found) return sig('unsupported', 'This Blockcerts certificate carries no blockchain receipt (Merkle proof) that Skillfolio can read, so nothing was checked.', method)
  const anchorNotChecked = (prefix: string) =>
    options.online
      ? sig('unsupported', `${prefix} Skillfolio does not look up blockchains, so the anchor was not checked.`, method)
      : sig('needs_network', `${prefix} Checking the anchor needs a blockchain lookup on the network.`, method)
  if ('error' in found.receipt) return sig('invalid', `The certificate's blockchain receipt is damaged: ${found.receipt.error}.`, method)
  const receipt = found.receipt
  const others = found.otherProofs.length ? ` Its other proof (${found.otherProofs.join(', ')}) is of a kind Skillfolio does not check.` : ''

  let computed = await blockcertsHash(found.unsigned)
  // Some issuers hash a certificate before adding its status entry (credentialStatus, e.g. a
  // StatusList2021Entry whose context the certificate does not carry). When the full
  // certificate does not match but the same without its status fields does, the content is
  // intact; only the status entry is not covered by the receipt, and the detail says so.
  let statusNote = ''
  const matchesReceipt = (h: BlockcertsHash) => h.kind === 'hash' && HEX64.test(receipt.targetHash) && h.hash === receipt.targetHash.toLowerCase()
  if (!matchesReceipt(computed) && computed.kind !== 'error' && found.unsigned.credentialStatus !== undefined) {
    const { credentialStatus: _status, ...withoutStatus } = found.unsigned
    const retried = await blockcertsHash(withoutStatus)
    if (matchesReceipt(retried)) {
      computed = retried
      statusNote = ' The issuer hashed it without its status entry (credentialStatus), so that entry is not covered by the receipt and could have been changed.'
    }
  }
  if (computed.kind === 'error') {
    const why = computed.missingContext
      ? `it names a JSON-LD context Skillfolio does not bundle (${computed.missingContext})`
      : found.version === 'v1.2'
        ? `the Blockcerts v1.2 JSON-LD context is not valid JSON-LD 1.1, which Skillfolio's processor follows (${computed.message})`
        : `its JSON-LD could not be processed (${computed.message})`
    return anchorNotChecked(`Blockcerts ${found.version}, anchored in a blockchain transaction; its content hash could not be computed offline, because ${why}.${others}`)
  }
  if (computed.kind === 'unmapped') {
    return sig('invalid', `The certificate holds fields that its Blockcerts contexts do not define (${computed.fields.join(', ')}), so they are not covered by its blockchain receipt: it was changed after issuing or was never well-formed.`, method)
  }
  if (!HEX64.test(receipt.targetHash) || computed.hash !== receipt.targetHash.toLowerCase()) return sig('invalid', TAMPERED, method)
  let root: string
  try {
    root = merkleRootOf(receipt.targetHash, receipt.path)
  } catch (error) {
    return sig('invalid', `The certificate's blockchain receipt is damaged: ${errorMessage(error)}.`, method)
  }
  if (root !== receipt.merkleRoot.toLowerCase()) return sig('invalid', "The certificate's blockchain receipt is broken: its Merkle path does not lead to its Merkle root.", method)

  const matches = `The content matches its blockchain receipt (hash and Merkle path checked offline).${statusNote}`
  const real = receipt.anchors.filter((a) => !a.mock)
  if (real.length === 0) {
    const mock = receipt.anchors.length > 0
    return sig(
      'unsupported',
      mock
        ? `${matches} But it is anchored on a mock (test) chain, not a real blockchain: nothing ties it to its issuer, so it cannot be verified.${others}`
        : `${matches} But its receipt names no blockchain transaction, so nothing ties it to its issuer.${others}`,
      method,
    )
  }
  const where = real.map((a) => `${a.chain} transaction ${a.transaction ? short(a.transaction) : '(no id)'}`).join(', ')
  return anchorNotChecked(`${matches} Its Merkle root is anchored in ${where}.${others}`)
}

// ---------------------------------------------------------------- revocation

const issuerOf = (certificate: Obj, version: BlockcertsVersion): { id: string | null; embedded: Obj | null } => {
  if (version === 'v2') {
    const issuer = obj(obj(certificate.badge)?.issuer)
    return { id: typeof issuer?.id === 'string' ? issuer.id : null, embedded: issuer }
  }
  if (typeof certificate.issuer === 'string') return { id: certificate.issuer, embedded: null }
  const issuer = obj(certificate.issuer)
  return { id: typeof issuer?.id === 'string' ? issuer.id : null, embedded: issuer }
}

async function revocationList(url: string, certificateId: unknown, ctx: StatusContext, via: string): Promise<StatusOutcome> {
  let list: Obj | null
  try {
    list = obj(await ctx.fetchJson!(url))
  } catch (error) {
    return { verdict: 'needs_network', detail: `Could not fetch the issuer's revocation list ${url}: ${errorMessage(error)}` }
  }
  if (!list || !Array.isArray(list.revokedAssertions)) return { verdict: 'unknown', detail: `${url} is not a Blockcerts revocation list (it has no revokedAssertions).` }
  if (typeof certificateId !== 'string' || !certificateId) return { verdict: 'unknown', detail: `The certificate has no id to look up in the revocation list ${url}.` }
  const hit = list.revokedAssertions.find((r) => r === certificateId || obj(r)?.id === certificateId)
  if (hit !== undefined) {
    const reason = obj(hit)?.revocationReason
    return { verdict: 'revoked', detail: `Revoked by the issuer${typeof reason === 'string' && reason ? `: "${reason}"` : ''} (listed in ${url}${via}).` }
  }
  return { verdict: 'not_revoked', detail: `Not revoked: not listed in the issuer's revocation list ${url}${via}.` }
}

/** v3 `credentialStatus`: Blockcerts RevocationList entries here, status lists through status.ts. */
async function credentialStatusEntries(certificate: Obj, ctx: StatusContext): Promise<StatusOutcome> {
  const results: StatusOutcome[] = []
  for (const entry of asArray(certificate.credentialStatus).map(obj).filter((e): e is Obj => !!e)) {
    const types = asArray(entry.type).map(String)
    if (types.includes('RevocationList')) {
      const url = typeof entry.id === 'string' ? entry.id : null
      if (!url) results.push({ verdict: 'unknown', detail: 'The RevocationList status entry has no address.' })
      else if (!ctx.online || !ctx.fetchJson) results.push({ verdict: 'needs_network', detail: `Has a Blockcerts revocation list at ${url}; turn on online checks to look it up.` })
      else results.push(await revocationList(url, certificate.id, ctx, ''))
    } else {
      results.push(await checkCredentialStatus({ ...certificate, credentialStatus: entry }, ctx))
    }
  }
  return combine(results)
}

/** The status verdict of a Blockcerts certificate (v2 issuer profile, v3 credentialStatus or profile). */
export async function checkBlockcertsStatus(certificate: Obj, ctx: StatusContext): Promise<StatusOutcome> {
  const found = findBlockcertsReceipt(certificate)
  const version: BlockcertsVersion = found?.version ?? (obj(certificate.badge) ? 'v2' : 'v3')
  if (version === 'v1.2') {
    return ctx.online && ctx.fetchJson
      ? { verdict: 'unknown', detail: 'Blockcerts v1.2 certificates are revoked on the blockchain itself (a revocation address), which Skillfolio does not look up.' }
      : { verdict: 'needs_network', detail: 'Blockcerts v1.2 revocation is recorded on the blockchain; it needs the network.' }
  }
  if (version === 'v3' && certificate.credentialStatus !== undefined) return credentialStatusEntries(certificate, ctx)

  const issuer = issuerOf(certificate, version)
  const embeddedList = typeof issuer.embedded?.revocationList === 'string' ? issuer.embedded.revocationList : null
  const profileUrl = issuer.id && /^https?:\/\//i.test(issuer.id) ? issuer.id : null
  if (!profileUrl && !embeddedList) {
    if (issuer.id?.startsWith('did:') && !issuer.id.startsWith('did:key:')) {
      return ctx.online && ctx.fetchJson
        ? { verdict: 'unknown', detail: `The issuer is ${issuer.id.split(':').slice(0, 2).join(':')} and the certificate carries no status entry; Skillfolio does not read revocation lists from DID documents, so revocation was not checked.` }
        : { verdict: 'needs_network', detail: 'Blockcerts revocation is published by the issuer on the web; it needs the network.' }
    }
    return { verdict: 'unknown', detail: NO_STATUS }
  }
  if (!ctx.online || !ctx.fetchJson) {
    return { verdict: 'needs_network', detail: `Blockcerts revocation is published by the issuer on the web (${profileUrl ? `its profile ${profileUrl}` : `its list ${embeddedList}`}); turn on online checks to look it up.` }
  }
  // Online: the issuer's profile (as published now) names the revocation list; the copy embedded
  // in the certificate is used only when the profile names none.
  let listUrl: string | null = null
  let via = ''
  if (profileUrl) {
    try {
      const profile = obj(await ctx.fetchJson(profileUrl))
      if (!profile) return { verdict: 'unknown', detail: `The issuer profile ${profileUrl} is not a JSON object.` }
      if (typeof profile.revocationList === 'string') {
        listUrl = profile.revocationList
        via = `, named by the issuer profile ${profileUrl}`
      }
    } catch (error) {
      return { verdict: 'needs_network', detail: `Could not fetch the issuer profile ${profileUrl} to find its revocation list: ${errorMessage(error)}` }
    }
  }
  if (!listUrl && embeddedList) {
    listUrl = embeddedList
    via = ', named in the certificate'
  }
  if (!listUrl) return { verdict: 'unknown', detail: "The issuer offers no revocation check: its profile names no revocation list." }
  return revocationList(listUrl, certificate.id, ctx, via)
}
