/**
 * Portfolio exchange formats (JSON Resume, LinkedIn data export): what an import preview or result reports, item by
 * item. Pure TypeScript: the core fills it, the command line and the window show it.
 */
import { unzipSync } from 'fflate'

/** The JSON Resume sections an import reads. */
export const JSON_RESUME_SECTIONS = ['basics', 'work', 'education', 'certificates', 'projects', 'skills', 'languages'] as const
export type JsonResumeSection = (typeof JSON_RESUME_SECTIONS)[number]

/** One entry of the file and what became of it. */
export interface ExchangeItem {
  /**
   * Where the entry is in the source ("work.2", "skills.0.keywords.3", "basics"): the same in a
   * preview and in the import of the same file, so a preview's choices can name what to leave out.
   */
  key: string
  section: JsonResumeSection
  /** The entry as a person recognises it: "Data Analyst at Brightwave", "SQL". */
  label: string
  /** added: new in the portfolio; duplicate: the portfolio already holds it; skipped: not taken, `reason` says why; left-out: the person chose not to bring it in. */
  outcome: 'added' | 'duplicate' | 'skipped' | 'left-out'
  reason: string | null
  /** The record added or matched (cred-3, exp-2 …), when there is one. */
  id: string | null
}

/** What a career import (JSON Resume, LinkedIn export) found, did or would do. */
export interface CareerImport {
  /** False for a preview: nothing was written. */
  applied: boolean
  items: ExchangeItem[]
  counts: { added: number; duplicate: number; skipped: number; leftOut: number }
  /** What the file holds that Skillfolio keeps nowhere (basics.image, awards …), by where it is in the file. */
  ignored: string[]
}

export type JsonResumeImport = CareerImport

/** The LinkedIn export's files an import reads ("Get a copy of your data"). */
export const LINKEDIN_FILES = ['Profile.csv', 'Email Addresses.csv', 'PhoneNumbers.csv', 'Positions.csv', 'Education.csv', 'Certifications.csv', 'Projects.csv', 'Skills.csv', 'Languages.csv'] as const

/** Files of the export that hold career history Skillfolio has no place for: named in the report, not read. */
export const UNREAD_LINKEDIN_FILES = ['Honors.csv', 'Publications.csv', 'Volunteering.csv', 'Courses.csv', 'Patents.csv', 'Test Scores.csv', 'Recommendations_Received.csv'] as const

export interface LinkedInImport extends CareerImport {
  /** The export's files that were read, in LINKEDIN_FILES order. */
  files: string[]
}

/** The names of a ZIP's entries (its central directory only; nothing is unpacked), or null when the bytes are not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = []
  try {
    unzipSync(bytes, { filter: (entry) => (names.push(entry.name), false) })
  } catch {
    return null
  }
  return names
}
