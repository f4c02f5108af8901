import type { Services } from '../../shared/contract'
import { readAttribution } from '../taxonomy'
import type { CoreServices } from './services'

export const appHandlers = (s: CoreServices): Pick<Services, 'app:info' | 'app:loadDemo' | 'app:about'> => ({
  'app:info': () => ({ version: s.version, dbPath: s.dbPath, dataDir: s.dataDir, schemaVersion: s.schemaVersion(), counts: s.portfolio.counts() }),
  'app:loadDemo': () => s.loadDemo(),
  'app:about': () => ({ version: s.version, catalogVersion: s.catalog().version, attribution: readAttribution(s.resourcesDir) }),
})
