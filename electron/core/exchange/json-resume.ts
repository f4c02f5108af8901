/**
 * The portfolio ⇄ JSON Resume (https://jsonresume.org/schema), both ways. What JSON Resume has
 * a field for goes there; everything else (credential kind, status, expiry, ID, hours, cost,
 * skill categories and aliases, project–credential links, the original text of a description)
 * goes in an `x-skillfolio` object on the item, so an export imported into an empty portfolio
 * exports again identically. Items are ordered by their content alone (never by row id), which
 * is what makes the second export equal to the first.
 */
import type { Credential, PortfolioSnapshot, SkillCategory } from '../../shared/schemas'
import { bulletsText, descriptionBullets } from '../../shared/bullets'
import { JSON_RESUME_SCHEMA_URL, jsonResumeProblems } from './schema'

export const EXTENSION = 'x-skillfolio'
export const EXTENSION_VERSION = 1

type Obj = Record<string, unknown>

/** Drops null, undefined, empty strings and empty lists, so the export holds only what is known. */
function compact<T extends Obj>(o: T): T {
  const out: Obj = {}
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue
    out[k] = v
  }
  return out as T
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Later dates first, missing dates last. */
const laterFirst = (a: unknown, b: unknown) => {
  const [x, y] = [typeof a === 'string' ? a : null, typeof b === 'string' ? b : null]
  return x === y ? 0 : x === null ? 1 : y === null ? -1 : byText(y, x)
}
/** Sorts by the comparators, then by the whole item: an order that depends on content only. */
function sortedByContent<T>(items: readonly T[], key: (t: T) => Obj, ...cmps: Array<(a: Obj, b: Obj) => number>): T[] {
  return [...items].sort((ta, tb) => {
    const [a, b] = [key(ta), key(tb)]
    for (const cmp of cmps) {
      const r = cmp(a, b)
      if (r) return r
    }
    return byText(JSON.stringify(a), JSON.stringify(b))
  })
}
const field = (name: string) => (a: Obj, b: Obj) => laterFirst(a[name], b[name])
const currentFirst = (a: Obj, b: Obj) => laterFirst(a.endDate ?? '9999', b.endDate ?? '9999')

export const CATEGORY_LABELS: Record<Exclude<SkillCategory, 'language'>, string> = {
  technology: 'Technology',
  knowledge: 'Knowledge',
  transversal: 'Transversal skills',
  other: 'Other skills',
}

/** "Manchester, UK" → { city: "Manchester", region: "UK" }: importLocation joins it back. */
function exportLocation(location: string | null): Obj | undefined {
  if (!location) return undefined
  const at = location.indexOf(', ')
  return at < 0 ? { city: location } : { city: location.slice(0, at), region: location.slice(at + 2) }
}

/** Credentials JSON Resume lists as certificates; planned, in-progress and revoked ones stay in the extension. */
const isCertificate = (c: Credential) => c.status === 'earned' || c.status === 'expired'

function credentialItem(c: Credential): Obj {
  const skills = c.skills.map((s) => compact({ name: s.name, level: s.level, origin: s.origin === 'typed' ? undefined : s.origin, decision: s.decision }))
  return compact({
    name: c.title,
    date: c.earnedOn,
    issuer: c.issuerName ?? c.provider,
    url: c.verificationUrl,
    [EXTENSION]: compact({
      kind: c.kind,
      status: c.status,
      provider: c.provider,
      issuerName: c.issuerName,
      issuerUrl: c.issuerUrl,
      startedOn: c.startedOn,
      expiresOn: c.expiresOn,
      hours: c.hours,
      cost: c.cost,
      credentialCode: c.credentialCode,
      description: c.description,
      notes: c.notes,
      skills,
      // The verdict as checked when exporting; an import never takes it as its own (it cannot be re-checked without the original).
      trust: c.trust === 'self_reported' ? undefined : c.trust,
      checkedAt: c.verification?.checkedAt,
    }),
  })
}

