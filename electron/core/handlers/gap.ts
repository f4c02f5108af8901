import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'gap:analyze' | 'gap:analyzeSkills' | 'gap:profile' | 'gap:costs'

export const gapHandlers = ({ analysis }: CoreServices): Pick<Services, Channel> => ({
  'gap:analyze': ({ ref }) => analysis.gap(ref),
  'gap:analyzeSkills': ({ title, skills }) => analysis.gapForSkills(title, skills),
  'gap:profile': () => analysis.profile(),
  'gap:costs': () => analysis.costs(),
})
