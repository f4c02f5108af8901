import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'credentials:list' | 'credentials:get' | 'credentials:create' | 'credentials:update' | 'credentials:delete' | 'credentials:resolveConflict' | 'credentials:verify'

export const credentialHandlers = ({ portfolio: { credentials }, imports }: CoreServices): Pick<Services, Channel> => ({
  'credentials:list': (q) => credentials.list(q),
  'credentials:get': (input) => credentials.get(input),
  'credentials:create': (input) => credentials.create(input),
  'credentials:update': (input) => credentials.update(input),
  'credentials:delete': (input) => credentials.remove(input),
  'credentials:resolveConflict': (input) => credentials.resolveConflict(input),
  /** Re-runs the checks of an imported credential from its original file. */
  'credentials:verify': (input) => imports.verify(input),
})
