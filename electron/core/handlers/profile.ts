import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

export const profileHandlers = ({ portfolio: { profile } }: CoreServices): Pick<Services, 'profile:get' | 'profile:update'> => ({
  'profile:get': () => profile.get(),
  'profile:update': (input) => profile.update(input),
})
