/** The project form's values and their conversion to ProjectInput. */
import { ProjectInput, type FieldIssue, type Project } from '../../shared'
import type { PickedCredential } from '../../ui/CredentialPicker'
import type { PickedSkill } from '../../ui/SkillPicker'
import { zodIssues } from '../../ui/form'

export interface LinkRow {
  label: string
  url: string
}

export interface ProjectFormValues {
  title: string
  role: string
  summary: string
  startedOn: string
  endedOn: string
  links: LinkRow[]
  outcomes: string[]
  skills: PickedSkill[]
  credentials: PickedCredential[]
}

export function emptyProject(): ProjectFormValues {
  return { title: '', role: '', summary: '', startedOn: '', endedOn: '', links: [], outcomes: [], skills: [], credentials: [] }
}

export function projectValues(p: Project): ProjectFormValues {
  return {
    title: p.title,
    role: p.role ?? '',
    summary: p.summary ?? '',
    startedOn: p.startedOn ?? '',
    endedOn: p.endedOn ?? '',
    links: p.links.map((l) => ({ label: l.label ?? '', url: l.url })),
    outcomes: [...p.outcomes],
    skills: p.skills.map((s) => ({ name: s.name, level: s.level })),
    credentials: p.credentials.map((c) => ({ id: c.id, title: c.title })),
  }
}

export function projectFieldOf(path: string): string {
  if (path.startsWith('skills')) return 'skills'
  if (path.startsWith('credentialIds')) return 'credentials'
  if (/^links\.\d+(\.(label|url))?$/.test(path)) return path.split('.').length === 2 ? `${path}.url` : path
  if (/^outcomes\.\d+/.test(path)) return path.split('.').slice(0, 2).join('.')
  return path.split('.')[0] || 'form'
}

/**
 * Blank link rows and blank outcomes are dropped (their indexes are kept in `linkIndex` /
 * `outcomeIndex` so issues land on the row the person sees).
 */
export function toProjectInput(v: ProjectFormValues): { input: ProjectInput; issues: FieldIssue[] } {
  const linkIndex: number[] = []
  const links = v.links.flatMap((l, i) => {
    if (!l.label.trim() && !l.url.trim()) return []
    linkIndex.push(i)
    return [{ label: l.label, url: l.url.trim() }]
  })
  const outcomeIndex: number[] = []
  const outcomes = v.outcomes.flatMap((o, i) => {
    if (!o.trim()) return []
    outcomeIndex.push(i)
    return [o]
  })
  const input: ProjectInput = {
    title: v.title,
    role: v.role,
    summary: v.summary,
    startedOn: v.startedOn,
    endedOn: v.endedOn,
    links,
    outcomes,
    skills: v.skills.map((s) => ({ name: s.name, level: s.level })),
    credentialIds: v.credentials.map((c) => c.id),
  }
  const issues: FieldIssue[] = []
  const parsed = ProjectInput.safeParse(input)
  if (!parsed.success) {
    for (const issue of zodIssues(parsed.error)) {
      const [head, index, ...rest] = issue.path.split('.')
      if (head === 'links' && index !== undefined) issue.path = ['links', linkIndex[Number(index)] ?? index, ...rest].join('.')
      if (head === 'outcomes' && index !== undefined) issue.path = ['outcomes', outcomeIndex[Number(index)] ?? index, ...rest].join('.')
      issues.push(issue)
    }
  } else if (parsed.data.startedOn && parsed.data.endedOn && parsed.data.endedOn < parsed.data.startedOn) {
    issues.push({ path: 'endedOn', message: 'cannot be before the start date' })
  }
  return { input, issues }
}
