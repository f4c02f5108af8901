/**
 * The verification bundle a person hands an employer: the chosen credentials' original files
 * byte for byte, index.html (what Skillfolio found and how to check it without Skillfolio),
 * presentation.json (an unsigned Verifiable Presentation of the verifiable credentials) and
 * manifest.json (the SHA-256 of every other file). Files are returned, never written: the
 * command line writes them to a folder, the window to wherever the person chooses.
 */
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import type { EvidenceStore } from '../originals/store'
import { sha256Of } from '../originals/store'
import { createProvenance } from '../imports/provenance'
import { readCredentialFile } from '../importers'
import { toRowId } from '../portfolio/ids'
import { badInput } from '../../shared/errors'
import { LIMITS, MB } from '../../shared/limits'
import type { ShareBundleInput, ShareLeftOut, ShareSummary } from '../../shared/share'
import { originalFileName } from './names'
import { renderPage, type PageCredential } from './page'
import { presentation, wrapCredential } from './presentation'

export interface BundleFile {
  name: string
  bytes: Uint8Array
  mime: string
}

export interface Bundle {
  files: BundleFile[]
  summary: ShareSummary
}

export interface ShareDeps {
  db: Db
  portfolio: Portfolio
  originals: EvidenceStore
  now: () => Date
  version: string
}

const unique = (ids: readonly string[]) => [...new Set(ids)]
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

export function createShareService({ db, portfolio, originals, now, version }: ShareDeps) {
  const provenance = createProvenance(db)

  return {
    bundle(input: ShareBundleInput): Bundle {
      const credentialIds = unique(input.credentialIds)
      const projectIds = unique(input.projectIds)
      if (credentialIds.length + projectIds.length === 0) throw badInput('Choose at least one credential or project to share.')
      // Every id is read before any bytes: an unknown one is NOT_FOUND, naming it.
      const credentials = credentialIds.map((id) => portfolio.credentials.get({ id }))
      const projects = projectIds.map((id) => portfolio.projects.get({ id }))

      const files: BundleFile[] = []
      const page: PageCredential[] = []
      const wrapped: unknown[] = []
      const leftOut: ShareLeftOut[] = []
      let originalBytes = 0
      for (const credential of credentials) {
        const sha256 = provenance.read(toRowId('credential', credential.id))?.contentSha256 ?? null
        if (!sha256) {
          page.push({ credential, original: null, presentation: { ok: false, reason: 'typed in by hand' } })
          leftOut.push({ id: credential.id, title: credential.title, reason: 'Self-reported: there is no file to check.' })
          continue
        }
        const bytes = originals.get(sha256)
        originalBytes += bytes.byteLength
        if (originalBytes > LIMITS.shareBundleBytes)
          throw badInput(`The chosen credentials’ files add up to more than the ${LIMITS.shareBundleBytes / MB} MB one bundle holds: choose fewer credentials.`)
        const stored = credential.evidence.find((f) => f.sha256 === sha256)
        const mime = stored?.mediaType ?? 'application/octet-stream'
        const name = originalFileName(credential.id, stored?.fileName ?? '', mime)
        files.push({ name, bytes, mime })
        const wrap = wrapOf(bytes, name)
        if (wrap.ok) wrapped.push(wrap.value)
        else leftOut.push({ id: credential.id, title: credential.title, reason: wrap.reason })
        page.push({ credential, original: { name, sha256, bytes: bytes.byteLength }, presentation: wrap.ok ? { ok: true } : { ok: false, reason: wrap.reason } })
      }

      const at = now()
      files.push({ name: 'index.html', bytes: utf8(renderPage({ ownerName: portfolio.profile.get().fullName, generatedAt: at, credentials: page, projects })), mime: 'text/html' })
      files.push({ name: 'presentation.json', bytes: utf8(`${JSON.stringify(presentation(wrapped), null, 2)}\n`), mime: 'application/json' })
      const manifest = {
        generator: `Skillfolio ${version}`,
        createdAt: at.toISOString(),
        files: files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength, sha256: sha256Of(f.bytes), mime: f.mime })),
      }
      files.push({ name: 'manifest.json', bytes: utf8(`${JSON.stringify(manifest, null, 2)}\n`), mime: 'application/json' })

      return {
        files,
        summary: {
          credentials: credentials.length,
          projects: projects.length,
          originals: page.filter((p) => p.original).length,
          selfReported: page.filter((p) => !p.original).length,
          inPresentation: wrapped.length,
          notInPresentation: leftOut,
          bytes: files.reduce((n, f) => n + f.bytes.byteLength, 0),
        },
      }
    },
  }
}

export type ShareService = ReturnType<typeof createShareService>

/** The credential as presentation.json holds it; a file that is not a credential the importers read (a PDF certificate) is left out, saying so. */
function wrapOf(bytes: Uint8Array, name: string) {
  try {
    return wrapCredential(readCredentialFile(bytes, name))
  } catch {
    return { ok: false as const, reason: 'It is not a W3C Verifiable Credential (its original file is in the bundle).' }
  }
}
