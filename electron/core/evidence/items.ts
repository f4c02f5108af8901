/**
 * The evidence behind one skill as a person reads it: one item per entry (credential, project,
 * work entry, education, typed skill, related skill) with its kind, strength, date and a sentence.
 * Every screen, the command line, the gap report and resume tailoring read these.
 */
import { EVIDENCE_STRENGTH as S, type EvidenceItem } from '../../shared/evidence'
import type { EvidenceIndex, SkillEvidence } from './build'
import { durationWords, staleBefore } from './dates'

const TRUST_WORD: Record<string, string> = {
  verified: 'verified credential',
  unverified: 'unverified credential',
  expired: 'expired credential',
  self_reported: 'self-reported credential',
}

/** "Data Analyst at Brightwave Retail". */
export const workTitle = (w: { title: string; organization: string }) => `${w.title} at ${w.organization}`

/**
 * Every item behind a skill, strongest first (then most recent). `limit` caps the list for
 * display; the ids of all entries are in `entriesOf`.
 */
export function evidenceItems(index: EvidenceIndex, ev: SkillEvidence, limit = Number.POSITIVE_INFINITY): EvidenceItem[] {
  const cutoff = staleBefore(index.today)
  const stale = (date: string | null) => date !== null && date < cutoff
  const items: EvidenceItem[] = []
  const titles = index.credentialTitles(ev.credentials)
  for (const i of ev.credentials) {
    const c = index.credentials[i]!
    items.push({
      kind: 'credential',
      source: `cred-${c.rowId}`,
      title: titles.get(i) ?? '',
      gives: 'learned',
      strength: c.trust === 'expired' ? S.credentialExpired : S.credential,
      date: c.earnedOn,
      detail: TRUST_WORD[c.trust] ?? 'credential',
      trust: c.trust,
      stale: stale(c.earnedOn),
    })
  }
  for (const p of ev.projects) {
    const f = index.projects[p]!
    items.push({ kind: 'project', source: f.id, title: f.title, gives: 'practised', strength: S.project, date: f.date, detail: 'practised in a project', stale: stale(f.date) })
  }
  for (const w of ev.work) {
    const f = index.work[w.work]!
    const entry = workTitle(f)
    const span = f.months !== null ? durationWords(f.months) : null
    const detail =
      w.how === 'inferred'
        ? `${w.decision === 'confirmed' ? 'confirmed by you, ' : ''}inferred from your ${span ? `${span} as ` : 'work as '}${f.title} at ${f.organization}`
        : w.how === 'linked'
          ? `practised at work${span ? ` for ${span}` : ''} (linked by you)`
          : `practised at work${span ? ` for ${span}` : ''} (named in the entry)`
    items.push({
      kind: w.how === 'inferred' ? 'inferred' : 'experience',
      source: f.id,
      title: entry,
      gives: 'practised',
      strength: w.strength,
      date: f.date,
      detail,
      ...(w.how === 'inferred' ? { inference: { experienceId: f.id, decision: w.decision } } : {}),
      stale: stale(f.date),
    })
  }
  for (const e of ev.education) {
    const f = index.education[e]!
    items.push({ kind: 'education', source: f.id, title: f.title, gives: 'learned', strength: S.education, date: f.date, detail: 'named in your education', stale: stale(f.date) })
  }
  for (const id of ev.typed) {
    items.push({ kind: 'self-reported', source: id, title: ev.name, gives: 'learned', strength: S.selfReported, date: null, detail: 'in your skills, with nothing linked to it yet', stale: false })
  }
  for (const r of ev.related) {
    items.push({
      kind: 'related',
      source: r.key,
      title: r.name,
      gives: r.gives,
      strength: r.strength,
      date: null,
      detail: `via ${r.name} (${r.relation === 'implies' ? `${r.name} implies ${ev.name}` : `${r.name} is a kind of ${ev.name}`})`,
      via: { key: r.key, name: r.name, relation: r.relation },
      stale: false,
    })
  }
  items.sort((a, b) => b.strength - a.strength || (b.date ?? '').localeCompare(a.date ?? '') || a.source.localeCompare(b.source))
  return Number.isFinite(limit) ? items.slice(0, limit) : items
}

/**
 * The entries (cred-, proj-, exp-, edu-, skill- ids) that are direct evidence for a skill: what
 * resume tailoring may say an item "matches". Related skills lend credit but are not the entry.
 */
export function entriesOf(index: EvidenceIndex, ev: SkillEvidence): Set<string> {
  const out = new Set<string>()
  for (const i of ev.credentials) out.add(`cred-${index.credentials[i]!.rowId}`)
  for (const p of ev.projects) out.add(index.projects[p]!.id)
  for (const w of ev.work) out.add(index.work[w.work]!.id)
  for (const e of ev.education) out.add(index.education[e]!.id)
  for (const s of ev.portfolioSkills) out.add(s)
  return out
}
