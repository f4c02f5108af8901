import type { Services } from '../../shared/contract'
import { createCertificates } from '../imports/certificates'
import type { CoreServices } from './services'

type Channel = 'certificates:read' | 'certificates:confirm'

export const certificateHandlers = ({ db, portfolio, originals }: CoreServices): Pick<Services, Channel> => {
  const certificates = createCertificates({ db, portfolio, evidence: originals })
  return {
    'certificates:read': (input) => certificates.read(input),
    'certificates:confirm': (input) => certificates.confirm(input),
  }
}
