/**
 * The channel handlers: the only place in the core that knows channel names. One file per
 * contract namespace; each handler takes the input the contract has already validated, calls
 * a service and returns its result. dispatch.ts is the one entry every transport goes through.
 */
import type { Services } from '../../shared/contract'
import { appHandlers } from './app'
import { backupHandlers } from './backup'
import { certificateHandlers } from './certificates'
import { credentialHandlers } from './credentials'
import { educationHandlers } from './education'
import { evidenceHandlers } from './evidence'
import { exchangeHandlers } from './exchange'
import { experienceHandlers } from './experience'
import { gapHandlers } from './gap'
import { importHandlers } from './import'
import { issuerHandlers } from './issuers'
import { planHandlers } from './plans'
import { postingHandlers } from './postings'
import { profileHandlers } from './profile'
import { projectHandlers } from './projects'
import { reminderHandlers } from './reminders'
import { resumeHandlers } from './resume'
import { roleHandlers } from './roles'
import { searchHandlers } from './search'
import { settingsHandlers } from './settings'
import { shareHandlers } from './share'
import { skillHandlers } from './skills'
import { tagHandlers } from './tags'
import { taxonomyHandlers } from './taxonomy'
import type { CoreServices } from './services'

export type { CoreServices } from './services'

export function createHandlers(s: CoreServices): Services {
  return {
    ...appHandlers(s),
    ...backupHandlers(s),
    ...credentialHandlers(s),
    ...projectHandlers(s),
    ...skillHandlers(s),
    ...profileHandlers(s),
    ...experienceHandlers(s),
    ...educationHandlers(s),
    ...searchHandlers(s),
    ...importHandlers(s),
    ...issuerHandlers(s),
    ...evidenceHandlers(s),
    ...tagHandlers(s),
    ...settingsHandlers(s),
    ...roleHandlers(s),
    ...postingHandlers(s),
    ...gapHandlers(s),
    ...planHandlers(s),
    ...taxonomyHandlers(s),
    ...resumeHandlers(s),
    ...exchangeHandlers(s),
    ...certificateHandlers(s),
    ...shareHandlers(s),
    ...reminderHandlers(s),
  }
}
