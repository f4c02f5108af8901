import type { Services } from '../../shared/contract'
import { createJsonResumeService } from '../exchange/service'
import type { CoreServices } from './services'

type Channel = 'exchange:exportJsonResume' | 'exchange:previewJsonResume' | 'exchange:importJsonResume'

export const exchangeHandlers = ({ db, portfolio, now }: CoreServices): Pick<Services, Channel> => {
  const jsonResume = createJsonResumeService({ db, portfolio, now })
  return {
    'exchange:exportJsonResume': () => jsonResume.exportText(),
    'exchange:previewJsonResume': ({ text }) => jsonResume.preview(text),
    'exchange:importJsonResume': ({ text }) => jsonResume.importText(text),
  }
}
