/**
 * Bringing a career history into the portfolio, whatever file it came from. The entries arrive
 * shaped as a JSON Resume (a LinkedIn export is mapped to that shape first), and every section is
 * added through the portfolio's own services in ONE transaction, matched against what the
 * portfolio already holds: each entry ends added, already there (duplicate) or skipped with the
 * reason. A preview is the same import rolled back, so what it promises is exactly what it does.
 */
import type { z } from 'zod'
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import { readPortfolioSnapshot } from '../portfolio/snapshot'
import { nameKey } from '../portfolio/text'
import { AppError, describeError } from '../../shared/errors'
import type { CareerImport, ExchangeItem, JsonResumeSection } from '../../shared/exchange'
import { CredentialInput, EducationInput, ExperienceInput, ProfileInput, ProjectInput, SkillInput, SKILL_CATEGORIES } from '../../shared/schemas'
import { EXTENSION, UNREAD_SECTIONS, educationDescription, ext, importDate, importLocation, objects, skillRefs, str, strings, workDescription } from './json-resume'

type Obj = Record<string, unknown>

/** Names an entry (and one of its fields) in the source file, for the report: "certificates.2.url". */
export type Where = (section: JsonResumeSection, index: number | null, field?: string) => string
const jsonPath: Where = (section, index, field) => [section, index, field].filter((part) => part !== null && part !== undefined).join('.')

/** Thrown inside the transaction to roll a preview back. */
class PreviewRollback extends Error {}

/** First problem of a failed parse, as one line ("startedOn: must be a date …"). */
const zodReason = (error: z.ZodError) => describeError({ code: 'BAD_INPUT', message: '', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) })

/**
 * Parses `values`; a field in `droppable` that is refused is left out (and named in `ignored`)
 * rather than losing the whole entry, so one odd web address does not cost a certificate.
 */
function parseDropping<S extends z.ZodType>(schema: S, values: Obj, droppable: readonly string[], where: (field: string) => string, ignored: string[]): z.ZodSafeParseResult<z.output<S>> {
  let result = schema.safeParse(values)
  const dropped = new Set<string>()
  while (!result.success) {
    const bad = result.error.issues.map((i) => String(i.path[0] ?? '')).filter((k) => droppable.includes(k) && !dropped.has(k))
    if (!bad.length) break
    for (const k of bad) {
      dropped.add(k)
      const issue = result.error.issues.find((i) => i.path[0] === k)
      ignored.push(`${where(k)}: ${issue?.message ?? 'refused'}`)
      values = { ...values, [k]: Array.isArray(values[k]) ? [] : null }
    }
    result = schema.safeParse(values)
  }
  return result
}

/** The profile's fields as a person calls them, for the report. */
const PROFILE_FIELD_WORDS: Record<string, string> = { fullName: 'full name', headline: 'headline', email: 'email', phone: 'phone', location: 'location', website: 'website', summary: 'summary' }

