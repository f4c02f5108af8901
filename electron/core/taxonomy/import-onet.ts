/**
 * Imports the O*NET database in its text edition (tab-separated files with a header row):
 * Occupation Data.txt (required), Alternate Titles.txt, Technology Skills.txt and Skills.txt,
 * plus Content Model Reference.txt for skill descriptions and Read Me.txt for the version.
 *
 * Mapping:
 * - occupation: external_id = code = O*NET-SOC code, title, description, alternate titles.
 * - technology skill (Technology Skills.txt, one per distinct product `Example`):
 *   external_id "tech:<Example>", category 'technology', description = commodity title,
 *   alias = a trailing acronym ("Structured query language SQL" -> "SQL").
 *   Link: In Demand = Y -> essential, weight 1.0; Hot Technology = Y -> 0.7; otherwise 0.3.
 * - generic skill (Skills.txt, 35 elements such as 2.A.1.a Reading Comprehension):
 *   external_id = Element ID; category 'technology' for the technical skills (2.B.3.*),
 *   'transversal' for the rest. Link from the importance (IM) row: weight = (IM - 1) / 4,
 *   essential when IM >= 3; rows flagged Recommend Suppress, or whose level (LV) row is
 *   Not Relevant, are left out.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Db } from '../db/open'
import { badInput } from '../../shared/errors'
import { columnIndex, readTsv } from './csv'
import { fileSize, listFolder, pick, subfolderWith } from './folders'
import { runStagedImport, type OccupationRow, type RelationRow, type SkillRow, type TaxonomyImportOptions, type TaxonomyImportResult } from './store'

export const ONET_WEIGHT = { inDemand: 1, hot: 0.7, other: 0.3 } as const
export const ONET_ESSENTIAL_IMPORTANCE = 3

const WHAT = 'O*NET text files (the "Text" edition of the O*NET database download)'
const CODE = 'O*NET-SOC Code'

export interface OnetFiles {
  occupations: string
  alternateTitles: string | null
  technologySkills: string | null
  skills: string | null
  contentModel: string | null
  readMe: string | null
}

const exact = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.gz)?$`, 'i')

export function findOnetFiles(folder: string): OnetFiles {
  const names = listFolder(folder, WHAT)
  const occupations = pick(names, exact('Occupation Data.txt'))
  if (!occupations) {
    if (names.some((n) => /^Occupation Data\.xlsx$/i.test(n))) {
      throw badInput(`This folder holds the Excel edition of O*NET; download the text edition (db_…_text.zip), unzip it, and choose that folder`)
    }
    const sub = subfolderWith(folder, /^Occupation Data\.txt$/i)
    const hint = sub ? ` (its subfolder "${sub}" has one)` : names.some((n) => /\.zip$/i.test(n)) ? ' (unzip the O*NET download first)' : ''
    throw badInput(`This folder has no Occupation Data.txt${hint}; choose the folder that holds the ${WHAT}`)
  }
  const at = (name: string) => {
    const hit = pick(names, exact(name))
    return hit ? join(folder, hit) : null
  }
  return {
    occupations: join(folder, occupations),
    alternateTitles: at('Alternate Titles.txt'),
    technologySkills: at('Technology Skills.txt'),
    skills: at('Skills.txt'),
    contentModel: at('Content Model Reference.txt'),
    readMe: at('Read Me.txt'),
  }
}

/** "O*NET 29.3 Database" in Read Me.txt -> "29.3". */
export function onetVersion(readMe: string | null): string | null {
  if (!readMe || !existsSync(readMe) || readMe.endsWith('.gz')) return null
  const match = /O\*NET\s+(\d+(?:\.\d+)?)\s+Database/i.exec(readFileSync(readMe, 'utf8').slice(0, 4000))
  return match ? match[1]! : null
}

/**
 * Aliases by rule for O*NET's long product names: a trailing acronym whose letters appear in
 * order in the words before it ("Structured query language SQL" -> "SQL", "Structured query
 * language"; "Extensible markup language XML" -> "XML", …) and the name without a trailing
 * "software". "Microsoft Power BI" keeps no "BI": there is no b in "microsoft power".
 */
