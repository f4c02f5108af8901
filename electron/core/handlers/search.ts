import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

export const searchHandlers = ({ portfolio: { search } }: CoreServices): Pick<Services, 'search:query'> => ({
  'search:query': (input) => search.query(input),
})
