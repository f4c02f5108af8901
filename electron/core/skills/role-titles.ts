/**
 * Which catalog role a job title names: "Senior Data Analyst", "Junior Reporting Analyst"
 * (an alternate title of Data Analyst) or "Data Analyst II". Seniority words and grades are
 * left out; the rest must equal a role's title or alternate title, key for key.
 */
import type { CatalogData, CatalogRole } from '../analysis/types'
import { skillKey } from './key'

const SENIORITY = new Set([
  'junior', 'jr', 'senior', 'sr', 'lead', 'principal', 'staff', 'associate', 'assistant', 'trainee',
  'graduate', 'intern', 'apprentice', 'entry', 'level', 'mid', 'chief', 'i', 'ii', 'iii', 'iv', '1', '2', '3',
])

const cache = new WeakMap<object, { exact: ReadonlyMap<string, CatalogRole>; plain: ReadonlyMap<string, CatalogRole> }>()

/** "Data Analyst (contract)" and "Data Analyst - Retail": the part before the bracket or dash. */
const headKey = (title: string) => skillKey(title.split(/\s[-–—|]\s|[(,]/)[0] ?? title)
const plainKey = (key: string) =>
  key
    .split(' ')
    .filter((w) => w && !SENIORITY.has(w))
    .join(' ')

function index(catalog: CatalogData) {
  let found = cache.get(catalog)
  if (!found) {
    const exact = new Map<string, CatalogRole>()
    const plain = new Map<string, CatalogRole>()
    const titles = catalog.roles.flatMap((r) => [{ r, t: r.title }, ...r.alternateTitles.map((t) => ({ r, t }))])
    // Titles before alternate titles, so a role's own title always wins.
    for (const { r, t } of titles) if (!exact.has(headKey(t))) exact.set(headKey(t), r)
    // Without seniority words: roles whose title has none first ("Data Analyst" before "Senior Data Analyst").
    const bare = titles.filter(({ t }) => plainKey(headKey(t)) === headKey(t))
    for (const { r, t } of [...bare, ...titles]) if (!plain.has(plainKey(headKey(t)))) plain.set(plainKey(headKey(t)), r)
    exact.delete('')
    plain.delete('')
    cache.set(catalog, (found = { exact, plain }))
  }
  return found
}

/** The catalog role a job title names, or null: the title as written first, then without seniority words. */
export function roleOfTitle(catalog: CatalogData, title: string): CatalogRole | null {
  const { exact, plain } = index(catalog)
  const key = headKey(title)
  return exact.get(key) ?? plain.get(plainKey(key)) ?? null
}
