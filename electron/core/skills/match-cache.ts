/**
 * Skill ids named in short texts (credential and project titles), remembered per matcher: the
 * evidence index is rebuilt after every change, and re-reading 10,000 unchanged titles would
 * cost more than the rest of the build. Bounded; cleared when full.
 */
import type { Matcher } from './matcher'

const MAX_ENTRIES = 200_000
const caches = new WeakMap<Matcher, Map<string, readonly string[]>>()

/** The distinct skill ids `matcher.match(text)` finds, in order of first mention. */
export function matchCached(matcher: Matcher, text: string): readonly string[] {
  let cache = caches.get(matcher)
  if (!cache) caches.set(matcher, (cache = new Map()))
  let ids = cache.get(text)
  if (!ids) {
    ids = [...new Set(matcher.match(text).map((m) => m.skillId))]
    if (cache.size >= MAX_ENTRIES) cache.clear()
    cache.set(text, ids)
  }
  return ids
}
