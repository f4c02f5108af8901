/**
 * Portfolio exchange formats (JSON Resume): what an import preview or result reports, item by
 * item. Pure TypeScript: the core fills it, the command line and the window show it.
 */

/** The JSON Resume sections an import reads. */
export const JSON_RESUME_SECTIONS = ['basics', 'work', 'education', 'certificates', 'projects', 'skills', 'languages'] as const
export type JsonResumeSection = (typeof JSON_RESUME_SECTIONS)[number]

/** One entry of the file and what became of it. */
export interface ExchangeItem {
  section: JsonResumeSection
  /** The entry as a person recognises it: "Data Analyst at Brightwave", "SQL". */
  label: string
  /** added: new in the portfolio; duplicate: the portfolio already holds it; skipped: not taken, `reason` says why. */
  outcome: 'added' | 'duplicate' | 'skipped'
  reason: string | null
  /** The record added or matched (cred-3, exp-2 …), when there is one. */
  id: string | null
}

export interface JsonResumeImport {
  /** False for a preview: nothing was written. */
  applied: boolean
  items: ExchangeItem[]
  counts: { added: number; duplicate: number; skipped: number }
  /** What the file holds that Skillfolio keeps nowhere (basics.image, awards …), by JSON path. */
  ignored: string[]
}
