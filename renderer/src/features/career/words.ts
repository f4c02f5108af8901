/** The career review's words and choices: section titles, count sentences, what is left out, where a new entry lives. */
import { plural } from '../../format'
import type { Route } from '../../router'
import { JSON_RESUME_SECTIONS, type CareerImport, type ExchangeItem, type JsonResumeSection } from '../../shared'
import type { ExportHolds } from './detect'
import type { CareerSource } from './source'

/** The review's sections, in the order a resume reads. */
export const SECTIONS = JSON_RESUME_SECTIONS

export const SECTION_TITLE: Record<JsonResumeSection, string> = {
  basics: 'Profile',
  work: 'Work',
  education: 'Education',
  certificates: 'Certificates',
  projects: 'Projects',
  skills: 'Skills',
  languages: 'Languages',
}

const entries = (n: number) => plural(n, 'entry', 'entries')

/** A preview's counts: "17 new, 3 already in your portfolio, 1 cannot be taken". */
export function previewSentence(counts: CareerImport['counts']): string {
  const parts = [
    counts.added ? `${counts.added} new` : '',
    counts.duplicate ? `${counts.duplicate} already in your portfolio` : '',
    counts.skipped ? `${counts.skipped} cannot be taken` : '',
  ].filter(Boolean)
  return parts.length ? parts.join(', ') : 'It holds no entries Skillfolio can take'
}

/** An import's counts: "Brought in 16 entries; 1 left out; 3 were already in your portfolio". */
export function resultSentence(counts: CareerImport['counts']): string {
  return [
    counts.added ? `Brought in ${entries(counts.added)}` : 'Nothing new was brought in',
    counts.leftOut ? `${counts.leftOut} left out` : '',
    counts.duplicate ? `${counts.duplicate} ${counts.duplicate === 1 ? 'was' : 'were'} already in your portfolio` : '',
    counts.skipped ? `${counts.skipped} could not be taken` : '',
  ]
    .filter(Boolean)
    .join('; ')
}

/** What the file is: "LinkedIn export, 9 files read", "JSON Resume", "Skillfolio export". */
export function sourceWords(source: CareerSource, filesRead?: number): string {
  if (source.kind === 'json-resume') return 'JSON Resume'
  if (source.kind === 'full-export') return 'Skillfolio export'
  return filesRead === undefined ? 'LinkedIn export' : `LinkedIn export, ${plural(filesRead, 'file')} read`
}

/** A Skillfolio export's contents: "12 credentials, 3 projects and 40 skills". */
export function holdsWords(holds: ExportHolds): string {
  const parts = [
    holds.credentials && plural(holds.credentials, 'credential'),
    holds.projects && plural(holds.projects, 'project'),
    holds.skills && plural(holds.skills, 'skill'),
    holds.experience && plural(holds.experience, 'work entry', 'work entries'),
    holds.education && plural(holds.education, 'education entry', 'education entries'),
    holds.roles && plural(holds.roles, 'target role'),
    holds.variants && plural(holds.variants, 'saved resume'),
  ].filter((p): p is string => Boolean(p))
  if (!parts.length) return 'nothing but a profile'
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

/** The entries a preview offers: every new one, chosen to begin with. */
export function initialChoice(items: readonly ExchangeItem[]): Set<string> {
  return new Set(items.filter((i) => i.outcome === 'added').map((i) => i.key))
}

/** The keys to leave out: new entries the person unchecked (duplicates and skipped ones are never written anyway). */
export function leaveOutKeys(items: readonly ExchangeItem[], chosen: ReadonlySet<string>): string[] {
  return items.filter((i) => i.outcome === 'added' && !chosen.has(i.key)).map((i) => i.key)
}

/** Where a record the import added or matched is shown: credentials, projects, skills, or the profile (work, education, basics). */
export function itemRoute(item: Pick<ExchangeItem, 'id' | 'section'>): Pick<Route, 'screen' | 'id'> | null {
  const id = item.id
  if (id?.startsWith('cred-')) return { screen: 'credentials', id }
  if (id?.startsWith('proj-')) return { screen: 'projects', id }
  if (id?.startsWith('skill-')) return { screen: 'skills', id }
  if (id?.startsWith('exp-') || id?.startsWith('edu-')) return { screen: 'profile', id }
  if (item.section === 'basics') return { screen: 'profile', id: null }
  return null
}
