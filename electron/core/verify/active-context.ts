/**
 * Skillfolio's own set-up of jsonld.js for its canonicalisations: copy-on-write active contexts
 * and a private cache of resolved contexts. Same output as stock jsonld.js, several times faster
 * (see README.md, "Speed"); nothing changes for other users of jsonld.js in the process.
 *
 * **Copy-on-write active contexts.** jsonld.js (9.x) deep-copies the whole active context (every
 * term definition, with the scoped contexts inside them) each time it enters a node with a
 * type-scoped context, leaves one, or processes a context: with VC 2.0 + OB 3.0 that is hundreds
 * of term definitions, several times per credential, and it was most of the CPU time of a
 * signature check (plus the garbage collection of those copies). The copy is defensive:
 * jsonld.js never changes a term definition once made. Processing a context puts *new* definition
 * objects into the copy's `mappings` map (or deletes or restores entries of it) and sets entries
 * of its `protected` record; processed contexts are shared through its own cache
 * (ResolvedContext) and the initial context is a shared singleton, so they are never modified in
 * place either. A copy therefore only needs its own `mappings` map and `protected` record, and
 * only once it defines a term (most copies never do: leaving a typed node, entering one before
 * its scoped context is applied); the definitions and the previous (pre type-scoped) context can
 * always be shared. jsonld.js keeps one initial active context per `processingMode` option and every context it
 * derives copies the `clone` function of its parent. Skillfolio asks for `json-ld-1.1` (the
 * default mode, spelled out; same behaviour) and gives that initial context the cheap copy, so
 * only Skillfolio's calls use it.
 *
 * **Private resolved-context cache.** jsonld.js re-reads a context URL and re-serialises the whole
 * context (`JSON.stringify`, its cache key) for every document unless the loader tags it
 * `static`, and then remembers it in a cache shared by the whole process, whatever loader asked.
 * Other code in the process serves other documents under the same URLs (the Blockcerts hash uses
 * the Blockcerts project's copies of the VC contexts), so Skillfolio must not put its contexts
 * there: its calls get their own ContextResolver over a cache of their own, and only the bundled
 * contexts are tagged `static` in it (contexts fetched online never are).
 *
 * If jsonld.js's internals do not look as expected, nothing is changed and canonicalisation runs
 * through stock jsonld.js (tests/core/verify/active-context.test.ts then fails, to say so).
 */
import { createRequire } from 'node:module'
import { BUNDLED_CONTEXTS } from './contexts'
import { collectContextUrls } from './document-loader'

/** The `processingMode` that selects Skillfolio's initial context. */
export const PROCESSING_MODE = 'json-ld-1.1'

interface ActiveContext {
  processingMode?: string
  mappings: Map<string, unknown> | TermMap
  protected: Record<string, boolean>
  inverse: unknown
  previousContext?: ActiveContext
  clone(this: ActiveContext): ActiveContext
  revertToPreviousContext(this: ActiveContext): ActiveContext
}

interface ContextModule {
  getInitialContext(options: { processingMode?: string }): ActiveContext
}

interface SharedCache {
  get(key: string): unknown
  set(key: string, value: unknown): void
}
type ContextResolverClass = new (options: { sharedCache: SharedCache }) => object

type Loader = (url: string) => Promise<unknown>

/** Term maps and `protected` records that more than one context refers to: copied before a write. */
const sharedMaps = new WeakSet<Map<string, unknown>>()
const sharedProtected = new WeakSet<object>()

/**
 * A context's term definitions, shared with the context it was copied from until either of them
 * defines a term. jsonld.js uses only these members of `mappings`, and writes (`set`, `delete`)
 * only while defining a term, which it always starts by writing the map, before it marks the term
 * protected: so the first write also gives the context its own `protected` record.
 */
class TermMap {
  constructor(
    private map: Map<string, unknown>,
    private readonly owner: ActiveContext,
  ) {}
  get size(): number {
    return this.map.size
  }
  get(term: string): unknown {
    return this.map.get(term)
  }
  has(term: string): boolean {
    return this.map.has(term)
  }
  keys() {
    return this.map.keys()
  }
  values() {
    return this.map.values()
  }
  entries() {
    return this.map.entries()
  }
  [Symbol.iterator]() {
    return this.map[Symbol.iterator]()
  }
  forEach(callback: (value: unknown, term: string, map: Map<string, unknown>) => void): void {
    this.map.forEach(callback)
  }
  set(term: string, definition: unknown): this {
    this.own()
    this.map.set(term, definition)
    return this
  }
  delete(term: string): boolean {
    this.own()
    return this.map.delete(term)
  }
  /** The map, now shared with a copy of the owner. */
  share(): Map<string, unknown> {
    sharedMaps.add(this.map)
    return this.map
  }
  private own(): void {
    if (sharedMaps.has(this.map)) this.map = new Map(this.map)
    if (sharedProtected.has(this.owner.protected)) this.owner.protected = { ...this.owner.protected }
  }
}

