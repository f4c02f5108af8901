import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'evidence:image' | 'evidence:inferences' | 'evidence:decide'

export const evidenceHandlers = ({ originals, analysis }: CoreServices): Pick<Services, Channel> => ({
  /** A stored badge image (an original file) as a data: URL. */
  'evidence:image': ({ sha256 }) => originals.imageDataUrl(sha256),
  'evidence:inferences': ({ experienceId }) => analysis.inferences(experienceId),
  'evidence:decide': ({ experienceId, skillKey, decision }) => analysis.decideInference(experienceId, skillKey, decision),
})
