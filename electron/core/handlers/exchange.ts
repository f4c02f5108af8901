import type { Services } from '../../shared/contract'
import { createJsonResumeService } from '../exchange/service'
import { createLinkedInService } from '../exchange/linkedin'
import { exportZip, importZip } from '../exchange/full-export'
import type { CoreServices } from './services'

type Channel = 'exchange:exportJsonResume' | 'exchange:previewJsonResume' | 'exchange:importJsonResume' | 'exchange:previewLinkedIn' | 'exchange:importLinkedIn' | 'exchange:exportAll' | 'exchange:importAll'

export const exchangeHandlers = ({ db, portfolio, now, originals, analysis, resume, version }: CoreServices): Pick<Services, Channel> => {
  const jsonResume = createJsonResumeService({ db, portfolio, now })
  const linkedIn = createLinkedInService({ db, portfolio })
  return {
    'exchange:exportJsonResume': () => jsonResume.exportText(),
    'exchange:previewJsonResume': ({ text }) => jsonResume.preview(text),
    'exchange:importJsonResume': ({ text, leaveOut }) => jsonResume.importText(text, leaveOut),
    'exchange:previewLinkedIn': (source) => linkedIn.preview(source),
    'exchange:importLinkedIn': (source) => linkedIn.importExport(source),
    'exchange:exportAll': () => ({ zipBase64: Buffer.from(exportZip({ db, originals, analysis, resume }, version, now())).toString('base64') }),
    'exchange:importAll': ({ zipBase64 }) => importZip({ db, portfolio, originals, analysis, resume }, Buffer.from(zipBase64, 'base64')),
  }
}