function importInto(db: Db, portfolio: Portfolio, resume: Obj, where: Where, leaveOut: ReadonlySet<string>, preview: boolean): Omit<CareerImport, 'applied'> {
  const items: ExchangeItem[] = []
  const ignored: string[] = []
  /** The entry being read: its key in the source (`work.2`), which a preview's choice names. */
  let key = ''
  const note = (section: JsonResumeSection, label: string, outcome: ExchangeItem['outcome'], reason: string | null = null, id: string | null = null) =>
    items.push({ key, section, label, outcome, reason, id })
  /** Starts an entry; false (and noted) when the person chose to leave it out. */
  const enter = (entryKey: string, section: JsonResumeSection, label: string): boolean => {
    key = entryKey
    if (!leaveOut.has(entryKey)) return true
    note(section, label, 'left-out', 'you chose not to bring it in')
    return false
  }
  /** Runs a repository write; a refusal (bad value, clash) skips the entry with the repository's words. */
  const attempt = <T>(write: () => T): { ok: true; value: T } | { ok: false; reason: string; code: string } => {
    try {
      return { ok: true, value: write() }
    } catch (error) {
      if (error instanceof AppError && (error.code === 'BAD_INPUT' || error.code === 'CONFLICT')) return { ok: false, reason: describeError(error.toShape()), code: error.code }
      throw error
    }
  }
  const before = readPortfolioSnapshot(db)

  // ---------- basics → profile: fills what is empty, never overwrites ----------
  const basics = objects([resume.basics])[0]
  if (basics && enter('basics', 'basics', str(basics.name) ?? 'Profile')) {
    if (str(basics.image)) ignored.push('basics.image: Skillfolio keeps no photo')
    const current = before.profile
    const links: Array<{ label: string | null; url: string }> = [...current.links]
    objects(basics.profiles).forEach((p, i) => {
      const url = str(p.url)
      const label = str(p.network) ?? str(p.username)
      if (!url) {
        key = `basics.profiles.${i}`
        return note('basics', `Profile ${label ?? i + 1}`, 'skipped', 'it has no url, and a link needs one')
      }
      if (links.some((l) => l.url === url)) return
      links.push({ label, url })
    })
    const offered: Obj = {
      fullName: str(basics.name),
      headline: str(basics.label),
      email: str(ext(basics).email) ?? str(basics.email),
      phone: str(basics.phone),
      location: importLocation(basics.location),
      website: str(basics.url),
      summary: str(basics.summary),
    }
    const filled: string[] = []
    const kept: string[] = []
    const merged: Obj = { ...current, links }
    delete merged.updatedAt
    for (const [k, v] of Object.entries(offered)) {
      if (v === null) continue
      const mine = (current as unknown as Obj)[k]
      if (mine === null) {
        merged[k] = v
        filled.push(PROFILE_FIELD_WORDS[k] ?? k)
      } else if (mine !== v) kept.push(PROFILE_FIELD_WORDS[k] ?? k)
    }
    const newLinks = links.length - current.links.length
    if (newLinks) filled.push(`${newLinks} link${newLinks > 1 ? 's' : ''}`)
    const parsed = parseDropping(ProfileInput, merged, Object.keys(offered).concat('links'), (field) => where('basics', null, field), ignored)
    const label = str(basics.name) ?? 'Profile'
    key = 'basics'
    if (!parsed.success) note('basics', label, 'skipped', zodReason(parsed.error))
    else if (!filled.length) note('basics', label, 'duplicate', kept.length ? `your profile already has its own ${kept.join(', ')}` : 'your profile already says this')
    else {
      portfolio.profile.update(parsed.data)
      // A preview says what the import would do; the import, what it did.
      const [fills, keeps] = preview ? ['fills', 'keeps'] : ['filled', 'kept']
      note('basics', label, 'added', `${fills} ${filled.join(', ')}${kept.length ? `; ${keeps} your own ${kept.join(', ')}` : ''}`)
    }
  }

  // ---------- skills and languages first, so entries below link to them rather than create them ----------
  const createSkill = (entryKey: string, section: JsonResumeSection, values: Obj) => {
    const label = String(values.name ?? '')
    if (!enter(entryKey, section, label || '(no name)')) return
    const parsed = SkillInput.safeParse(values)
    if (!parsed.success) return note(section, label || '(no name)', 'skipped', zodReason(parsed.error))
    const made = attempt(() => portfolio.skills.create(parsed.data))
    if (made.ok) note(section, label, 'added', null, made.value.id)
    else note(section, label, made.code === 'CONFLICT' ? 'duplicate' : 'skipped', made.reason)
  }
  objects(resume.skills).forEach((item, i) => {
    const x = ext(item)
    const category = (SKILL_CATEGORIES as readonly unknown[]).includes(x.category) ? (x.category as string) : null
    if (str(item.level)) ignored.push(`skills.${i}.level: a skill's level is kept on the credentials, projects and jobs that show it`)
    if (category) {
      const details = new Map(objects(x.details).map((d) => [str(d.name), d]))
      strings(item.keywords).forEach((name, k) => {
        const d = details.get(name)
        createSkill(`skills.${i}.keywords.${k}`, 'skills', { name, category, aliases: d ? strings(d.aliases) : [], description: d ? str(d.description) : null })
      })
    } else {
      // An entry with keywords is a group ("Web Development": HTML, CSS …): its keywords are the skills.
      const keywords = strings(item.keywords)
      const name = str(item.name)
      if (keywords.length) keywords.forEach((skill, k) => createSkill(`skills.${i}.keywords.${k}`, 'skills', { name: skill, category: 'other' }))
      else if (name) createSkill(`skills.${i}`, 'skills', { name, category: 'other' })
    }
  })
  objects(resume.languages).forEach((item, i) => {
    const name = str(item.language)
    if (!name) {
      key = `languages.${i}`
      return note('languages', '(no name)', 'skipped', 'it names no language')
    }
    createSkill(`languages.${i}`, 'languages', { name, category: 'language', description: str(item.fluency), aliases: strings(ext(item).aliases) })
  })

  // ---------- work ----------
  const workKey = (org: string, title: string, start: string | null) => `${nameKey(org)}|${nameKey(title)}|${start ?? ''}`
  const workSeen = new Map(before.experience.map((e) => [workKey(e.organization, e.title, e.startedOn), e.id]))
  objects(resume.work).forEach((item, i) => {
    const org = str(item.name)
    const title = str(item.position)
    const label = [title, org].filter(Boolean).join(' at ') || `Work entry ${i + 1}`
    if (!enter(`work.${i}`, 'work', label)) return
    const x = ext(item)
    const parsed = ExperienceInput.safeParse({
      organization: org ?? '',
      title: title ?? '',
      location: str(item.location),
      startedOn: importDate(item.startDate),
      endedOn: importDate(item.endDate),
      description: workDescription(item),
      skills: skillRefs(x.skills).map(({ name, level }) => ({ name, level })),
    })
    if (!parsed.success) return note('work', label, 'skipped', zodReason(parsed.error))
    const sameKey = workKey(parsed.data.organization, parsed.data.title, parsed.data.startedOn)
    const seen = workSeen.get(sameKey)
    if (seen) return note('work', label, 'duplicate', 'same organisation, job title and start date', seen)
    const made = attempt(() => portfolio.experience.create(parsed.data))
    if (!made.ok) return note('work', label, 'skipped', made.reason)
    workSeen.set(sameKey, made.value.id)
    note('work', label, 'added', null, made.value.id)
  })

  // ---------- education ----------
  // Same institution and area of study, and the same degree when both name one: LinkedIn names no area,
  // and a bachelor's and a master's at one school are two entries.
  const eduKey = (institution: string, field: string | null) => `${nameKey(institution)}|${nameKey(field ?? '')}`
  const eduSeen = before.education.map((e) => ({ key: eduKey(e.institution, e.field), degree: e.degree === null ? null : nameKey(e.degree), id: e.id }))
  const sameEducation = (institution: string, field: string | null, degree: string | null) =>
    eduSeen.find((e) => e.key === eduKey(institution, field) && (e.degree === null || degree === null || e.degree === nameKey(degree)))?.id
  objects(resume.education).forEach((item, i) => {
    const label = [str(item.studyType), str(item.area)].filter(Boolean).join(' ') + (str(item.institution) ? ` at ${str(item.institution)}` : '') || `Education entry ${i + 1}`
    if (!enter(`education.${i}`, 'education', label.trim())) return
    const parsed = EducationInput.safeParse({
      institution: str(item.institution) ?? '',
      degree: str(item.studyType),
      field: str(item.area),
      startedOn: importDate(item.startDate),
      endedOn: importDate(item.endDate),
      description: educationDescription(item),
    })
    if (!parsed.success) return note('education', label.trim(), 'skipped', zodReason(parsed.error))
    const { institution, field, degree } = parsed.data
    const seen = sameEducation(institution, field, degree)
    if (seen) return note('education', label.trim(), 'duplicate', 'same institution, degree and area of study', seen)
    const made = attempt(() => portfolio.education.create(parsed.data))
    if (!made.ok) return note('education', label.trim(), 'skipped', made.reason)
    eduSeen.push({ key: eduKey(institution, field), degree: degree === null ? null : nameKey(degree), id: made.value.id })
    note('education', label.trim(), 'added', null, made.value.id)
  })

  // ---------- certificates (and the extension's planned / in-progress credentials) ----------
  const credKey = (title: string, issuer: string | null) => `${nameKey(title)}|${nameKey(issuer ?? '')}`
  const credSeen = new Map(before.credentials.map((c) => [credKey(c.title, c.issuerName ?? c.provider), c.id]))
  /** Extension references (c1, c2 …) → the credential added or matched, for projects. */
  const credentialOf = new Map<string, string>()
  const top = ext(resume)
  let verdictsLeft = 0
  const certificates = [
    ...objects(resume.certificates).map((c, i) => ({ c, entryKey: `certificates.${i}`, at: (field?: string) => where('certificates', i, field) })),
    ...objects(top.otherCredentials).map((c, i) => ({ c, entryKey: `${EXTENSION}.otherCredentials.${i}`, at: (field?: string) => `${EXTENSION}.otherCredentials.${i}${field ? `.${field}` : ''}` })),
  ]
  for (const { c: item, entryKey, at } of certificates) {
    const x = ext(item)
    const pick = (field: string, fallback: unknown) => (Object.prototype.hasOwnProperty.call(x, field) ? x[field] : fallback)
    const label = str(item.name) ?? at()
    if (!enter(entryKey, 'certificates', label)) continue
    if (x.trust) verdictsLeft++
    const refs = skillRefs(x.skills)
    const parsed = parseDropping(
      CredentialInput,
      {
        title: str(item.name) ?? '',
        kind: pick('kind', 'certification'),
        status: pick('status', 'earned'),
        provider: pick('provider', null),
        issuerName: pick('issuerName', str(item.issuer)),
        issuerUrl: pick('issuerUrl', null),
        startedOn: pick('startedOn', null),
        earnedOn: importDate(item.date),
        expiresOn: pick('expiresOn', null),
        hours: pick('hours', null),
        cost: pick('cost', null),
        credentialCode: pick('credentialCode', null),
        verificationUrl: str(item.url),
        description: pick('description', null),
        notes: pick('notes', null),
        skills: refs.map(({ name, level, origin }) => (origin ? { name, level, origin } : { name, level })),
      },
      ['issuerUrl', 'verificationUrl', 'hours', 'cost'],
      at,
      ignored,
    )
    if (!parsed.success) {
      note('certificates', label, 'skipped', zodReason(parsed.error))
      continue
    }
    const v = parsed.data
    const sameKey = credKey(v.title, v.issuerName ?? v.provider)
    const seen = credSeen.get(sameKey)
    const ref = str(x.ref)
    if (seen) {
      if (ref) credentialOf.set(ref, seen)
      note('certificates', label, 'duplicate', 'same title and issuer', seen)
      continue
    }
    const made = attempt(() => portfolio.credentials.create(v))
    if (!made.ok) {
      note('certificates', label, 'skipped', made.reason)
      continue
    }
    const created = made.value
    // Tag skills the person had already accepted stay accepted.
    for (const r of refs.filter((r) => r.origin === 'tag' && r.decision === 'accepted')) {
      const link = created.skills.find((s) => nameKey(s.name) === nameKey(r.name))
      if (link) portfolio.credentials.tags.decide({ credentialId: created.id, skillId: link.id, decision: 'accepted' })
    }
    credSeen.set(sameKey, created.id)
    if (ref) credentialOf.set(ref, created.id)
    note('certificates', label, 'added', null, created.id)
  }
  if (verdictsLeft)
    ignored.push(`verification verdicts of ${verdictsLeft} credential${verdictsLeft > 1 ? 's' : ''}: a verdict is only as good as the check behind it, so imported credentials read as self-reported; import the original badge files to check them again`)

  // ---------- projects ----------
  const projectSeen = new Map(before.projects.map((p) => [nameKey(p.title), p.id]))
  objects(resume.projects).forEach((item, i) => {
    const x = ext(item)
    const label = str(item.name) ?? `Project ${i + 1}`
    if (!enter(`projects.${i}`, 'projects', label)) return
    const url = str(item.url)
    const links = Object.prototype.hasOwnProperty.call(x, 'links') ? x.links : url ? [{ label: null, url }] : []
    const skills = Object.prototype.hasOwnProperty.call(x, 'skills') ? skillRefs(x.skills).map(({ name, level }) => ({ name, level })) : strings(item.keywords).map((name) => ({ name, level: null }))
    const parsed = parseDropping(
      ProjectInput,
      {
        title: str(item.name) ?? '',
        role: strings(item.roles).join(', ') || null,
        summary: str(item.description),
        startedOn: importDate(item.startDate),
        endedOn: importDate(item.endDate),
        links,
        outcomes: strings(item.highlights),
        skills,
        credentialIds: strings(x.credentials).flatMap((r) => credentialOf.get(r) ?? []),
      },
      ['links'],
      (field) => where('projects', i, field),
      ignored,
    )
    if (!parsed.success) return note('projects', label, 'skipped', zodReason(parsed.error))
    const sameKey = nameKey(parsed.data.title)
    const seen = projectSeen.get(sameKey)
    if (seen) return note('projects', label, 'duplicate', 'same project name', seen)
    const made = attempt(() => portfolio.projects.create(parsed.data))
    if (!made.ok) return note('projects', label, 'skipped', made.reason)
    projectSeen.set(sameKey, made.value.id)
    note('projects', label, 'added', null, made.value.id)
  })

  for (const section of UNREAD_SECTIONS) {
    const n = objects(resume[section]).length
    if (n) ignored.push(`${section}: ${n} entr${n > 1 ? 'ies' : 'y'} (Skillfolio has no place for ${section})`)
  }
  const count = (o: ExchangeItem['outcome']) => items.filter((i) => i.outcome === o).length
  return { items, ignored, counts: { added: count('added'), duplicate: count('duplicate'), skipped: count('skipped'), leftOut: count('left-out') } }
}

