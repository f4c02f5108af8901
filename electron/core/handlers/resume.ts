import type { Services } from '../../shared/contract'
import type { CoreServices } from './services'

type Channel = 'resume:preview' | 'resume:docx' | 'report:render' | 'resumes:list' | 'resumes:get' | 'resumes:create' | 'resumes:update' | 'resumes:delete'

/** The resume, report and resumes namespaces: one service behind them. */
export const resumeHandlers = ({ resume }: CoreServices): Pick<Services, Channel> => ({
  'resume:preview': (settings) => resume.preview(settings),
  'resume:docx': (settings) => resume.docx(settings),
  'report:render': (input) => resume.report(input),
  'resumes:list': () => resume.variants.list(),
  'resumes:get': ({ id }) => resume.variants.get(id),
  'resumes:create': (input) => resume.variants.create(input),
  'resumes:update': ({ id, patch }) => resume.variants.update(id, patch),
  'resumes:delete': ({ id }) => resume.variants.remove(id),
})
