import type { Services } from '../../shared/contract'
import { createJsonResumeService } from '../exchange/service'
import { createLinkedInService } from '../exchange/linkedin'
import type { CoreServices } from './services'

type Channel = 'exchange:exportJsonResume' | 'exchange:previewJsonResume' | 'exchange:importJsonResume' | 'exchange:previewLinkedIn' | 'exchange:importLinkedIn'

export const exchangeHandlers = ({ db, portfolio, now }: CoreServices): Pick<Services, Channel> => {
  const jsonResume = createJsonResumeService({ db, portfolio, now })
  const linkedIn = createLinkedInService({ db, portfolio })
  return {
    'exchange:exportJsonResume': () => jsonResume.exportText(),
    'exchange:previewJsonResume': ({ text }) => jsonResume.preview(text),
    'exchange:importJsonResume': ({ text }) => jsonResume.importText(text),
    'exchange:previewLinkedIn': (source) => linkedIn.preview(source),
    'exchange:importLinkedIn': (source) => linkedIn.importExport(source),
  }
}
