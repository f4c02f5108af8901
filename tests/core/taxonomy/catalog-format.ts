/**
 * The canonical layout of resources/taxonomy/skills.json and roles.json: one skill per line,
 * one role skill per line, so a change to the catalog reads as a small diff. The catalog
 * test checks the files are in this layout; `npx tsx tests/core/taxonomy/catalog-tool.ts
 * --write` rewrites them (after validating them with the app's own loader).
 */
import type { CatalogRole, CatalogSkill } from '../../../electron/core/taxonomy/catalog'

const line = (value: unknown) => JSON.stringify(value)

/** Key order of a skill entry in the file. */
const SKILL_KEYS = ['id', 'name', 'category', 'area', 'aliases', 'abbreviations', 'contextOnly', 'escoUri'] as const
/** Relation lists, written after the other keys and only when not empty. */
const RELATION_KEYS = ['broader', 'implies'] as const
const ROLE_KEYS = ['id', 'title', 'area', 'onetSoc', 'escoUri', 'alternateTitles', 'description'] as const

export function formatSkillsFile(version: string, skills: readonly CatalogSkill[]): string {
  const rows = skills.map((s) => {
    const keys = [...SKILL_KEYS, ...RELATION_KEYS.filter((k) => s[k].length > 0)]
    return `    {${keys.map((k) => `${line(k)}: ${line(s[k])}`).join(', ')}}`
  })
  return `{\n  "version": ${line(version)},\n  "skills": [\n${rows.join(',\n')}\n  ]\n}\n`
}

export function formatRolesFile(version: string, roles: readonly CatalogRole[]): string {
  const blocks = roles.map((r) => {
    const head = ROLE_KEYS.map((k) => `      ${line(k)}: ${line(r[k])},`).join('\n')
    const skills = r.skills.map((e) => `        {"skill": ${line(e.skill)}, "weight": ${line(e.weight)}, "essential": ${line(e.essential)}}`)
    return `    {\n${head}\n      "skills": [\n${skills.join(',\n')}\n      ]\n    }`
  })
  return `{\n  "version": ${line(version)},\n  "roles": [\n${blocks.join(',\n')}\n  ]\n}\n`
}
