/**
 * The JSON-LD document loader used for every signature check. It never touches the network:
 * it serves the bundled contexts, plus documents handed to it for one check (verification
 * methods resolved by keys.ts, contexts fetched by the online checks). Anything else is an error
 * naming the URL, so a missing context shows up as a clear reason rather than a hang.
 */
import { BUNDLED_CONTEXTS } from './contexts'

export interface LoadedDocument {
  contextUrl: null
  documentUrl: string
  document: unknown
}
export type DocumentLoader = (url: string) => Promise<LoadedDocument>

export class DocumentNotAvailableError extends Error {
  readonly url: string
  constructor(url: string) {
    super(`The document ${url} is not available offline (it is not bundled with Skillfolio).`)
    this.name = 'DocumentNotAvailableError'
    this.url = url
  }
}

/** One loader per set of extra documents; the bundled contexts are shared by all of them. */
export function createDocumentLoader(extra?: ReadonlyMap<string, unknown>): DocumentLoader {
  return async (url: string) => {
    const document = BUNDLED_CONTEXTS.get(url) ?? extra?.get(url)
    if (document === undefined) throw new DocumentNotAvailableError(url)
    return { contextUrl: null, documentUrl: url, document }
  }
}

/** Every string `@context` URL used anywhere in a JSON-LD document (nested objects included). */
export function collectContextUrls(document: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (depth > 64 || document === null || typeof document !== 'object') return into
  if (Array.isArray(document)) {
    for (const item of document) collectContextUrls(item, into, depth + 1)
    return into
  }
  for (const [key, value] of Object.entries(document)) {
    if (key === '@context') {
      for (const entry of Array.isArray(value) ? value : [value]) {
        if (typeof entry === 'string') into.add(entry)
        else collectContextUrls(entry, into, depth + 1)
      }
    } else if (value && typeof value === 'object') {
      collectContextUrls(value, into, depth + 1)
    }
  }
  return into
}

/** Context URLs a document needs that are not bundled. */
export function missingContexts(document: unknown, available?: ReadonlyMap<string, unknown>): string[] {
  return [...collectContextUrls(document)].filter((url) => !BUNDLED_CONTEXTS.has(url) && !available?.has(url))
}