export interface CareerImportOptions {
  /** How a refused field names its entry, for the person reading the report: "certificates.2" by default. */
  where?: Where
  /** What the reader of the source file already found it could not take, listed first. */
  ignored?: readonly string[]
  /** Keys of entries (ExchangeItem.key, from a preview) the person chose not to bring in. */
  leaveOut?: readonly string[]
}

/**
 * Imports `resume` (JSON Resume shaped, already checked) into the portfolio in one transaction;
 * with `apply` false the transaction is rolled back and the result is the preview.
 */
export function importCareer({ db, portfolio }: { db: Db; portfolio: Portfolio }, resume: Obj, apply: boolean, options: CareerImportOptions = {}): CareerImport {
  const where = options.where ?? jsonPath
  let result: Omit<CareerImport, 'applied'> | undefined
  try {
    db.transaction(() => {
      result = portfolio.batchIndex(() => importInto(db, portfolio, resume, where, new Set(options.leaveOut ?? []), !apply))
      if (!apply) throw new PreviewRollback()
    })()
  } catch (error) {
    if (!(error instanceof PreviewRollback)) throw error
  }
  if (!result) throw new Error('Career import produced no result')
  return { applied: apply, ...result, ignored: [...(options.ignored ?? []), ...result.ignored] }
}
