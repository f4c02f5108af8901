/**
 * The schema history, oldest first. Append only: a migration that has shipped is never
 * edited; fix forward with a new one. Statically imported so nothing scans a folder
 * inside the packaged app.
 */
import type { Db } from '../open'
import * as m0001 from './0001_portfolio'
import * as m0002 from './0002_resume_and_evidence'
import * as m0003 from './0003_search'
import * as m0004 from './0004_imports'
import * as m0005 from './0005_roles_and_plans'
import * as m0006 from './0006_resume_variants'
import * as m0007 from './0007_experience_evidence'
import * as m0008 from './0008_skill_keys'
import * as m0009 from './0009_issuer_binding'
import * as m0010 from './0010_import_accounting'
import * as m0011 from './0011_original_blobs'
import * as m0012 from './0012_skill_origin'
import * as m0013 from './0013_trust_not_yet_valid'
import * as m0014 from './0014_skill_counts_index'

export interface Migration {
  version: number
  name: string
  up: (db: Db) => void
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_portfolio', up: m0001.up },
  { version: 2, name: '0002_resume_and_evidence', up: m0002.up },
  { version: 3, name: '0003_search', up: m0003.up },
  { version: 4, name: '0004_imports', up: m0004.up },
  { version: 5, name: '0005_roles_and_plans', up: m0005.up },
  { version: 6, name: '0006_resume_variants', up: m0006.up },
  { version: 7, name: '0007_experience_evidence', up: m0007.up },
  { version: 8, name: '0008_skill_keys', up: m0008.up },
  { version: 9, name: '0009_issuer_binding', up: m0009.up },
  { version: 10, name: '0010_import_accounting', up: m0010.up },
  { version: 11, name: '0011_original_blobs', up: m0011.up },
  { version: 12, name: '0012_skill_origin', up: m0012.up },
  { version: 13, name: '0013_trust_not_yet_valid', up: m0013.up },
  { version: 14, name: '0014_skill_counts_index', up: m0014.up },
]
