/**
 * A resume as plain, printable data: every string already worded and formatted ("Mar 2024 –
 * Present", "Expired Jan 2024", bullets split), sections in print order. The resume service
 * (electron/core/resume) builds it from the portfolio: tailoring, length, wording. The writers
 * (core/pdf → PDF, core/docx → Word) only lay it out, so a PDF and a DOCX of the same choices
 * say the same things in the same order, and neither knows the portfolio.
 */
import type { SectionKey } from './resume'

export interface ResumeDocLink {
  url: string
  /** What a screen reader announces ("Verify Google Data Analytics"). */
  label: string
}

export interface ResumeContactItem {
  kind: 'email' | 'phone' | 'location' | 'website' | 'link'
  /** As printed: "maya@example.com", "linkedin.com/in/maya" (a link's label goes in `label`). */
  text: string
  /** "LinkedIn" for a labelled profile link; printed before the text. */
  label: string | null
  link: ResumeDocLink | null
}

/** One credential, job, school or project: title line, organisation line, then the body. */
export interface ResumeDocEntry {
  /** The portfolio id (cred-1, exp-2, edu-3, proj-4): ties the entry to its decision. */
  id: string
  /** Bold first line: job title, degree, credential or project name. */
  title: string
  /** A link on the title (a credential's verification page). */
  titleLink: ResumeDocLink | null
  /** Right-aligned on the title line: "Mar 2022 – Present", "2024"; nothing else in it. */
  dates: string | null
  /** The second line's parts, joined by the writer: company, location / issuer, "via Coursera" / school / project role. */
  subtitle: string[]
  /** A state in words ("Expired Jan 2024", "In progress", "Valid until Mar 2027"); `warn` may be coloured when the person asked for it. */
  status: { text: string; warn: boolean } | null
  /** Prose paragraphs (a project's summary, an education note). */
  paragraphs: string[]
  bullets: string[]
  /** Small labelled lines after the body: "Skills: SQL, Python", "Credential ID: ABC-123", a link. */
  details: ResumeDocDetail[]
}

export interface ResumeDocDetail {
  /** "Skills", "Credential ID", "Verify", or null for a bare link. */
  label: string | null
  text: string
  link: ResumeDocLink | null
}

export interface ResumeDocSkillGroup {
  /** "Technical", "Professional", "Languages" … */
  label: string
  skills: string[]
}

export type ResumeDocSection =
  | { key: 'summary'; title: string; paragraphs: string[] }
  | { key: 'skills'; title: string; groups: ResumeDocSkillGroup[] }
  | {
      key: Exclude<SectionKey, 'summary' | 'skills'>
      title: string
      entries: ResumeDocEntry[]
      /** Credentials in one line each (title · issuer, year), no body. */
      compact: boolean
    }

export interface ResumeDocument {
  /** The file's title ("Maya Patel — Data Analyst resume"). */
  title: string
  subject: string
  /** The role's skills the resume shows, else its top skills (the file's keywords). */
  keywords: string[]
  /** BCP 47 language of the content. */
  lang: string
  header: {
    name: string
    headline: string | null
    contact: ResumeContactItem[]
  }
  /** Non-empty sections only, in print order. */
  sections: ResumeDocSection[]
}
