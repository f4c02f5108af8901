import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'experience:list' | 'experience:create' | 'experience:update' | 'experience:delete'

export const experienceHandlers = ({ portfolio: { experience } }: CoreServices): Pick<Services, Channel> => ({
  'experience:list': () => experience.list(),
  'experience:create': (input) => experience.create(input),
  'experience:update': ({ id, patch }) => experience.update(id, patch),
  'experience:delete': ({ id }) => experience.remove(id),
})
