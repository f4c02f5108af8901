import type { CatalogData } from '../analysis/types'
import { createMatcher, type Matcher } from './matcher'

/** A catalog-only matcher per catalog object, built once and reused across index rebuilds. */
const catalogMatchers = new WeakMap<object, Matcher>()
export function catalogMatcher(catalog: CatalogData): Matcher {
  let m = catalogMatchers.get(catalog)
  if (!m) catalogMatchers.set(catalog, (m = createMatcher(catalog.skills)))
  return m
}
