/**
 * Imports an ESCO CSV download (the "classification" package in one language plus the
 * relations package): skills_<lang>.csv, occupations_<lang>.csv and
 * occupationSkillRelations.csv, each optionally gzipped. Streams each file, inserts in
 * batches, and swaps the result in as source kind 'esco' (see store.ts).
 *
 * Mapping:
 * - skill: external_id = conceptUri, name = preferredLabel, aliases = altLabels + hiddenLabels
 *   (newline-separated inside one field), description; category 'knowledge' for skillType
 *   knowledge, 'transversal' for reuseLevel transversal, else 'other'.
 * - occupation: external_id = conceptUri, title = preferredLabel, alternate titles =
 *   altLabels + hiddenLabels, code = ESCO code (ISCO group + suffix), description.
 * - relation: relationType essential -> essential, weight 1.0; optional -> weight 0.4.
 */
import { basename, join } from 'node:path'
import type { Db } from '../db/open'
import { badInput } from '../../shared/errors'
import { columnIndex, readCsv } from './csv'
import { fileSize, listFolder, pick, subfolderWith } from './folders'
import { runStagedImport, type SkillRow, type OccupationRow, type TaxonomyImportOptions, type TaxonomyImportResult } from './store'

export const ESCO_ESSENTIAL_WEIGHT = 1
export const ESCO_OPTIONAL_WEIGHT = 0.4

const WHAT = 'ESCO CSV files'
const SKILLS = /^skills_en\.csv(\.gz)?$/i
const SKILLS_ANY = /^skills_[a-z]{2}(?:-[a-z]+)?\.csv(\.gz)?$/i
const OCCUPATIONS = /^occupations_en\.csv(\.gz)?$/i
const OCCUPATIONS_ANY = /^occupations_[a-z]{2}(?:-[a-z]+)?\.csv(\.gz)?$/i
const RELATIONS = /^occupationSkillRelations(_[a-z]{2})?\.csv(\.gz)?$/i

export interface EscoFiles {
  skills: string
  occupations: string
  relations: string
}

/** The three files of an ESCO download in `folder`, or a BAD_INPUT error saying what is missing. */
export function findEscoFiles(folder: string): EscoFiles {
  const names = listFolder(folder, WHAT)
  const skills = pick(names, SKILLS, SKILLS_ANY)
  if (!skills) {
    const sub = subfolderWith(folder, SKILLS_ANY)
    const hint = sub ? ` (its subfolder "${sub}" has one)` : names.some((n) => /\.zip$/i.test(n)) ? ' (unzip the ESCO download first)' : ''
    throw badInput(`This folder has no skills_en.csv${hint}; choose the folder that holds the ${WHAT}`)
  }
  const lang = /^skills_([^.]+)\./i.exec(skills)![1]!
  const occupations = pick(names, new RegExp(`^occupations_${lang}\\.csv(\\.gz)?$`, 'i'), OCCUPATIONS, OCCUPATIONS_ANY)
  if (!occupations) throw badInput(`This folder has ${skills} but no occupations_${lang}.csv; choose the folder that holds all the ${WHAT}`)
  const relations = pick(names, RELATIONS)
  if (!relations) {
    throw badInput(
      `This folder has no occupationSkillRelations.csv (or .csv.gz); it comes in ESCO's separate "relations" download. Put it beside ${skills} and choose that folder`,
    )
  }
  return { skills: join(folder, skills), occupations: join(folder, occupations), relations: join(folder, relations) }
}

const splitLabels = (cell: string | undefined) => (cell ? cell.split(/\r?\n/) : [])
const orNull = (cell: string | undefined) => (cell && cell.trim() ? cell.trim() : null)

function skillCategory(skillType: string | undefined, reuseLevel: string | undefined): string {
  if (skillType === 'knowledge') return 'knowledge'
  if (reuseLevel === 'transversal') return 'transversal'
  return 'other'
}

export interface EscoImportOptions extends TaxonomyImportOptions {
  /** Name of the source (re-importing the same name replaces it). Default "ESCO". */
  name?: string
}

