/**
 * The taxonomy part of the core: the built-in catalog (catalog.ts) and imports of full ESCO
 * and O*NET downloads and of taxonomy packs into the taxonomy_* tables.
 */
import { existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Db } from '../db/open'
import { badInput } from '../../shared/errors'
import { listFolder, pick, subfolderWith } from './folders'
import { importEsco } from './import-esco'
import { importOnet } from './import-onet'
import { importPackFile } from './packs'
import type { TaxonomyImportOptions, TaxonomyImportResult } from './store'

export * from './catalog'
export { importEsco, findEscoFiles, ESCO_ESSENTIAL_WEIGHT, ESCO_OPTIONAL_WEIGHT } from './import-esco'
export { importOnet, findOnetFiles, onetVersion, technologyAliases, ONET_WEIGHT, ONET_ESSENTIAL_IMPORTANCE } from './import-onet'
export * from './packs'
export {
  listTaxonomySources,
  getTaxonomySource,
  removeTaxonomySource,
  STAGING_PREFIX,
  type TaxonomyKind,
  type TaxonomySource,
  type TaxonomyImportOptions,
  type TaxonomyImportProgress,
  type TaxonomyImportResult,
} from './store'

export type TaxonomyInputKind = 'esco' | 'onet' | 'pack'

/** What `path` holds: an ESCO CSV folder, an O*NET text folder, or a pack file. */
export function detectTaxonomyInput(path: string): TaxonomyInputKind {
  if (!existsSync(path)) throw badInput(`${path} does not exist`)
  if (statSync(path).isFile()) {
    if (/\.zip$/i.test(path)) throw badInput(`${basename(path)} is a zip archive; unzip it first and choose the folder inside`)
    return 'pack'
  }
  const what = 'ESCO CSV files, the O*NET text files, or a taxonomy pack'
  const names = listFolder(path, what)
  if (pick(names, /^skills_[a-z]{2}(?:-[a-z]+)?\.csv(\.gz)?$/i)) return 'esco'
  if (pick(names, /^Occupation Data\.(txt|xlsx)$/i)) return 'onet'
  const escoSub = subfolderWith(path, /^skills_[a-z]{2}(?:-[a-z]+)?\.csv(\.gz)?$/i)
  const onetSub = subfolderWith(path, /^Occupation Data\.txt$/i)
  const hint = escoSub || onetSub ? ` (try its subfolder "${escoSub ?? onetSub}")` : ''
  throw badInput(`This folder holds neither the ESCO CSV files (skills_en.csv …) nor the O*NET text files (Occupation Data.txt …)${hint}; choose one of those folders or a taxonomy pack (.json)`)
}

/** Imports whatever `path` holds (see detectTaxonomyInput). */
export async function importTaxonomy(db: Db, path: string, options: TaxonomyImportOptions = {}): Promise<TaxonomyImportResult> {
  switch (detectTaxonomyInput(path)) {
    case 'esco':
      return importEsco(db, path, options)
    case 'onet':
      return importOnet(db, path, options)
    case 'pack':
      return importPackFile(db, path, options)
  }
}
export { readAttribution } from './about'
