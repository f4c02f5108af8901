/** Offline-first verification of imported credentials (see README.md). */
export { createVerifier, type Verifier, type VerifierOptions, type ProofCheckRunner } from './verifier'
export { createOnlineFetcher, FetchError, type FetchJson, type OnlineFetcherOptions } from './online-fetch'
export { createProofCheckPool, type ProofCheckPool, type ProofCheckPoolOptions } from './pool'
export { createDocumentLoader } from './document-loader'
