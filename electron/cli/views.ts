/** The detailed, human view of one record (`show`, and after `add` / `edit`). */
import { descriptionBullets } from '../shared/bullets'
import type { Credential, Education, Experience, Profile, Project, SkillDetail, SkillLink } from '../shared/schemas'
import { expiryNote, fieldsBlock, hours, money, wrap } from './format'
import { verificationText } from './commands/imports'
import { tagSkillList } from './commands/tags'
import { TRUST_WORDS } from '../shared/verdict'
import type { AnyRecord } from './records'

const skillList = (skills: SkillLink[]) => skills.map((s) => (s.level ? `${s.name} (${s.level})` : s.name)).join(', ')
/** `    cred-5   Title` lines with the ids padded to one width. */
function refs(items: Array<{ id: string; title: string }>, suffix: (i: number) => string = () => ''): string {
  const w = Math.max(0, ...items.map((i) => i.id.length))
  return items.map((item, i) => `    ${item.id.padEnd(w)}  ${item.title}${suffix(i)}`).join('\n')
}
const range = (from: string | null, to: string | null) => (from || to ? `${from ?? '?'} – ${to ?? 'present'}` : null)

function section(title: string, body: string | null | undefined): string {
  return body ? `\n  ${title}\n${body}` : ''
}

export function credentialView(c: Credential, now: Date): string {
  const head = `${c.id}  ${c.title}`
  const issuer = c.issuerName ? (c.issuerUrl ? `${c.issuerName} (${c.issuerUrl})` : c.issuerName) : c.issuerUrl
  return [
    head,
    fieldsBlock([
      ['Kind', c.kind],
      ['Status', c.status.replace('_', ' ')],
      ['Trust', TRUST_WORDS[c.trust].label],
      ['Provider', c.provider],
      ['Issuer', issuer],
      ['Started', c.startedOn],
      ['Earned', c.earnedOn],
      ['Expires', expiryNote(now, c.expiresOn)],
      ['Hours', hours(c.hours)],
      ['Cost', money(c.cost)],
      ['Credential ID', c.credentialCode],
      ['Verify at', c.verificationUrl],
      ['Skills', skillList(c.skills.filter((s) => s.origin !== 'tag'))],
      ['From tags', tagSkillList(c.skills)],
      ['Evidence', c.evidence.map((e) => e.fileName).join(', ')],
    ]),
  ].join('\n') +
    section('Used in projects', refs(c.projects)) +
    section('Description', c.description && wrap(c.description)) +
    section('Notes', c.notes && wrap(c.notes)) +
    section('Imported from', c.source && sourceLines(c.source)) +
    section('Verification', c.verification && verificationText(c.verification))
}

const FORMAT_NAMES: Record<string, string> = {
  'ob0.5': 'Open Badges 0.5',
  ob1: 'Open Badges 1.0',
  ob2: 'Open Badges 2.0',
  ob3: 'Open Badges 3.0',
  clr2: 'Comprehensive Learner Record 2.0',
  vc: 'Verifiable credential',
  blockcerts: 'Blockcerts',
  edc: 'European Digital Credential',
}

function sourceLines(source: NonNullable<Credential['source']>): string {
  const recipient = source.recipientHashed ? 'hashed identity (kept hashed)' : (source.recipientName ?? source.recipientIdentity)
  return fieldsBlock([
    ['Format', `${FORMAT_NAMES[source.format] ?? source.format} (${source.container})`],
    ['Credential id', source.sourceId],
    ['Issuer id', source.issuerId],
    ['Recipient', recipient],
    ['Criteria', source.criteria],
    ['Warnings', source.warnings.join('; ')],
  ])
}

export function projectView(p: Project): string {
  return [
    `${p.id}  ${p.title}`,
    fieldsBlock([
      ['Role', p.role],
      ['Dates', range(p.startedOn, p.endedOn)],
      ['Skills', skillList(p.skills)],
    ]),
  ].join('\n') +
    section('Summary', p.summary && wrap(p.summary)) +
    section('Outcomes', p.outcomes.map((o) => `    • ${o}`).join('\n')) +
    section('Links', p.links.map((l) => `    ${l.label ? `${l.label}: ` : ''}${l.url}`).join('\n')) +
    section('Credentials used', refs(p.credentials))
}

export function skillView(s: SkillDetail): string {
  const level = (l: string | null) => (l ? `  (${l})` : '')
  return [
    `${s.id}  ${s.name}`,
    fieldsBlock([
      ['Category', s.category],
      ['Aliases', s.aliases.join(', ')],
      ['Evidence', `${s.credentialCount} credential${s.credentialCount === 1 ? '' : 's'}, ${s.projectCount} project${s.projectCount === 1 ? '' : 's'}`],
      ['Taxonomy', s.taxonomyUri],
    ]),
  ].join('\n') +
    section('Description', s.description && wrap(s.description)) +
    section('Credentials', refs(s.credentials, (i) => level(s.credentials[i]!.level))) +
    section('Projects', refs(s.projects, (i) => level(s.projects[i]!.level))) +
    section('Experience', refs(s.experience.map((e) => ({ id: e.id, title: `${e.title}, ${e.organization}` })), (i) => level(s.experience[i]!.level))) +
    (s.credentials.length && !s.projects.length && !s.experience.length ? '\n\n  Learned but never practised: no project or work entry shows it yet.' : '')
}

/** A work entry's description as the resume prints it: one "•" line per bullet, wrapped under its text. */
export function bulletLines(description: string | null, indent = '    '): string {
  return descriptionBullets(description)
    .map((b) => `${indent}• ${wrap(b, `${indent}  `).trimStart()}`)
    .join('\n')
}

export function experienceView(e: Experience): string {
  return [
    `${e.id}  ${e.title}`,
    fieldsBlock([
      ['Organisation', e.organization],
      ['Location', e.location],
      ['Dates', range(e.startedOn, e.endedOn)],
      ['Skills', skillList(e.skills)],
    ]),
  ].join('\n') + section('Description', bulletLines(e.description))
}

export function educationView(e: Education): string {
  return [
    `${e.id}  ${e.institution}`,
    fieldsBlock([
      ['Degree', e.degree],
      ['Field', e.field],
      ['Dates', range(e.startedOn, e.endedOn)],
    ]),
  ].join('\n') + section('Description', e.description && wrap(e.description))
}

export function recordView(record: AnyRecord, now: Date): string {
  switch (record.entity) {
    case 'credential':
      return credentialView(record.value, now)
    case 'project':
      return projectView(record.value)
    case 'skill':
      return skillView(record.value)
    case 'experience':
      return experienceView(record.value)
    case 'education':
      return educationView(record.value)
  }
}

export function profileView(p: Profile): string {
  const empty = !p.fullName && !p.headline && !p.email && !p.summary
  if (empty) return 'No profile yet. Set one with: skillfolio profile set --name "Your Name" --headline "…" --email you@example.com'
  return [
    p.fullName ?? '(no name)',
    p.headline ? `  ${p.headline}` : '',
    fieldsBlock([
      ['Email', p.email],
      ['Phone', p.phone],
      ['Location', p.location],
      ['Website', p.website],
      ...p.links.map((l): [string, string] => [l.label ?? 'Link', l.url]),
    ]),
  ]
    .filter(Boolean)
    .join('\n') + section('Summary', p.summary && wrap(p.summary))
}
