/**
 * Validates the built-in catalog with the app's own loader and prints a summary; with
 * --write, rewrites skills.json and roles.json in their canonical layout.
 *
 *   npx tsx tests/core/taxonomy/catalog-tool.ts [--write]
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { catalogDir, loadCatalog, ROLES_FILE, SKILLS_FILE } from '../../../electron/core/taxonomy/catalog'
import { formatRolesFile, formatSkillsFile } from './catalog-format'

const resourcesDir = resolve(__dirname, '../../../resources')
const catalog = loadCatalog(resourcesDir)
const count = (values: string[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${k} ${n}`).join(', ')
console.log(`catalog ${catalog.version}: ${catalog.skills.length} skills, ${catalog.roles.length} roles`)
console.log(`skills by area: ${count(catalog.skills.map((s) => s.area))}`)
console.log(`skills by category: ${count(catalog.skills.map((s) => s.category))}`)
console.log(`skills with an ESCO URI: ${catalog.skills.filter((s) => s.escoUri).length}; context-only: ${catalog.skills.filter((s) => s.contextOnly).length}`)
console.log(`roles by area: ${count(catalog.roles.map((r) => r.area))}`)
if (process.argv.includes('--write')) {
  const dir = catalogDir(resourcesDir)
  writeFileSync(join(dir, SKILLS_FILE), formatSkillsFile(catalog.version, catalog.skills))
  writeFileSync(join(dir, ROLES_FILE), formatRolesFile(catalog.version, catalog.roles))
  console.log(`rewrote ${SKILLS_FILE} and ${ROLES_FILE}`)
}
