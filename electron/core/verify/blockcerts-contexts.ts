/**
 * The JSON-LD contexts a Blockcerts content hash needs, from the published `@blockcerts/schemas`
 * package (MIT, the Blockcerts project's own "one source of truth"; cert-verifier-js preloads the
 * same files). They are served only to the Blockcerts hash computation (blockcerts.ts), never to
 * the signature checks of other credentials; anything they do not cover falls back to the
 * contexts every check uses (contexts.ts). Nothing is ever fetched.
 *
 * The proof that they are right: the valid corpus certificates hash to exactly their receipts'
 * targetHash (tests/core/verify/blockcerts.test.ts).
 */
import { BUNDLED_CONTEXTS, deepFreeze } from './contexts'
import { DocumentNotAvailableError, type DocumentLoader } from './document-loader'
import openBadgesV2 from '@blockcerts/schemas/schemas/2.1/obi.json'
import vcV1 from '@blockcerts/schemas/schemas/3.0/credential.json'
import vcV2 from '@blockcerts/schemas/schemas/3.2/credential_v2.json'
import blockcertsV12 from '@blockcerts/schemas/schemas/1.2/context.json'
import blockcertsV2Alpha from '@blockcerts/schemas/schemas/2.0-alpha/context.json'
import blockcertsV2 from '@blockcerts/schemas/schemas/2.0/context.json'
import blockcertsV21 from '@blockcerts/schemas/schemas/2.1/context.json'
import blockcertsV3Alpha from '@blockcerts/schemas/schemas/3.0-alpha/context.json'
import blockcertsV3Beta from '@blockcerts/schemas/schemas/3.0-beta/context.json'
import blockcertsV3 from '@blockcerts/schemas/schemas/3.0/context.json'
import blockcertsV31 from '@blockcerts/schemas/schemas/3.1/context.json'
import blockcertsV32 from '@blockcerts/schemas/schemas/3.2/context.json'
import merkleProof2019 from '@blockcerts/schemas/schemas/3.1/merkleProof2019Context.json'
import chainedProof2021 from '@blockcerts/schemas/schemas/3.1/chainedProof2021Context.json'
import statusList2021 from '@blockcerts/schemas/schemas/3.1/statusList2021Context.json'
import dataIntegrityV2 from '@blockcerts/schemas/schemas/3.2/dataIntegrityProof.json'

/** Each Blockcerts version is published under three addresses (w3id short, w3id schema path, blockcerts.org). */
function versionUrls(version: string, short: string | null = `https://w3id.org/blockcerts/v${version}`): string[] {
  return [short, `https://w3id.org/blockcerts/schema/${version}/context.json`, `https://www.blockcerts.org/schema/${version}/context.json`].filter((u): u is string => u !== null)
}

function build(): Map<string, object> {
  const map = new Map<string, object>()
  const add = (urls: string[], context: object) => {
    for (const url of urls) map.set(url, context)
  }
  add(['https://w3id.org/openbadges/v2', 'https://openbadgespec.org/v2/context.json'], openBadgesV2)
  add(['https://www.w3.org/2018/credentials/v1'], vcV1)
  add(['https://www.w3.org/ns/credentials/v2'], vcV2)
  // v1.2 is listed for completeness: JSON-LD 1.1 processors refuse its `image:signature` term.
  add(['https://w3id.org/blockcerts/v1', ...versionUrls('1.2', null)], blockcertsV12)
  add(versionUrls('2.0-alpha', null), blockcertsV2Alpha)
  add([...versionUrls('2.0', 'https://w3id.org/blockcerts/v2'), 'https://www.w3id.org/blockcerts/schema/2.0/context.json'], blockcertsV2)
  add(versionUrls('2.1'), blockcertsV21)
  add(versionUrls('3.0-alpha'), blockcertsV3Alpha)
  add(versionUrls('3.0-beta'), blockcertsV3Beta)
  add([...versionUrls('3.0', 'https://w3id.org/blockcerts/v3'), 'https://w3id.org/blockcerts/v3.0'], blockcertsV3)
  add(versionUrls('3.1'), blockcertsV31)
  add(versionUrls('3.2'), blockcertsV32)
  add(['https://w3id.org/security/suites/merkle-2019/v1'], merkleProof2019)
  add(['https://w3id.org/security/suites/chained-2021/v1'], chainedProof2021)
  add(['https://w3id.org/vc/status-list/2021/v1'], statusList2021)
  add(['https://w3id.org/security/data-integrity/v2'], dataIntegrityV2)
  for (const context of map.values()) deepFreeze(context)
  return map
}

/** URL → context, the Blockcerts package's copies (also of VC 1.1/2.0 and OB 2.0, as cert-verifier-js uses them). */
export const BLOCKCERTS_CONTEXTS: ReadonlyMap<string, object> = build()

/** The loader of the Blockcerts hash: Blockcerts' own contexts first, then the bundled ones; never the network. */
export const blockcertsDocumentLoader: DocumentLoader = async (url: string) => {
  const document = BLOCKCERTS_CONTEXTS.get(url) ?? BUNDLED_CONTEXTS.get(url)
  if (document === undefined) throw new DocumentNotAvailableError(url)
  return { contextUrl: null, documentUrl: url, document }
}