export async function importEsco(db: Db, folder: string, options: EscoImportOptions = {}): Promise<TaxonomyImportResult> {
  const files = findEscoFiles(folder)
  return runStagedImport(db, 'esco', options.name ?? 'ESCO', options, async (staged, report) => {
    report.setTotalBytes(fileSize(files.skills) + fileSize(files.occupations) + fileSize(files.relations))
    const warnings: string[] = []
    let skipped = 0
    const onBytes = ({ bytesRead }: { bytesRead: number }) => report.bytes(bytesRead)

    // Skills: URI -> row id, kept for the relations.
    const skillIds = new Map<string, number>()
    report.phase('skills', basename(files.skills))
    let col: Record<string, number> | null = null
    for await (const records of readCsv(files.skills, { onBytes })) {
      const rows: SkillRow[] = []
      for (const record of records) {
        if (!col) {
          col = columnIndex(record, ['conceptUri', 'preferredLabel', 'altLabels', 'hiddenLabels', 'skillType', 'reuseLevel', 'description'], basename(files.skills))
          continue
        }
        const uri = record[col.conceptUri!]?.trim()
        const name = record[col.preferredLabel!]?.trim()
        if (!uri || !name) {
          skipped++
          continue
        }
        rows.push({
          externalId: uri,
          name,
          category: skillCategory(record[col.skillType!], record[col.reuseLevel!]),
          description: orNull(record[col.description!]),
          aliases: [...splitLabels(record[col.altLabels!]), ...splitLabels(record[col.hiddenLabels!])],
        })
      }
      const ids = staged.addSkills(rows)
      rows.forEach((row, i) => skillIds.set(row.externalId, ids[i]!))
      report.addRows(rows.length)
    }
    if (skillIds.size === 0) throw badInput(`${basename(files.skills)} has no skills; is it the right file?`)

    const occupationIds = new Map<string, number>()
    report.phase('occupations', basename(files.occupations))
    col = null
    for await (const records of readCsv(files.occupations, { onBytes })) {
      const rows: OccupationRow[] = []
      for (const record of records) {
        if (!col) {
          col = columnIndex(record, ['conceptUri', 'preferredLabel', 'altLabels', 'hiddenLabels', 'description', 'code'], basename(files.occupations))
          continue
        }
        const uri = record[col.conceptUri!]?.trim()
        const title = record[col.preferredLabel!]?.trim()
        if (!uri || !title) {
          skipped++
          continue
        }
        rows.push({
          externalId: uri,
          title,
          description: orNull(record[col.description!]),
          code: orNull(record[col.code!]),
          alternateTitles: [...splitLabels(record[col.altLabels!]), ...splitLabels(record[col.hiddenLabels!])],
        })
      }
      const ids = staged.addOccupations(rows)
      rows.forEach((row, i) => occupationIds.set(row.externalId, ids[i]!))
      report.addRows(rows.length)
    }

    report.phase('relations', basename(files.relations))
    col = null
    const unknownOccupations = new Set<string>()
    let unknownSkills = 0
    for await (const records of readCsv(files.relations, { onBytes, batchSize: 5000 })) {
      const rows = []
      for (const record of records) {
        if (!col) {
          col = columnIndex(record, ['occupationUri', 'relationType', 'skillUri'], basename(files.relations))
          continue
        }
        const occupationUri = record[col.occupationUri!]?.trim() ?? ''
        const occupationId = occupationIds.get(occupationUri)
        const skillId = skillIds.get(record[col.skillUri!]?.trim() ?? '')
        if (occupationId === undefined || skillId === undefined) {
          if (occupationId === undefined) unknownOccupations.add(occupationUri)
          else unknownSkills++
          skipped++
          continue
        }
        const essential = record[col.relationType!]?.trim().toLowerCase() === 'essential'
        rows.push({ occupationId, skillId, essential, weight: essential ? ESCO_ESSENTIAL_WEIGHT : ESCO_OPTIONAL_WEIGHT })
      }
      staged.addRelations(rows)
      report.addRows(rows.length)
    }
    if (unknownOccupations.size > 0) {
      warnings.push(`${unknownOccupations.size} occupation${unknownOccupations.size > 1 ? 's' : ''} named in the relations file ${unknownOccupations.size > 1 ? 'are' : 'is'} not in ${basename(files.occupations)}; their links were skipped`)
    }
    if (unknownSkills > 0) warnings.push(`${unknownSkills} links name a skill that is not in ${basename(files.skills)}; they were skipped`)
    return { skipped, warnings }
  })
}
