import type { Services } from '../../shared/contract'
import { toRowId } from '../portfolio/ids'
import type { CoreServices } from './services'

type Channel = 'issuers:list' | 'issuers:pin' | 'issuers:unpin' | 'issuers:importRegistry' | 'issuers:removeRegistry'

/** The trust list: pinned issuer keys and imported issuer registries. */
export const issuerHandlers = ({ trust, portfolio }: CoreServices): Pick<Services, Channel> => ({
  'issuers:list': () => trust.list(),
  'issuers:pin': (input) => {
    if ('credentialId' in input) {
      portfolio.credentials.get({ id: input.credentialId }) // NOT_FOUND for unknown ids
      return trust.pinCredential(toRowId('credential', input.credentialId), input.label)
    }
    return trust.pinKey(input.issuerId, input.key, input.label)
  },
  'issuers:unpin': ({ issuerId, signerKey }) => trust.unpin(issuerId, signerKey),
  'issuers:importRegistry': ({ text, name }) => trust.importRegistry(text, name),
  'issuers:removeRegistry': ({ name }) => trust.removeRegistry(name),
})