/** A child context: shares the parent's term map and protected record until it writes them. */
function copyOnWriteClone(this: ActiveContext): ActiveContext {
  const child = { ...this }
  if (this.mappings instanceof TermMap) {
    child.mappings = new TermMap(this.mappings.share(), child)
    sharedProtected.add(this.protected)
  } else {
    // The initial context (a plain, empty Map): copied outright.
    child.mappings = new TermMap(new Map(this.mappings), child)
    child.protected = { ...this.protected }
  }
  child.inverse = null
  return child
}

// jsonld.js's own modules: the very instances its expansion uses (same files). A literal
// require() lets bundlers include them; under an ES module runner (vitest) createRequire
// resolves the same files.
/* eslint-disable @typescript-eslint/no-require-imports */
const requireContextModule = (): unknown => (typeof require === 'function' ? require('jsonld/lib/context.js') : createRequire(__filename)('jsonld/lib/context.js'))
const requireContextResolver = (): unknown => (typeof require === 'function' ? require('jsonld/lib/ContextResolver.js') : createRequire(__filename)('jsonld/lib/ContextResolver.js'))
/* eslint-enable @typescript-eslint/no-require-imports */

function load<T>(get: () => unknown, valid: (mod: unknown) => boolean): T | null {
  try {
    const mod = get()
    return valid(mod) ? (mod as T) : null
  } catch {
    return null
  }
}

let contextModule: ContextModule | null | undefined
let ContextResolver: ContextResolverClass | null | undefined

/** Makes sure Skillfolio's initial context copies on write (jsonld may drop its cached ones). */
function copyOnWrite(): boolean {
  if (contextModule === undefined) contextModule = load<ContextModule>(requireContextModule, (m) => typeof (m as Partial<ContextModule>).getInitialContext === 'function')
  if (!contextModule) return false
  const initial = contextModule.getInitialContext({ processingMode: PROCESSING_MODE })
  if (initial.clone === copyOnWriteClone) return true
  const expected =
    initial.mappings instanceof Map &&
    initial.mappings.size === 0 &&
    typeof initial.clone === 'function' &&
    typeof initial.revertToPreviousContext === 'function' &&
    typeof initial.protected === 'object' &&
    initial.processingMode === PROCESSING_MODE
  if (!expected) return false
  initial.clone = copyOnWriteClone
  return true
}

/** Resolved contexts of Skillfolio's calls (bundled ones by URL, inline ones by their JSON). */
const RESOLVED_MAX = 200
const resolved = new Map<string, unknown>()
const sharedCache: SharedCache = {
  get(key) {
    const value = resolved.get(key)
    if (value !== undefined) {
      // Most recently used last, so that the oldest goes first when full.
      resolved.delete(key)
      resolved.set(key, value)
    }
    return value
  },
  set(key, value) {
    if (resolved.size >= RESOLVED_MAX) resolved.delete(resolved.keys().next().value!)
    resolved.set(key, value)
  },
}

/**
 * Bundled contexts are constant, so they may stay resolved across documents: tagged `static`.
 * Not one that refers to a context outside the bundle (none does today), since its resolved
 * form would then hold a document that may have been fetched online.
 */
const selfContained = new Map<string, boolean>()
function isStatic(url: string, document: unknown): boolean {
  const bundled = BUNDLED_CONTEXTS.get(url)
  if (bundled === undefined || document !== bundled) return false
  let yes = selfContained.get(url)
  if (yes === undefined) {
    yes = [...collectContextUrls(bundled)].every((inner) => BUNDLED_CONTEXTS.has(inner)) && !JSON.stringify(bundled).includes('"@import"')
    selfContained.set(url, yes)
  }
  return yes
}

function tagBundled(loader: Loader): Loader {
  return async (url: string) => {
    const result = await loader(url)
    if (result && typeof result === 'object' && isStatic(url, (result as { document?: unknown }).document)) return { ...result, tag: 'static' }
    return result
  }
}

/** Whether Skillfolio's jsonld.js set-up is in effect (false: stock jsonld.js, same output). */
export function fastJsonLdAvailable(): boolean {
  if (ContextResolver === undefined) ContextResolver = load<ContextResolverClass>(requireContextResolver, (m) => typeof m === 'function' && typeof (m as { prototype?: { resolve?: unknown } }).prototype?.resolve === 'function')
  return copyOnWrite() && ContextResolver !== null
}

/**
 * Options to add to one jsonld.js operation (`toRDF`, `canonize`, `expand`) so that it uses
 * Skillfolio's set-up. `documentLoader` is the operation's own loader; a new resolver is made
 * for each operation, as jsonld.js does (it keeps per-operation state).
 */
export function fastJsonLdOptions(documentLoader?: unknown): { processingMode?: string; contextResolver?: object; documentLoader?: Loader } {
  if (!fastJsonLdAvailable()) return {}
  const options: { processingMode: string; contextResolver: object; documentLoader?: Loader } = { processingMode: PROCESSING_MODE, contextResolver: new ContextResolver!({ sharedCache }) }
  if (typeof documentLoader === 'function') options.documentLoader = tagBundled(documentLoader as Loader)
  return options
}
