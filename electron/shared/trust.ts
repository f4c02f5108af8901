/**
 * The person's trust list: issuer keys they pinned and issuer registries they imported. A pin
 * or a registry entry is what confirms an issuer when the credential cannot do it by itself.
 */
import { z } from 'zod'
import { requiredText, optionalText } from './text-rules'
import { CredentialId } from './schemas'

export interface IssuerPin {
  issuerId: string
  /** The key as pinned: public key multibase (z6Mk…, zDn…), or `jwk:` + thumbprint, or `spki:` + SHA-256. */
  signerKey: string
  keyId: string | null
  label: string | null
  /** manual: typed in or pinned from a credential whose issuer was not confirmed; online: pinned after the issuer's own document confirmed it. */
  source: 'manual' | 'online'
  pinnedAt: string
  /** Credentials this pin now confirms. */
  credentials: number
}

export interface IssuerRegistrySummary {
  name: string
  entries: number
  importedAt: string
}

export interface TrustListView {
  pins: IssuerPin[]
  registries: IssuerRegistrySummary[]
}

export interface RegistryImportResult {
  name: string
  added: number
  /** Entries not taken, each with why. */
  skipped: string[]
  /** Credentials whose issuer verdict changed. */
  rebound: number
}

const Id = requiredText(2000, 'is required')

export const PinInput = z.union([
  /** Pins the key that signed this credential for the issuer it names. */
  z.strictObject({ credentialId: CredentialId, label: optionalText(200) }),
  /** Pins a key typed in by hand: did:key:…, a multibase key (z…), or jwk:<thumbprint>. */
  z.strictObject({ issuerId: Id, key: Id, label: optionalText(200) }),
])
export const UnpinInput = z.strictObject({ issuerId: Id, signerKey: Id })
export const RegistryImportInput = z.strictObject({
  /** The registry file's JSON text (the window reads the chosen file; no paths cross the bridge). */
  text: z.string().min(2, 'is empty').max(20 * 1024 * 1024, 'is larger than 20 MB'),
  name: optionalText(200),
})
export const RegistryRemoveInput = z.strictObject({ name: requiredText(200, 'is required') })
