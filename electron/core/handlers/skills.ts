import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'skills:list' | 'skills:get' | 'skills:suggest' | 'skills:create' | 'skills:update' | 'skills:delete' | 'skills:merge'

export const skillHandlers = ({ portfolio: { skills } }: CoreServices): Pick<Services, Channel> => ({
  'skills:list': (q) => skills.list(q),
  'skills:get': (input) => skills.get(input),
  'skills:suggest': (input) => skills.suggest(input),
  'skills:create': (input) => skills.create(input),
  'skills:update': (input) => skills.update(input),
  'skills:delete': (input) => skills.remove(input),
  'skills:merge': (input) => skills.merge(input),
})
