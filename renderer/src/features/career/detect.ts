/**
 * What a dropped or chosen file is, told from its content in the page (the renderer has no Node
 * and never sends a path): a ZIP's entry names say LinkedIn export or Skillfolio export, a JSON
 * object's keys say JSON Resume or something else (a badge). Pure functions over bytes and values.
 */
import { unzipSync } from 'fflate'
import { JSON_RESUME_SECTIONS, LINKEDIN_FILES } from '../../shared'

export type Sniffed = 'zip' | 'pdf' | 'json' | 'other'

/** The first bytes of a file are enough to tell the containers apart. */
export const SNIFF_BYTES = 64

const startsWith = (bytes: Uint8Array, ascii: string) => ascii.split('').every((c, i) => bytes[i] === c.charCodeAt(0))

/** What the first bytes of a file say it is: a ZIP, a PDF, a JSON object, or anything else. */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, 'PK\x03\x04') || startsWith(head, 'PK\x05\x06')) return 'zip'
  if (startsWith(head, '%PDF-')) return 'pdf'
  // A JSON object, after a byte-order mark and white space.
  let i = startsWith(head, '\xEF\xBB\xBF') ? 3 : 0
  while (i < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[i]!)) i++
  return head[i] === 0x7b ? 'json' : 'other'
}

const baseName = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)

/** One of the LinkedIn export's files a career import reads (Positions.csv …), wherever it sits in a folder or ZIP. */
export function isLinkedInFile(name: string): boolean {
  const base = baseName(name).toLowerCase()
  return LINKEDIN_FILES.some((f) => f.toLowerCase() === base)
}

/** The Skillfolio export's document, at the root of its ZIP (core/exchange/export-format.ts). */
export const PORTFOLIO_JSON = 'portfolio.json'

/** A ZIP by its entries: a Skillfolio full export, a LinkedIn data export, or neither. */
export function zipKind(names: readonly string[]): 'full-export' | 'linkedin' | null {
  if (names.includes(PORTFOLIO_JSON)) return 'full-export'
  if (names.some(isLinkedInFile)) return 'linkedin'
  return null
}

/**
 * A parsed JSON value that is a JSON Resume: an object with at least one of its sections, and
 * none of the keys that mark a badge or credential (Open Badges, Verifiable Credentials and
 * Blockcerts all name a "@context" or "type"; legacy badges a "badge").
 */
export function isJsonResume(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  if (['@context', 'type', 'badge'].some((k) => k in value)) return false
  return JSON_RESUME_SECTIONS.some((s) => s in value)
}

/** What a Skillfolio export holds, from its portfolio.json: the lists a person recognises. */
export interface ExportHolds {
  credentials: number
  projects: number
  skills: number
  experience: number
  education: number
  roles: number
  variants: number
}

/**
 * Reads portfolio.json of a Skillfolio export ZIP and counts its lists; null when it cannot be
 * read (the core checks the whole export when it is brought in and says what is wrong).
 */
export function exportHolds(bytes: Uint8Array): ExportHolds | null {
  let json: Uint8Array | undefined
  try {
    json = unzipSync(bytes, { filter: (entry) => entry.name === PORTFOLIO_JSON })[PORTFOLIO_JSON]
  } catch {
    return null
  }
  if (!json) return null
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(json))
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const count = (key: keyof ExportHolds) => {
    const list = record[key]
    return Array.isArray(list) ? list.length : 0
  }
  return {
    credentials: count('credentials'),
    projects: count('projects'),
    skills: count('skills'),
    experience: count('experience'),
    education: count('education'),
    roles: count('roles'),
    variants: count('variants'),
  }
}

/** Bytes as base64, in slices (String.fromCharCode takes a limited number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const SLICE = 0x8000
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE))
  return btoa(binary)
}
