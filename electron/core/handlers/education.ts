import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'education:list' | 'education:create' | 'education:update' | 'education:delete'

export const educationHandlers = ({ portfolio: { education } }: CoreServices): Pick<Services, Channel> => ({
  'education:list': () => education.list(),
  'education:create': (input) => education.create(input),
  'education:update': ({ id, patch }) => education.update(id, patch),
  'education:delete': ({ id }) => education.remove(id),
})
