/**
 * What each kind of Save (SavePdfRequest) renders through the core, under which file name, and
 * how the save dialog offers it. No Electron in here: the browser-test bridge saves the same way.
 */
import type { Result } from '../shared/errors'
import type { SavePdfRequest } from '../shared/files'
import { safeFileName } from '../core/resume/file-name'
import type { Dispatcher } from './ipc'

export interface SaveKind {
  title: string
  filter: { name: string; extensions: readonly string[] }
}

export const SAVE_KINDS = {
  resume: { title: 'Save resume as PDF', filter: { name: 'PDF document', extensions: ['pdf'] } },
  'resume-docx': { title: 'Save resume as Word document', filter: { name: 'Word document', extensions: ['docx'] } },
  report: { title: 'Save gap report as PDF', filter: { name: 'PDF document', extensions: ['pdf'] } },
  'json-resume': { title: 'Export as JSON Resume', filter: { name: 'JSON Resume', extensions: ['json'] } },
  'full-export': { title: 'Export everything', filter: { name: 'ZIP archive', extensions: ['zip'] } },
} as const satisfies Record<SavePdfRequest['kind'], SaveKind>

/** Kinds rendered from the person's choices (`settings`); the others export the whole portfolio. */
const RENDERED = { resume: ['resume:preview', 'pdfBase64'], 'resume-docx': ['resume:docx', 'docxBase64'], report: ['report:render', 'pdfBase64'] } as const

export function parseSaveRequest(raw: unknown): SavePdfRequest | null {
  if (!raw || typeof raw !== 'object') return null
  const { kind, settings } = raw as { kind?: unknown; settings?: unknown }
  if (typeof kind !== 'string' || !Object.hasOwn(SAVE_KINDS, kind)) return null
  if (!Object.hasOwn(RENDERED, kind)) return { kind } as SavePdfRequest
  if (!settings || typeof settings !== 'object') return null
  return { kind, settings } as SavePdfRequest
}

/** YYYY-MM-DD on the person's own calendar. */
export const localDate = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`

/** The profile's name, or null (for file and folder names). */
export async function personName(core: Dispatcher): Promise<string | null> {
  const profile = await core.dispatch('profile:get', {})
  return (profile.ok && (profile.value as { fullName?: string | null }).fullName?.trim()) || null
}

/** Renders what the request asks for through the core: the bytes and the file name offered. */
export async function renderForSave(core: Dispatcher, request: SavePdfRequest, now: Date): Promise<Result<{ bytes: Buffer; fileName: string }>> {
  if (request.kind === 'json-resume') {
    const json = await core.dispatch('exchange:exportJsonResume', {})
    if (!json.ok) return json
    const fileName = safeFileName(`${(await personName(core)) ?? 'skillfolio'}-resume`, '.json', 'skillfolio-resume')
    return { ok: true, value: { bytes: Buffer.from(json.value as string, 'utf8'), fileName } }
  }
  if (request.kind === 'full-export') {
    const zip = await core.dispatch('exchange:exportAll', {})
    if (!zip.ok) return zip
    return { ok: true, value: { bytes: Buffer.from((zip.value as { zipBase64: string }).zipBase64, 'base64'), fileName: `skillfolio-export-${localDate(now)}.zip` } }
  }
  const [channel, field] = RENDERED[request.kind]
  const rendered = await core.dispatch(channel, request.settings)
  if (!rendered.ok) return rendered
  const answer = rendered.value as Record<typeof field, string> & { fileName: string }
  return { ok: true, value: { bytes: Buffer.from(answer[field], 'base64'), fileName: answer.fileName } }
}
