import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

export const backupHandlers = ({ backups }: CoreServices): Pick<Services, 'backup:create' | 'backup:list' | 'backup:inspect'> => ({
  'backup:create': (input) => backups.create(input),
  'backup:list': () => backups.list(),
  'backup:inspect': (input) => backups.inspect(input),
})
