import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'tags:pending' | 'tags:decide'

/** Skills taken from badge tags: the review list and the person's decisions. */
export const tagHandlers = ({ portfolio: { credentials } }: CoreServices): Pick<Services, Channel> => ({
  'tags:pending': (input) => credentials.tags.pending(input),
  'tags:decide': (input) => credentials.tags.decide(input),
})
