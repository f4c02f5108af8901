/**
 * Skill relations of the catalog (`broader` and `implies` in resources/taxonomy/skills.json):
 * evidence for a narrower or implying skill lends partial credit to the other one, shown as
 * "via AWS". One hop only: AWS lends to Cloud computing, not on to what Cloud computing implies.
 */
import type { CatalogData } from '../analysis/types'

export interface SkillRelation {
  /** The skill that lends credit (the narrower or implying one). */
  from: string
  relation: 'broader' | 'implies'
}

const cache = new WeakMap<object, ReadonlyMap<string, readonly SkillRelation[]>>()

/** For each catalog skill: the skills whose evidence lends it credit. */
export function lendersOf(catalog: CatalogData): ReadonlyMap<string, readonly SkillRelation[]> {
  let map = cache.get(catalog)
  if (!map) {
    const m = new Map<string, SkillRelation[]>()
    const add = (to: string, rel: SkillRelation) => {
      const list = m.get(to)
      if (list) list.push(rel)
      else m.set(to, [rel])
    }
    for (const s of catalog.skills) {
      for (const to of s.broader ?? []) add(to, { from: s.id, relation: 'broader' })
      for (const to of s.implies ?? []) add(to, { from: s.id, relation: 'implies' })
    }
    cache.set(catalog, (map = m))
  }
  return map
}
