import type { Services } from '../../shared/contract'
import { createShareService } from '../share'
import type { CoreServices } from './services'

export const shareHandlers = ({ db, portfolio, originals, now, version }: CoreServices): Pick<Services, 'share:bundle'> => {
  const share = createShareService({ db, portfolio, originals, now, version })
  return {
    'share:bundle': (input) => {
      const { files, summary } = share.bundle(input)
      return { files: files.map((f) => ({ name: f.name, mime: f.mime, base64: Buffer.from(f.bytes).toString('base64') })), summary }
    },
  }
}
