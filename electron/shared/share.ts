/** Contract types of the verification bundle a person hands an employer (core/share/). */
import { z } from 'zod'
import { CredentialId, ProjectId } from './schemas'
import { LIMITS } from './limits'

const ids = <T extends z.ZodType>(id: T, what: string) =>
  z.array(id).max(LIMITS.shareItems, `must be at most ${LIMITS.shareItems} ${what}`).default([])

export const ShareBundleInput = z
  .strictObject({
    credentialIds: ids(CredentialId, 'credentials'),
    projectIds: ids(ProjectId, 'projects'),
  })
  .refine((v) => v.credentialIds.length + v.projectIds.length > 0, { path: ['credentialIds'], message: 'choose at least one credential or project' })
/** As the core receives it (ids default to none). */
export type ShareBundleInput = z.output<typeof ShareBundleInput>

/** One file of the bundle; `name` is relative (`index.html`, `originals/cred-1-badge.json`). */
export interface ShareFile {
  name: string
  base64: string
  mime: string
}

/** A chosen credential that is in the bundle but not in presentation.json, and why. */
export interface ShareLeftOut {
  id: string
  title: string
  reason: string
}

export interface ShareSummary {
  credentials: number
  projects: number
  /** Original files included, byte for byte. */
  originals: number
  /** Credentials typed in by hand: listed, with no file to check. */
  selfReported: number
  /** Credentials wrapped in presentation.json. */
  inPresentation: number
  notInPresentation: ShareLeftOut[]
  /** All files together. */
  bytes: number
}

export interface ShareBundle {
  files: ShareFile[]
  summary: ShareSummary
}
