/**
 * The target role a resume is tailored for: the role's skills (as the `roles:get` channel gives
 * them) with the catalog's aliases and abbreviations added, so a credential tagged "Postgres"
 * matches a role asking for PostgreSQL even when the portfolio never linked the two.
 */
import type { RoleDetail } from '../../shared/analysis'
import { nameKey } from '../portfolio/text'
import type { TargetRole } from '../pdf'
import type { Catalog, CatalogSkill } from '../taxonomy'

/** Schema limit of TargetRoleSchema's aliases. */
const MAX_ALIASES = 50

export function createRoleAliases(catalog: () => Catalog) {
  let byKey: Map<string, CatalogSkill> | null = null
  /** Catalog skills by the folded name, then alias (a name always wins over an alias). */
  const index = () => {
    if (!byKey) {
      byKey = new Map()
      const skills = catalog().skills
      for (const s of skills) byKey.set(nameKey(s.name), s)
      for (const s of skills) for (const a of s.aliases) if (!byKey.has(nameKey(a))) byKey.set(nameKey(a), s)
    }
    return byKey
  }

  /** Other names of one skill (not including the name itself). */
  function aliasesOf(name: string): string[] {
    const skill = index().get(nameKey(name))
    if (!skill) return []
    // Abbreviations of context-only skills ("R", "Go") would match unrelated words in titles.
    const names = [skill.name, ...skill.aliases, ...(skill.contextOnly ? [] : skill.abbreviations)]
    const own = nameKey(name)
    const seen = new Set<string>([own])
    const out: string[] = []
    for (const n of names) {
      const key = nameKey(n)
      if (seen.has(key)) continue
      seen.add(key)
      out.push(n)
    }
    return out.slice(0, MAX_ALIASES)
  }

  return {
    aliasesOf,
    targetRole(detail: Pick<RoleDetail, 'title' | 'skills'>): TargetRole {
      return {
        title: detail.title,
        skills: detail.skills.map((s) => ({ name: s.name, weight: s.weight, essential: s.essential, aliases: aliasesOf(s.name) })),
      }
    },
  }
}
