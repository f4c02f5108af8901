/**
 * Files a person opened with Skillfolio (double-click, "Open with", a path on the command line
 * of a second copy, macOS open-file): which ones count, where each goes, and the tickets that
 * let the window read an opened certificate PDF without ever naming a path. No Electron in
 * here, so the browser-test bridge (tests/helpers/bridge.ts) applies exactly the same rules.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, isAbsolute, resolve } from 'node:path'
import type { Result } from '../shared/errors'
import { tooLargeReason, type OpenedCertificate } from '../shared/files'
import { LIMITS } from '../shared/limits'
import { createTickets } from './tickets'

/** Certificate PDFs are read in the review screen, not imported as badges. */
const CERTIFICATE_EXTENSION = '.pdf'

/**
 * The extensions electron-builder.yml associates with the app. Only existing files with one of
 * them count: the OS associates by extension, and this keeps a dev run (`electron .`) from
 * importing the project.
 */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.png', '.svg', '.json', '.jsonld', '.jwt', '.jws', CERTIFICATE_EXTENSION])

export function credentialFilesIn(argv: readonly string[], cwd: string, isFile: (path: string) => boolean): string[] {
  return argv
    .slice(1) // the executable
    .filter((arg) => !arg.startsWith('-') && OPENABLE_EXTENSIONS.has(extname(arg).toLowerCase()))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
    .filter(isFile)
}

/** The renderer route that shows an import batch's progress and report. */
export const importRoute = (batchId: number) => `#/import/${batchId}`

/** The renderer route of the certificate PDFs waiting for review (features/certificates). */
export const CERTIFICATES_ROUTE = '#/import/certificates'

export interface OpenedPlan {
  /** Badges and credential files: one import batch, as if dropped. */
  badges: string[]
  /** Certificate PDFs: handed to the window's review queue. */
  certificates: string[]
  /**
   * Where the window goes at once: the certificate review when there are PDFs (they wait for
   * the person, a badge batch reports on its own); null to show the badge batch once it started.
   */
  route: string | null
}

/**
 * Where opened files go, by extension like the OS association that brought them: a PDF is a
 * certificate to review, anything else a badge to import. Each path once, in the order given.
 */
export function planOpened(paths: readonly string[]): OpenedPlan {
  const unique = [...new Set(paths)]
  const isCertificate = (path: string) => extname(path).toLowerCase() === CERTIFICATE_EXTENSION
  const certificates = unique.filter(isCertificate)
  return { badges: unique.filter((path) => !isCertificate(path)), certificates, route: certificates.length ? CERTIFICATES_ROUTE : null }
}

const fail = (code: 'BAD_INPUT' | 'FORBIDDEN' | 'IO', message: string): Result<never> => ({ ok: false, error: { code, message } })

/**
 * Certificate PDFs opened with the app, waiting for the window to take them, and the tickets
 * that name them afterwards. A ticket is granted only for a path the OS handed to the app, lives
 * for the session (the review reads a PDF again when it is saved), and names nothing else.
 */
export function createOpenedCertificates() {
  const tickets = createTickets()
  let waiting: OpenedCertificate[] = []
  return {
    /** Grants tickets for `paths` (files the OS opened with the app); they wait to be taken. Missing files are left out. */
    async grant(paths: readonly string[]): Promise<number> {
      const granted: OpenedCertificate[] = []
      for (const path of paths) {
        const size = await stat(path).then(
          (s) => (s.isFile() ? s.size : null),
          () => null,
        )
        if (size === null) continue
        granted.push({ ticket: tickets.issue(path), fileName: basename(path), bytes: size })
      }
      waiting = [...waiting, ...granted]
      return granted.length
    },
    /** The certificates opened since the last take; each is handed over once. */
    take(): Result<OpenedCertificate[]> {
      const taken = waiting
      waiting = []
      return { ok: true, value: taken }
    },
    /** The bytes of the PDF a ticket names, read from disk now (it may have changed since). */
    async read(ticket: unknown): Promise<Result<Uint8Array>> {
      const path = tickets.pathOf(ticket)
      if (!path) return fail('FORBIDDEN', 'That file was not opened with Skillfolio in this session; open it again.')
      try {
        const { size } = await stat(path)
        if (size > LIMITS.importFileBytes) return fail('BAD_INPUT', tooLargeReason(size))
        return { ok: true, value: new Uint8Array(await readFile(path)) }
      } catch {
        return fail('IO', `${basename(path)} could not be read: it may have been moved or deleted since it was opened.`)
      }
    },
  }
}
export type OpenedCertificates = ReturnType<typeof createOpenedCertificates>