/** The whole portfolio as a JSON Resume object; `now` dates it (meta.lastModified). */
export function toJsonResume(p: PortfolioSnapshot, now: Date): Obj {
  const profile = p.profile
  // The schema's email format is ASCII-only; an address it refuses (josé@example.org) is kept in the extension.
  const schemaEmail = profile.email !== null && jsonResumeProblems({ basics: { email: profile.email } }).length === 0
  const basics = compact({
    name: profile.fullName,
    label: profile.headline,
    email: schemaEmail ? profile.email : null,
    phone: profile.phone,
    url: profile.website,
    summary: profile.summary,
    location: exportLocation(profile.location),
    profiles: profile.links.map((l) => compact({ network: l.label, url: l.url })),
    [EXTENSION]: compact({ email: schemaEmail ? null : profile.email }),
  })

  const work = sortedByContent(
    p.experience.map((e) => {
      const highlights = descriptionBullets(e.description)
      return compact({
        name: e.organization,
        position: e.title,
        location: e.location,
        startDate: e.startedOn,
        endDate: e.endedOn,
        highlights,
        [EXTENSION]: compact({
          // Kept only when the bullets would not give the description back as written.
          description: e.description !== null && bulletsText(highlights) !== e.description ? e.description : undefined,
          skills: e.skills.map((s) => compact({ name: s.name, level: s.level })),
        }),
      })
    }),
    (o) => o,
    currentFirst,
    field('startDate'),
  )

  const education = sortedByContent(
    p.education.map((e) =>
      compact({
        institution: e.institution,
        area: e.field,
        studyType: e.degree,
        startDate: e.startedOn,
        endDate: e.endedOn,
        [EXTENSION]: compact({ description: e.description }),
      }),
    ),
    (o) => o,
    currentFirst,
    field('startDate'),
  )

  // Credentials get a reference (c1, c2 …) in content order so projects can name them.
  const credentials = sortedByContent(
    p.credentials.map((c) => ({ c, item: credentialItem(c) })),
    (x) => x.item,
    field('date'),
  )
  const refs = new Map<string, string>()
  credentials.forEach(({ c, item }, i) => {
    const ref = `c${i + 1}`
    refs.set(c.id, ref)
    item[EXTENSION] = { ref, ...(item[EXTENSION] as Obj) }
  })
  const certificates = credentials.filter((x) => isCertificate(x.c)).map((x) => x.item)
  const otherCredentials = credentials.filter((x) => !isCertificate(x.c)).map((x) => x.item)

  const projects = sortedByContent(
    p.projects.map((pr) => {
      const first = pr.links[0]
      const linksAsUrl = pr.links.length === 0 || (pr.links.length === 1 && first?.label === null)
      return compact({
        name: pr.title,
        description: pr.summary,
        highlights: pr.outcomes,
        startDate: pr.startedOn,
        endDate: pr.endedOn,
        url: first?.url,
        roles: pr.role ? [pr.role] : [],
        keywords: pr.skills.map((s) => s.name),
        [EXTENSION]: compact({
          links: linksAsUrl ? undefined : pr.links,
          skills: pr.skills.some((s) => s.level !== null) ? pr.skills.map((s) => compact({ name: s.name, level: s.level })) : undefined,
          credentials: pr.credentials.map((c) => refs.get(c.id)).filter((r): r is string => r !== undefined),
        }),
      })
    }),
    (o) => o,
    field('startDate'),
  )

  const byName = [...p.skills].sort((a, b) => byText(a.name, b.name))
  const skills = (Object.keys(CATEGORY_LABELS) as Array<keyof typeof CATEGORY_LABELS>).flatMap((category) => {
    const inCategory = byName.filter((s) => s.category === category)
    if (!inCategory.length) return []
    return [
      compact({
        name: CATEGORY_LABELS[category],
        keywords: inCategory.map((s) => s.name),
        [EXTENSION]: compact({
          category,
          details: inCategory.filter((s) => s.aliases.length || s.description).map((s) => compact({ name: s.name, aliases: s.aliases, description: s.description })),
        }),
      }),
    ]
  })
  const languages = byName
    .filter((s) => s.category === 'language')
    .map((s) => compact({ language: s.name, fluency: s.description, [EXTENSION]: compact({ aliases: s.aliases }) }))

  return compact({
    $schema: JSON_RESUME_SCHEMA_URL,
    basics,
    work,
    education,
    certificates,
    projects,
    skills,
    languages,
    meta: { version: 'v1.0.0', lastModified: now.toISOString() },
    [EXTENSION]: compact({ version: EXTENSION_VERSION, otherCredentials }),
  })
}

// ---------- reading a JSON Resume ----------

export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [])
export const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((o): o is Obj => typeof o === 'object' && o !== null && !Array.isArray(o)) : [])
export const ext = (item: Obj): Obj => {
  const x = item[EXTENSION]
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Obj) : {}
}
/** Present in the extension (even as null): then it wins over what the standard fields say. */
const has = (x: Obj, key: string) => Object.prototype.hasOwnProperty.call(x, key)

/** JSON Resume dates may be YYYY or YYYY-MM; the portfolio keeps days: the first of the month or year. */
export function importDate(v: unknown): string | null {
  const s = str(v)
  if (!s) return null
  if (/^\d{4}$/.test(s)) return `${s}-01-01`
  if (/^\d{4}-\d{2}$/.test(s)) return `${s}-01`
  return s
}

export function importLocation(v: unknown): string | null {
  if (typeof v === 'string') return str(v)
  const [loc] = objects([v])
  if (!loc) return null
  return [loc.address, loc.city, loc.region, loc.postalCode, loc.countryCode].map(str).filter((s): s is string => s !== null).join(', ').replace(/\n+/g, ', ') || null
}

/** The description of a work entry: the extension's text as written, else the summary then the highlights as bullets. */
export function workDescription(item: Obj): string | null {
  const x = ext(item)
  if (has(x, 'description')) return str(x.description)
  return [str(item.summary), bulletsText(strings(item.highlights))].filter(Boolean).join('\n') || null
}

export function educationDescription(item: Obj): string | null {
  const x = ext(item)
  if (has(x, 'description')) return str(x.description)
  const score = str(item.score)
  return [score ? `Score: ${score}` : null, bulletsText(strings(item.courses))].filter(Boolean).join('\n') || null
}

/** A skill link as a form names it: { name, level }; unknown levels are dropped, not refused. */
export function skillRefs(list: unknown): Array<{ name: string; level: string | null; origin?: string; decision?: string }> {
  return objects(list).flatMap((s) => {
    const name = str(s.name)
    if (!name) return []
    const ref: { name: string; level: string | null; origin?: string; decision?: string } = { name, level: str(s.level) }
    const origin = str(s.origin)
    const decision = str(s.decision)
    if (origin) ref.origin = origin
    if (decision) ref.decision = decision
    return [ref]
  })
}

/** Top-level fields and sections of a JSON Resume that the portfolio has no place for. */
export const UNREAD_SECTIONS = ['volunteer', 'awards', 'publications', 'interests', 'references'] as const
