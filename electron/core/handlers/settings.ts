import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

export const settingsHandlers = ({ settings }: CoreServices): Pick<Services, 'settings:get' | 'settings:update'> => ({
  'settings:get': () => settings.get(),
  'settings:update': (patch) => settings.update(patch),
})
