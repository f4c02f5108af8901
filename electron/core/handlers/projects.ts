import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'projects:list' | 'projects:get' | 'projects:create' | 'projects:update' | 'projects:delete'

export const projectHandlers = ({ portfolio: { projects } }: CoreServices): Pick<Services, Channel> => ({
  'projects:list': (q) => projects.list(q),
  'projects:get': (input) => projects.get(input),
  'projects:create': (input) => projects.create(input),
  'projects:update': (input) => projects.update(input),
  'projects:delete': (input) => projects.remove(input),
})
