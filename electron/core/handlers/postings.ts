import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

export const postingHandlers = ({ analysis }: CoreServices): Pick<Services, 'postings:extract'> => ({
  'postings:extract': ({ text }) => analysis.extractPosting(text),
})
