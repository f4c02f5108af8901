/**
 * Job posting -> the skills it asks for, each with where it was found (for highlighting), how
 * often, and a suggested weight and essential flag the user accepts or changes before saving
 * the posting as a target role. Heuristics are documented in README.md.
 */
import type { PostingExtraction, PostingMention, PostingSection, PostingSkill } from '../../shared/analysis'
import type { Matcher } from '../skills/matcher'

export type { PostingExtraction, PostingMention, PostingSection, PostingSkill }

const PREFERRED = /\b(nice[- ]to[- ]haves?|preferred|preferably|bonus(?: points)?|plus\b|desirable|desired|advantage(?:ous)?|ideally|would be (?:great|nice|good)|extra points|good to have|not required|optional|appreciated|a big plus|beneficial)/i
const REQUIRED_HEADING = /\b(requirements?|required|must[- ]haves?|must have|essentials?|qualifications?|what (?:we|you)(?:'ll| will)? need|what you bring|what you(?:'ll)? have|you (?:have|bring|will need|need)|skills (?:&|and) (?:requirements|experience|qualifications)|who you are|your profile|about you|minimum|what we(?:'re| are) looking for|the skills we(?:'re| are) looking for|we(?:'re| are) looking for|your skills|key skills|technical skills|skills|experience)\b/i
const OTHER_HEADING = /\b(job description|the role|about the role|responsibilities|what you(?:'ll| will) do|your (?:role|tasks|responsibilities|day)|the job|role description|your mission|tasks)\b/i
const ABOUT_HEADING = /\b(benefits|what we offer|we offer|what we can offer|our offer|perks|about us|about (?:the )?(?:company|team|department)|company description|who we are|our team|our culture|culture|why join|how to apply|salary|compensation|equal opportunit|what's in it for you|working at|life at)/i
/** Job-board metadata labels ("Experience level:", "Role:") are not requirement headings. */
const METADATA = /^(role|industry|job type|company (?:size|type)|experience level|location(?: options)?|date posted|compensation|technologies|tags|salary|remote)\b\s*:?/i
const REQUIRED_INLINE = /\b(\d+\s*\+?\s*(?:years?|yrs)|must|required|requirement|essential|mandatory|proficien(?:t|cy)|strong|solid|expert(?:ise)?|extensive|in-depth|thorough|demonstrated|proven)\b/i

const BASE_WEIGHT: Record<PostingSection, number> = { required: 0.8, title: 0.7, other: 0.5, preferred: 0.3, about: 0.2 }
const SECTION_STRENGTH: Record<PostingSection, number> = { required: 4, title: 3, other: 2, preferred: 1, about: 0 }

interface Line {
  start: number
  end: number
  text: string
}

function linesOf(text: string): Line[] {
  const out: Line[] = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start, end: i, text: text.slice(start, i) })
      start = i + 1
    }
  }
  return out
}

/** A short line that names a part of the posting ("Requirements:", "Nice to have"). */
function headingKind(line: string): PostingSection | null {
  // A bullet is an item, never a heading.
  if (/^\s*(?:[-*•·▪–]|\d+[.)])\s/.test(line)) return null
  const t = line.trim().replace(/^#+\s*/, '')
  const words = t.split(/\s+/).length
  if (!t || t.length > 70 || words > 9) return null
  // A sentence (ends with a full stop) is not a heading.
  if (/[.!]$/.test(t) && !/:$/.test(t)) return null
  if (METADATA.test(t)) return 'other'
  if (PREFERRED.test(t)) return 'preferred'
  const notRequirements = !/requirements?|qualifications?|must/i.test(t)
  // "About <company>", "About the department" describe the employer; "About you" is the ask.
  if (/^about\b/i.test(t)) return /^about (?:you|yourself)\b/i.test(t) ? 'required' : /^about (?:the )?(?:role|job|position)\b/i.test(t) ? 'other' : 'about'
  if (ABOUT_HEADING.test(t) && notRequirements) return 'about'
  if (OTHER_HEADING.test(t) && notRequirements) return 'other'
  const required = REQUIRED_HEADING.exec(t)
  // A bare "Experience" or "Skills" only heads a part when the line is short or ends with a colon.
  if (required && (!/^(?:experience|skills)$/i.test(required[1]!) || words <= 4 || t.endsWith(':'))) return 'required'
  return null
}

/** Splits the posting into title / required / preferred / other parts, line by line. */
export function postingSections(text: string): PostingExtraction['sections'] {
  const lines = linesOf(text)
  const out: PostingExtraction['sections'] = []
  let current: PostingSection = 'other'
  let heading: string | null = null
  let titleDone = false
  for (const line of lines) {
    const trimmed = line.text.trim()
    if (!titleDone && trimmed) {
      titleDone = true
      if (trimmed.length <= 100) {
        out.push({ kind: 'title', start: line.start, end: line.end, heading: null })
        continue
      }
    }
    const kind = headingKind(line.text)
    if (kind) {
      current = kind
      heading = trimmed
    }
    // Inline cues on a line of text override the part it is in: "React is a plus", "3+ years of SQL".
    let lineKind: PostingSection = current
    if (!kind && trimmed && current !== 'about') {
      if (PREFERRED.test(trimmed)) lineKind = 'preferred'
      else if (current !== 'preferred' && REQUIRED_INLINE.test(trimmed)) lineKind = 'required'
    }
    out.push({ kind: lineKind, start: line.start, end: line.end, heading })
  }
  return out
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Extracts the skills of a job posting with the given matcher. */
export function extractFromPosting(text: string, matcher: Matcher): PostingExtraction {
  const sections = postingSections(text)
  const matches = matcher.match(text)
  const mentions: PostingMention[] = []
  let s = 0
  for (const m of matches) {
    while (s < sections.length - 1 && sections[s]!.end < m.start) s++
    mentions.push({ ...m, section: sections[s]?.kind ?? 'other' })
  }
  const hasRequirements = sections.some((x) => x.kind === 'required')
  const bySkill = new Map<string, PostingMention[]>()
  for (const m of mentions) {
    const list = bySkill.get(m.skillId)
    if (list) list.push(m)
    else bySkill.set(m.skillId, [m])
  }
  const skills: PostingSkill[] = []
  for (const [skillId, list] of bySkill) {
    const entry = matcher.skill(skillId)
    const section = list.reduce<PostingSection>((best, m) => (SECTION_STRENGTH[m.section] > SECTION_STRENGTH[best] ? m.section : best), 'about')
    const inTitle = list.some((m) => m.section === 'title')
    const count = list.length
    const confidence = Math.max(...list.map((m) => m.confidence))
    let weight = BASE_WEIGHT[section] + 0.05 * Math.min(count - 1, 3) + (inTitle && section !== 'title' ? 0.1 : 0)
    if (entry?.category === 'transversal') weight -= 0.1
    weight = round2(Math.min(1, Math.max(0.1, weight)))
    // A transversal skill ("communication") is essential only when the requirements name it:
    // in a title or the description it says something about the culture, not the ask.
    const essential =
      entry?.category === 'transversal'
        ? section === 'required'
        : (section === 'required' || section === 'title' || section === 'other') && (section === 'required' || inTitle || (!hasRequirements && count >= 3))
    const reasons: string[] = []
    if (section === 'required') reasons.push('in the requirements')
    else if (section === 'preferred') reasons.push('only as nice to have')
    else if (section === 'about') reasons.push('only about the company or its benefits')
    else if (section === 'title') reasons.push('in the job title')
    else reasons.push('in the description')
    if (inTitle && section !== 'title') reasons.push('also in the job title')
    if (count > 1) reasons.push(`mentioned ${count} times`)
    skills.push({
      skillId,
      name: entry?.name ?? list[0]!.name,
      category: entry?.category ?? 'other',
      area: entry?.area ?? 'general',
      count,
      mentions: list,
      confidence,
      section,
      suggestedWeight: weight,
      suggestedEssential: essential,
      // Soft skills in the description or company text describe the culture more often than they ask for something.
      suggestedAccept: section !== 'about' && !(entry?.category === 'transversal' && section === 'other') && (confidence >= 0.75 || count >= 2),
      why: reasons.join(', '),
    })
  }
  skills.sort((a, b) => b.suggestedWeight - a.suggestedWeight || Number(b.suggestedEssential) - Number(a.suggestedEssential) || a.mentions[0]!.start - b.mentions[0]!.start)
  const first = sections.find((x) => x.kind === 'title')
  return {
    title: first ? text.slice(first.start, first.end).trim() : null,
    skills,
    mentions,
    sections: sections.filter((x) => x.end > x.start),
    hasRequirements,
  }
}