export function technologyAliases(name: string): string[] {
  const base = name.replace(/\s+software$/i, '').trim()
  const words = base.split(/\s+/)
  const last = words[words.length - 1] ?? ''
  if (words.length > 1 && /^[A-Z][A-Za-z0-9.+#/-]*$/.test(last) && (last.match(/[A-Z]/g) ?? []).length >= 2) {
    const letters = last.toLowerCase().replace(/[^a-z]/g, '')
    const before = words.slice(0, -1)
    const spelled = before.join(' ').toLowerCase()
    let at = spelled.indexOf(letters[0] ?? '')
    for (const ch of letters.slice(1)) {
      if (at === -1) break
      at = spelled.indexOf(ch, at + 1)
    }
    if (at !== -1) return [last, before.join(' ')]
  }
  return base !== name && base.length > 1 ? [base] : []
}

const yes = (cell: string | undefined) => cell?.trim().toUpperCase() === 'Y'

async function* records(path: string, label: string, required: readonly string[], onBytes: (p: { bytesRead: number }) => void) {
  let col: Record<string, number> | null = null
  for await (const batch of readTsv(path, { onBytes })) {
    const out: { get: (name: string) => string }[] = []
    for (const record of batch) {
      if (!col) {
        col = columnIndex(record, required, label)
        continue
      }
      const c = col
      out.push({ get: (name) => (record[c[name]!] ?? '').trim() })
    }
    yield out
  }
}

export interface OnetImportOptions extends TaxonomyImportOptions {
  /** Name of the source (re-importing the same name replaces it). Default "O*NET". */
  name?: string
}

export async function importOnet(db: Db, folder: string, options: OnetImportOptions = {}): Promise<TaxonomyImportResult> {
  const files = findOnetFiles(folder)
  const version = options.version ?? onetVersion(files.readMe)
  return runStagedImport(db, 'onet', options.name ?? 'O*NET', { ...options, version }, async (staged, report) => {
    const warnings: string[] = []
    let skipped = 0
    const paths = [files.occupations, files.alternateTitles, files.technologySkills, files.skills, files.contentModel].filter((p): p is string => p !== null)
    report.setTotalBytes(paths.reduce((sum, p) => sum + fileSize(p), 0))
    const onBytes = ({ bytesRead }: { bytesRead: number }) => report.bytes(bytesRead)
    for (const [name, path] of [
      ['Alternate Titles.txt', files.alternateTitles],
      ['Technology Skills.txt', files.technologySkills],
      ['Skills.txt', files.skills],
    ] as const) {
      if (!path) warnings.push(`${name} is not in the folder: ${name === 'Alternate Titles.txt' ? 'no alternate titles' : 'no skills from it'} were imported`)
    }

    // Occupations first (small): code -> row, then their alternate titles, then insert.
    report.phase('occupations', basename(files.occupations))
    const occupations = new Map<string, OccupationRow & { alternateTitles: string[] }>()
    for await (const batch of records(files.occupations, basename(files.occupations), [CODE, 'Title', 'Description'], onBytes)) {
      for (const r of batch) {
        const code = r.get(CODE)
        const title = r.get('Title')
        if (!code || !title) {
          skipped++
          continue
        }
        occupations.set(code, { externalId: code, title, description: r.get('Description') || null, code, alternateTitles: [] })
      }
      report.addRows(batch.length)
    }
    if (occupations.size === 0) throw badInput(`${basename(files.occupations)} has no occupations; is it the right file?`)

    if (files.alternateTitles) {
      report.phase('alternate-titles', basename(files.alternateTitles))
      for await (const batch of records(files.alternateTitles, basename(files.alternateTitles), [CODE, 'Alternate Title', 'Short Title'], onBytes)) {
        for (const r of batch) {
          const occupation = occupations.get(r.get(CODE))
          if (!occupation) {
            skipped++
            continue
          }
          const title = r.get('Alternate Title')
          const short = r.get('Short Title')
          if (title) occupation.alternateTitles.push(title)
          if (short) occupation.alternateTitles.push(short)
        }
        report.addRows(batch.length)
      }
    }
    const list = [...occupations.values()]
    const occupationIds = new Map<string, number>()
    for (let i = 0; i < list.length; i += 1000) {
      const chunk = list.slice(i, i + 1000)
      const ids = staged.addOccupations(chunk)
      chunk.forEach((row, k) => occupationIds.set(row.externalId, ids[k]!))
    }
    occupations.clear()

    // Technology skills: one skill per distinct product, linked with a tier weight.
    if (files.technologySkills) {
      report.phase('technology-skills', basename(files.technologySkills))
      const skillIds = new Map<string, number>()
      const required = [CODE, 'Example', 'Commodity Title', 'Hot Technology', 'In Demand']
      for await (const batch of records(files.technologySkills, basename(files.technologySkills), required, onBytes)) {
        const fresh = new Map<string, SkillRow>()
        for (const r of batch) {
          const name = r.get('Example')
          if (name && !skillIds.has(name) && !fresh.has(name)) {
            fresh.set(name, { externalId: `tech:${name}`, name, category: 'technology', description: r.get('Commodity Title') || null, aliases: technologyAliases(name) })
          }
        }
        const added = [...fresh.values()]
        staged.addSkills(added).forEach((id, k) => skillIds.set(added[k]!.name, id))
        const links: RelationRow[] = []
        for (const r of batch) {
          const occupationId = occupationIds.get(r.get(CODE))
          const skillId = skillIds.get(r.get('Example'))
          if (occupationId === undefined || skillId === undefined) {
            skipped++
            continue
          }
          const inDemand = yes(r.get('In Demand'))
          const weight = inDemand ? ONET_WEIGHT.inDemand : yes(r.get('Hot Technology')) ? ONET_WEIGHT.hot : ONET_WEIGHT.other
          links.push({ occupationId, skillId, essential: inDemand, weight })
        }
        staged.addRelations(links)
        report.addRows(batch.length)
      }
    }

    // Generic skills with importance weights.
    if (files.skills) {
      const descriptions = new Map<string, string>()
      if (files.contentModel) {
        report.phase('content-model', basename(files.contentModel))
        for await (const batch of records(files.contentModel, basename(files.contentModel), ['Element ID', 'Description'], onBytes)) {
          for (const r of batch) descriptions.set(r.get('Element ID'), r.get('Description'))
          report.addRows(batch.length)
        }
      }
      report.phase('skills', basename(files.skills))
      interface Rating {
        code: string
        element: string
        name: string
        importance: number | null
        notRelevant: boolean
      }
      const ratings = new Map<string, Rating>()
      const required = [CODE, 'Element ID', 'Element Name', 'Scale ID', 'Data Value', 'Recommend Suppress', 'Not Relevant']
      for await (const batch of records(files.skills, basename(files.skills), required, onBytes)) {
        for (const r of batch) {
          const code = r.get(CODE)
          const element = r.get('Element ID')
          if (!code || !element) {
            skipped++
            continue
          }
          const key = `${code}\t${element}`
          let rating = ratings.get(key)
          if (!rating) {
            rating = { code, element, name: r.get('Element Name'), importance: null, notRelevant: false }
            ratings.set(key, rating)
          }
          const scale = r.get('Scale ID')
          if (scale === 'IM') {
            rating.importance = Number.parseFloat(r.get('Data Value'))
            if (yes(r.get('Recommend Suppress'))) rating.notRelevant = true
          } else if (scale === 'LV' && yes(r.get('Not Relevant'))) rating.notRelevant = true
        }
        report.addRows(batch.length)
      }
      const skillIds = new Map<string, number>()
      const elements = new Map<string, SkillRow>()
      for (const rating of ratings.values()) {
        if (!elements.has(rating.element)) {
          elements.set(rating.element, {
            externalId: rating.element,
            name: rating.name,
            category: rating.element.startsWith('2.B.3') ? 'technology' : 'transversal',
            description: descriptions.get(rating.element) || null,
            aliases: [],
          })
        }
      }
      const added = [...elements.values()]
      staged.addSkills(added).forEach((id, k) => skillIds.set(added[k]!.externalId, id))
      const links: RelationRow[] = []
      for (const rating of ratings.values()) {
        const occupationId = occupationIds.get(rating.code)
        if (occupationId === undefined) {
          skipped++
          continue
        }
        if (rating.notRelevant || rating.importance === null || !Number.isFinite(rating.importance)) continue
        links.push({
          occupationId,
          skillId: skillIds.get(rating.element)!,
          essential: rating.importance >= ONET_ESSENTIAL_IMPORTANCE,
          weight: (rating.importance - 1) / 4,
        })
        if (links.length >= 5000) staged.addRelations(links.splice(0))
      }
      staged.addRelations(links)
    }
    return { skipped, warnings }
  })
}
