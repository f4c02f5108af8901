/**
 * The core's services, as the handlers receive them: plain objects with plain functions.
 * app.ts builds them; the handlers translate channels into calls on them.
 */
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import type { ImportsService } from '../imports/service'
import type { EvidenceStore } from '../originals/store'
import type { SettingsService } from '../settings'
import type { AnalysisService } from '../analysis'
import type { ResumeService } from '../resume'
import type { Catalog } from '../taxonomy'
import type { TrustStore } from '../trust/store'
import type { BackupsService } from '../backup/service'

export interface CoreServices {
  db: Db
  now: () => Date
  version: string
  dbPath: string
  dataDir: string
  resourcesDir: string
  catalog: () => Catalog
  portfolio: Portfolio
  imports: ImportsService
  originals: EvidenceStore
  settings: SettingsService
  analysis: AnalysisService
  resume: ResumeService
  schemaVersion: () => number
  loadDemo: () => { credentials: number; projects: number; skills: number }
  trust: TrustStore
  backups: BackupsService
}
