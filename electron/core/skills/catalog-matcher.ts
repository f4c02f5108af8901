import type { CatalogData } from '../analysis/types'
import { createMatcher, type Matcher, type MatcherSkill } from './matcher'

/** A catalog-only matcher per catalog object, built once and reused across index rebuilds. */
const catalogMatchers = new WeakMap<object, Matcher>()
export function catalogMatcher(catalog: CatalogData): Matcher {
  let m = catalogMatchers.get(catalog)
  if (!m) catalogMatchers.set(catalog, (m = createMatcher(catalog.skills)))
  return m
}

/**
 * The catalog plus the user's own skills the catalog does not know. The last one built per
 * catalog is kept while the user's skills stay the same, so an index rebuild after an unrelated
 * change reuses it (and the titles it has already matched).
 */
const portfolioMatchers = new WeakMap<object, { signature: string; matcher: Matcher }>()
export function portfolioMatcher(catalog: CatalogData, extras: readonly MatcherSkill[]): Matcher {
  if (extras.length === 0) return catalogMatcher(catalog)
  const signature = JSON.stringify(extras.map((e) => [e.id, e.name, e.aliases ?? []]))
  const last = portfolioMatchers.get(catalog)
  if (last?.signature === signature) return last.matcher
  const matcher = createMatcher(catalog.skills, { extra: extras })
  portfolioMatchers.set(catalog, { signature, matcher })
  return matcher
}
