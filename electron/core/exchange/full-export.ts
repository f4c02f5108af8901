/**
 * Full export and its import: the whole portfolio as a ZIP of `portfolio.json` (export-format.ts
 * says what it holds and leaves out), the originals under `originals/<sha256>` and a README.txt.
 *
 * The import goes into an EMPTY portfolio only (merging is what the career imports do); it
 * checks everything first — the ZIP, the format and version, the schema, every entry against the
 * app's own input rules, every reference, every original's SHA-256 — and only then writes, in one
 * transaction, through the portfolio's services. Row ids are new; the links between records are
 * rebuilt from the export's references. Verification verdicts are restored as stored: they are
 * the result of past checks, not checks made now (re-verify to check again).
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { z } from 'zod'
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import type { EvidenceStore } from '../originals/store'
import type { AnalysisService } from '../analysis'
import type { ResumeService } from '../resume'
import { MAX_EVIDENCE_BYTES, sha256Of } from '../originals/store'
import { createProvenance } from '../imports/provenance'
import { readPortfolioSnapshot } from '../portfolio/snapshot'
import { toPublicId, toRowId } from '../portfolio/ids'
import { badInput, type FieldIssue } from '../../shared/errors'
import { LIMITS, MB } from '../../shared/limits'
import { CredentialInput, EducationInput, ExperienceInput, ProfileInput, ProjectInput, SkillInput } from '../../shared/schemas'
import { PlanConstraintsInput, RoleCreateInput, RoleRef, StepPatchInput, type LearningPlan } from '../../shared/analysis'
import { requiredText } from '../../shared/text-rules'
import { ResumeVariantInput } from '../../shared/resume'
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ORIGINALS_DIR,
  PORTFOLIO_JSON,
  PortfolioExport,
  READABLE_VERSIONS,
  README_TEXT,
  README_TXT,
  upgradeExport,
  type ExportCredential,
} from './export-format'

export interface FullImportResult {
  counts: { credentials: number; projects: number; skills: number; experience: number; education: number; roles: number; variants: number; plans: number; originals: number }
}

/** A checked export, ready to write (a write that still fails, on a clash no check foresaw, rolls the whole import back). */
interface CheckedExport {
  data: PortfolioExport
  originals: Map<string, Uint8Array>
}

class Refused extends Error {}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

const NOTHING = 'Nothing was imported.'

/** What the export reads and the import writes through. */
export interface ExchangeDeps {
  db: Db
  portfolio: Portfolio
  originals: EvidenceStore
  analysis: AnalysisService
  resume: ResumeService
}

/** The portfolio.json document of the portfolio (the ZIP's main entry). */
export function exportDocument({ db, analysis, resume }: Pick<ExchangeDeps, 'db' | 'analysis' | 'resume'>, version: string, now: Date): PortfolioExport {
  const snap = readPortfolioSnapshot(db)
  const provenance = createProvenance(db)
  const refOf = new Map(snap.credentials.map((c, i) => [c.id, `c${i + 1}`]))
  const roles = analysis.roles.list()
  // Item ids (cred-3, proj-1 …) → export refs, for resume variants; a choice naming a deleted item is dropped.
  const itemRef = new Map<string, string>([
    ...refOf,
    ...snap.projects.map((p, i) => [p.id, `p${i + 1}`] as const),
    ...snap.experience.map((e, i) => [e.id, `x${i + 1}`] as const),
    ...snap.education.map((e, i) => [e.id, `e${i + 1}`] as const),
    ...snap.skills.map((s, i) => [s.id, `s${i + 1}`] as const),
  ])
  const items = (ids: readonly string[]) => ids.flatMap((id) => itemRef.get(id) ?? [])
  const roleOf = (ref: string | null | undefined): PortfolioExport['variants'][number]['role'] => {
    if (!ref) return null
    if (ref.startsWith('catalog:')) return { catalog: ref.slice('catalog:'.length) }
    const at = roles.findIndex((r) => r.ref === ref)
    return at < 0 ? null : { custom: at + 1 }
  }
  const links = (skills: ReadonlyArray<{ name: string; level: PortfolioExport['experience'][number]['skills'][number]['level'] }>) =>
    skills.map((s) => ({ name: s.name, level: s.level }))
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    app: { name: 'Skillfolio', version },
    profile: (({ updatedAt: _updatedAt, ...fields }) => fields)(snap.profile),
    skills: snap.skills.map((s) => ({ name: s.name, category: s.category, aliases: s.aliases, description: s.description, taxonomyUri: s.taxonomyUri })),
    experience: snap.experience.map((e) => ({
      organization: e.organization,
      title: e.title,
      location: e.location,
      startedOn: e.startedOn,
      endedOn: e.endedOn,
      description: e.description,
      skills: links(e.skills),
      inferred: analysis.inferences(e.id).skills.flatMap(({ key, name, decision }) => (decision === 'pending' ? [] : [{ key, name, decision }])),
    })),
    education: snap.education.map(({ id: _id, ...fields }) => fields),
    credentials: snap.credentials.map((c): ExportCredential => {
      const p = provenance.read(toRowId('credential', c.id))
      return {
        ref: refOf.get(c.id)!,
        title: c.title,
        kind: c.kind,
        status: c.status,
        provider: c.provider,
        issuerName: c.issuerName,
        issuerUrl: c.issuerUrl,
        startedOn: c.startedOn,
        earnedOn: c.earnedOn,
        expiresOn: c.expiresOn,
        hours: c.hours,
        cost: c.cost,
        credentialCode: c.credentialCode,
        verificationUrl: c.verificationUrl,
        description: c.description,
        notes: c.notes,
        conflictWith: c.conflictWith ? (refOf.get(c.conflictWith.id) ?? null) : null,
        skills: c.skills.map((s) => ({ name: s.name, level: s.level, origin: s.origin ?? 'typed', tag: s.tag ?? null, decision: s.decision ?? null })),
        provenance:
          p && p.sourceFormat
            ? {
                sourceFormat: p.sourceFormat,
                sourceContainer: p.sourceContainer,
                sourceId: p.sourceId,
                issuedAt: p.issuedAt,
                contentSha256: p.contentSha256,
                issuerId: p.issuerId,
                recipientName: p.recipientName,
                recipientIdentity: p.recipientIdentity,
                recipientHashed: p.recipientHashed === 1,
                criteria: p.criteria,
                achievementType: p.achievementType,
                imageSha256: p.imageSha256,
                warnings: JSON.parse(p.warnings || '[]') as string[],
              }
            : null,
        verification: c.verification,
        originals: c.evidence.map((e) => ({ sha256: e.sha256, fileName: e.fileName, mediaType: e.mediaType, sizeBytes: e.sizeBytes })),
      }
    }),
    projects: snap.projects.map((p) => ({
      title: p.title,
      role: p.role,
      summary: p.summary,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      links: p.links,
      outcomes: p.outcomes,
      skills: links(p.skills),
      credentials: p.credentials.map((c) => refOf.get(c.id)!),
    })),
    roles: roles.map((r) => ({ title: r.title, source: r.source, catalogId: r.catalogId, description: r.description, postingText: r.postingText, skills: r.skills })),
    variants: resume.variants.list().map((v) => {
      const { roleRef, pinned, hidden, order, ...choices } = v.settings
      return { name: v.name, sentTo: v.sentTo, sentOn: v.sentOn, role: roleOf(roleRef), settings: { ...choices, pinned: items(pinned), hidden: items(hidden), order: items(order) } }
    }),
    // A plan whose custom role was deleted is no longer shown anywhere: left out.
    plans: analysis.plans.list().flatMap(({ id }) => {
      const p = analysis.plans.get(id)
      const role = roleOf(p.roleRef)
      if (!role) return []
      return [
        {
          title: p.title,
          role,
          currency: p.currency,
          budgetMinor: p.budget?.amountMinor ?? null,
          hoursPerWeek: p.hoursPerWeek,
          targetDate: p.targetDate,
          fullTime: p.fullTime,
          employer: p.employer,
          steps: p.steps.map((s) => ({
            title: s.title,
            skills: s.skills.map(({ key, name }) => ({ key, name })),
            kind: s.kind,
            reason: s.reason,
            hours: s.hours,
            costMinor: s.cost.amountMinor,
            notes: s.notes,
            doneAt: s.doneAt,
            credential: s.credential ? (refOf.get(s.credential.id) ?? null) : null,
          })),
        },
      ]
    }),
  }
}

type ExportPlan = PortfolioExport['plans'][number]

/** A plan's own values as `plans:create` and the plan store take them (a plan without a pace is checked with any valid one). */
const planConstraints = (p: ExportPlan) => ({
  budget: p.budgetMinor === null ? null : { amountMinor: p.budgetMinor, currency: p.currency },
  hoursPerWeek: p.hoursPerWeek ?? 1,
  targetDate: p.targetDate,
  fullTime: p.fullTime,
  employer: p.employer,
  currency: p.currency,
})
const PlanTitle = z.object({ title: requiredText(LIMITS.shortTextChars, 'Title is required') })
const stepValues = ({ doneAt: _doneAt, credential: _credential, ...step }: ExportPlan['steps'][number]) => step
/** An ISO timestamp, as the app stamps a step done. */
const DoneAt = z.iso.datetime({ offset: true, message: 'must be an ISO date and time, e.g. 2026-05-01T09:30:00.000Z' })
const roleRefOf = (role: ExportPlan['role'], customRefs: readonly string[]) => ('catalog' in role ? `catalog:${role.catalog}` : customRefs[role.custom - 1]!)

/**
 * The plan a plan store saves, with no steps: it carries the plan's role and settings (a computed
 * plan is the store's only way in; the steps are added as they were, afterwards).
 */
function planShell(ref: string, p: ExportPlan): LearningPlan {
  const { budget, hoursPerWeek, targetDate, fullTime, employer } = planConstraints(p)
  const none = { amountMinor: 0, currency: p.currency }
  return {
    role: { ref: ref as LearningPlan['role']['ref'], title: p.title, area: 'general', source: 'custom' },
    constraints: { budget, hoursPerWeek, targetDate, fullTime, employer, startDate: '' },
    steps: [],
    totals: { hours: 0, cost: none, plannedHours: 0, plannedCost: none, overBudgetSteps: 0 },
    completesOn: null,
    meetsTarget: null,
    notes: [],
  }
}

const ITEM_KINDS = { c: 'cred', p: 'proj', x: 'exp', e: 'edu', s: 'skill' } as const

/** A variant as the app's input takes it, its role and items named by `roleRef` and `itemId`. */
function variantValues(v: PortfolioExport['variants'][number], roleRef: (role: NonNullable<typeof v.role>) => string, itemId: (ref: string) => string) {
  const { pinned, hidden, order, ...choices } = v.settings
  return {
    name: v.name,
    sentTo: v.sentTo,
    sentOn: v.sentOn,
    settings: { ...choices, roleRef: v.role ? roleRef(v.role) : null, pinned: pinned.map(itemId), hidden: hidden.map(itemId), order: order.map(itemId) },
  }
}

/** The whole portfolio as an export ZIP. Refused in words when it would exceed LIMITS.fullExportBytes. */
export function exportZip(deps: Pick<ExchangeDeps, 'db' | 'analysis' | 'originals' | 'resume'>, version: string, now: Date): Uint8Array {
  const { originals } = deps
  const data = exportDocument(deps, version, now)
  const files: Zippable = {
    [PORTFOLIO_JSON]: strToU8(`${JSON.stringify(data, null, 2)}\n`),
    [README_TXT]: strToU8(README_TEXT),
  }
  let total = 0
  for (const c of data.credentials)
    for (const o of c.originals) {
      const name = `${ORIGINALS_DIR}${o.sha256}`
      if (files[name]) continue
      const bytes = originals.get(o.sha256)
      total += bytes.byteLength
      if (total > LIMITS.fullExportBytes) throw badInput(`The originals in this portfolio add up to more than the ${LIMITS.fullExportBytes / MB} MB an export may hold; make a backup instead (skillfolio backup).`)
      // Badges and PDFs are compressed already: stored as they are.
      files[name] = [new Uint8Array(bytes), { level: 0 }]
    }
  const zip = zipSync(files)
  if (zip.byteLength > LIMITS.fullExportBytes) throw badInput(`This export would be larger than the ${LIMITS.fullExportBytes / MB} MB an export may be; make a backup instead (skillfolio backup).`)
  return zip
}

/**
 * Whether `bytes` is a Skillfolio export (how `skillfolio import` tells one from a LinkedIn ZIP):
 * a ZIP whose directory lists portfolio.json, or, when the directory cannot be read (a truncated
 * download), whose first entry is portfolio.json, as an export writes it; then the import says
 * what is wrong with it. Reads the directory only.
 */
export function isFullExportZip(bytes: Uint8Array): boolean {
  let found = false
  try {
    unzipSync(bytes, { filter: (entry) => ((found ||= entry.name === PORTFOLIO_JSON), false) })
  } catch {
    // A local file header: the name's length at offset 26, the name at 30.
    if (bytes.length < 30 + PORTFOLIO_JSON.length || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) return false
    const length = bytes[26]! | (bytes[27]! << 8)
    return length === PORTFOLIO_JSON.length && new TextDecoder().decode(bytes.subarray(30, 30 + length)) === PORTFOLIO_JSON
  }
  return found
}

/** Unpacks and checks an export completely; BAD_INPUT in words for anything wrong. Writes nothing. */
export function checkExportZip(bytes: Uint8Array): CheckedExport {
  if (bytes.byteLength > LIMITS.fullExportBytes) throw badInput(`This file is larger than the ${LIMITS.fullExportBytes / MB} MB a Skillfolio export may be. ${NOTHING}`)
  let unpacked: Record<string, Uint8Array>
  let entries = 0
  try {
    unpacked = unzipSync(bytes, {
      filter: (entry) => {
        if (++entries > LIMITS.fullExportEntries) throw new Refused(`This ZIP holds more than ${LIMITS.fullExportEntries} files, more than a Skillfolio export does. ${NOTHING}`)
        if (entry.name === PORTFOLIO_JSON) {
          if (entry.originalSize > LIMITS.fullExportJsonBytes) throw new Refused(`${PORTFOLIO_JSON} unpacks to more than ${LIMITS.fullExportJsonBytes / MB} MB. ${NOTHING}`)
          return true
        }
        if (!entry.name.startsWith(ORIGINALS_DIR) || entry.name === ORIGINALS_DIR) return false
        if (entry.originalSize > MAX_EVIDENCE_BYTES) throw new Refused(`${entry.name} unpacks to more than ${MAX_EVIDENCE_BYTES / MB} MB, larger than any original Skillfolio keeps. ${NOTHING}`)
        return true
      },
    })
  } catch (error) {
    if (error instanceof Refused) throw badInput(error.message)
    throw badInput(`This file is not a ZIP archive that can be read (${error instanceof Error ? error.message : String(error)}): it may be truncated or damaged. ${NOTHING}`)
  }
  const json = unpacked[PORTFOLIO_JSON]
  if (!json) throw badInput(`This ZIP is not a Skillfolio export: it has no ${PORTFOLIO_JSON}. ${NOTHING}`)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json))
  } catch (error) {
    throw badInput(`${PORTFOLIO_JSON} in this export is not readable JSON (${error instanceof Error ? error.message : String(error)}). ${NOTHING}`)
  }
  const head = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  if (head.format !== EXPORT_FORMAT) throw badInput(`This is not a Skillfolio export: ${PORTFOLIO_JSON} does not say "format": "${EXPORT_FORMAT}". ${NOTHING}`)
  if (!READABLE_VERSIONS.includes(head.version as number))
    throw badInput(
      typeof head.version === 'number' && head.version > EXPORT_VERSION
        ? `This export is version ${head.version}, made by a newer Skillfolio; this one reads versions up to ${EXPORT_VERSION}. Update Skillfolio to import it. ${NOTHING}`
        : `This export's version (${JSON.stringify(head.version)}) is not one Skillfolio knows; this one reads versions 1 to ${EXPORT_VERSION}. ${NOTHING}`,
    )
  const parsed = PortfolioExport.safeParse(upgradeExport(head))
  if (!parsed.success) throw refused('does not match the Skillfolio export format', issuesOf(parsed.error))
  const data = parsed.data

  const problems: FieldIssue[] = []
  // Every entry must be one the app itself would accept.
  const check = (schema: z.ZodType, values: unknown, path: string) => {
    const r = schema.safeParse(values)
    if (!r.success) problems.push(...issuesOf(r.error, path))
  }
  check(ProfileInput, data.profile, 'profile')
  data.skills.forEach((s, i) => check(SkillInput, skillValues(s), `skills.${i}`))
  data.experience.forEach((e, i) => check(ExperienceInput, e, `experience.${i}`))
  data.education.forEach((e, i) => check(EducationInput, e, `education.${i}`))
  const refs = new Set<string>()
  data.credentials.forEach((c, i) => {
    if (refs.has(c.ref)) problems.push({ path: `credentials.${i}.ref`, message: `"${c.ref}" is used by two credentials` })
    refs.add(c.ref)
    check(CredentialInput, credentialValues(c), `credentials.${i}`)
  })
  data.roles.forEach((r, i) => check(RoleCreateInput, roleValues(r), `roles.${i}`))
  const counts: Record<string, number> = { c: data.credentials.length, p: data.projects.length, x: data.experience.length, e: data.education.length, s: data.skills.length }
  data.variants.forEach((v, i) => {
    const at = `variants.${i}`
    if (v.role && 'custom' in v.role && v.role.custom > data.roles.length) problems.push({ path: `${at}.role.custom`, message: `names role ${v.role.custom}, and this export has ${data.roles.length}` })
    for (const ref of [...v.settings.pinned, ...v.settings.hidden, ...v.settings.order])
      if (Number(ref.slice(1)) > counts[ref[0]!]!) problems.push({ path: `${at}.settings`, message: `names ${ref}, which is not in this export` })
    // Placeholder ids: only the shape is checked here; the ids are the new records' once written.
    check(ResumeVariantInput, variantValues(v, (r) => ('catalog' in r ? `catalog:${r.catalog}` : 'custom:1'), (ref) => `${ITEM_KINDS[ref[0] as keyof typeof ITEM_KINDS]}-1`), at)
  })
  data.credentials.forEach((c, i) => {
    if (c.conflictWith !== null && (!refs.has(c.conflictWith) || c.conflictWith === c.ref))
      problems.push({ path: `credentials.${i}.conflictWith`, message: `names credential "${c.conflictWith}", which is ${c.conflictWith === c.ref ? 'itself' : 'not in this export'}` })
  })
  data.plans.forEach((p, i) => {
    const at = `plans.${i}`
    check(PlanTitle, { title: p.title }, at)
    check(PlanConstraintsInput, planConstraints(p), at)
    if ('custom' in p.role && p.role.custom > data.roles.length) problems.push({ path: `${at}.role.custom`, message: `names role ${p.role.custom}, and this export has ${data.roles.length}` })
    if ('catalog' in p.role) check(RoleRef, `catalog:${p.role.catalog}`, `${at}.role.catalog`)
    p.steps.forEach((s, j) => {
      check(StepPatchInput, stepValues(s), `${at}.steps.${j}`)
      if (s.doneAt !== null) check(DoneAt, s.doneAt, `${at}.steps.${j}.doneAt`)
      if (s.credential !== null && !refs.has(s.credential)) problems.push({ path: `${at}.steps.${j}.credential`, message: `names credential "${s.credential}", which is not in this export` })
      if (s.credential !== null && s.doneAt === null) problems.push({ path: `${at}.steps.${j}.credential`, message: 'names the credential that completed a step that is not done' })
    })
  })
  data.projects.forEach((p, i) => {
    check(ProjectInput, { ...p, credentials: undefined, credentialIds: [] }, `projects.${i}`)
    p.credentials.forEach((r, j) => {
      if (!refs.has(r)) problems.push({ path: `projects.${i}.credentials.${j}`, message: `names credential "${r}", which is not in this export` })
    })
  })

  // Every original a credential names must be there, and be what its name says.
  const originals = new Map<string, Uint8Array>()
  for (const [name, file] of Object.entries(unpacked)) {
    if (name === PORTFOLIO_JSON) continue
    const sha = name.slice(ORIGINALS_DIR.length)
    if (sha256Of(file) !== sha) problems.push({ path: name, message: `its content does not match its SHA-256 name: the file was changed or damaged` })
    else originals.set(sha, file)
  }
  data.credentials.forEach((c, i) =>
    c.originals.forEach((o, j) => {
      if (!originals.has(o.sha256) && !problems.some((p) => p.path === `${ORIGINALS_DIR}${o.sha256}`))
        problems.push({ path: `credentials.${i}.originals.${j}`, message: `${ORIGINALS_DIR}${o.sha256} is missing from the ZIP` })
    }),
  )
  if (problems.length) throw refused('cannot be imported', problems)
  return { data, originals }
}

function refused(what: string, issues: FieldIssue[]) {
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`)
  return badInput(`This Skillfolio export ${what} (${plural(issues.length, 'problem')}: ${shown.join('; ')}${issues.length > shown.length ? ' …' : ''}). ${NOTHING}`, issues)
}

const issuesOf = (error: z.ZodError, prefix?: string): FieldIssue[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }))

const roleValues = ({ title, description, postingText, skills }: PortfolioExport['roles'][number]) => ({ title, description, postingText, skills })

const skillValues = (s: PortfolioExport['skills'][number]) => ({ name: s.name, category: s.category, aliases: s.aliases, description: s.description })

/** A credential's values as the app's input takes them; a badge tag is named as the badge wrote it, so it is stored as that tag again. */
function credentialValues(c: ExportCredential) {
  const { ref: _ref, provenance: _p, verification: _v, originals: _o, skills, ...fields } = c
  return { ...fields, skills: skills.map((s) => ({ name: s.origin === 'tag' && s.tag ? s.tag : s.name, level: s.level, origin: s.origin })) }
}

/** Refuses a portfolio that holds anything: an export is brought back whole, into a new portfolio. */
function assertEmpty({ portfolio, analysis, resume }: Pick<ExchangeDeps, 'portfolio' | 'analysis' | 'resume'>): void {
  const counts = portfolio.counts()
  const roles = analysis.roles.list().length
  const variants = resume.variants.list().length
  const plans = analysis.plans.list().length
  const held = [
    counts.credentials && plural(counts.credentials, 'credential'),
    counts.projects && plural(counts.projects, 'project'),
    counts.skills && plural(counts.skills, 'skill'),
    counts.experience && plural(counts.experience, 'work entry', 'work entries'),
    counts.education && plural(counts.education, 'education entry', 'education entries'),
    roles && plural(roles, 'target role'),
    variants && plural(variants, 'saved resume'),
    plans && plural(plans, 'learning plan'),
  ].filter(Boolean)
  if (held.length)
    throw badInput(
      `This portfolio already has ${held[0]}${held.length > 1 ? ` (and ${held.slice(1).join(', ')})` : ''}; import an export into a new, empty portfolio (skillfolio --db new.sqlite import …). ${NOTHING}`,
    )
}

/**
 * Imports an export ZIP into this (empty) portfolio, all or nothing. Lists are written in reverse,
 * so a portfolio sorted by "most recent" shows them in the export's order again.
 */
export function importZip({ db, portfolio, originals, analysis, resume }: ExchangeDeps, bytes: Uint8Array): FullImportResult {
  const { data, originals: files } = checkExportZip(bytes)
  assertEmpty({ portfolio, analysis, resume })
  const provenance = createProvenance(db)
  const reversed = <T>(list: readonly T[]) => [...list].reverse()
  db.transaction(() =>
    portfolio.batchIndex(() => {
      if (Object.values(data.profile).some((v) => v !== null && !(Array.isArray(v) && !v.length))) portfolio.profile.update(ProfileInput.parse(data.profile))
      // New ids by export ref (s1, x1, e1, p1, c1), for the variants.
      const idOf = new Map<string, string>()
      data.skills.forEach((s, i) => idOf.set(`s${i + 1}`, portfolio.skills.create(SkillInput.parse(skillValues(s))).id))
      const n = (list: readonly unknown[], i: number) => list.length - i
      reversed(data.education).forEach((e, i) => idOf.set(`e${n(data.education, i)}`, portfolio.education.create(EducationInput.parse(e)).id))
      reversed(data.experience).forEach((e, i) => idOf.set(`x${n(data.experience, i)}`, portfolio.experience.create(ExperienceInput.parse(e)).id))
      const rowOf = new Map<string, number>()
      for (const c of reversed(data.credentials)) {
        const p = c.provenance
        const id = portfolio.credentials.insert(
          CredentialInput.parse(credentialValues(c)),
          p ? { ...p, recipientHashed: p.recipientHashed ? 1 : 0, warnings: JSON.stringify(p.warnings), batchId: null } : undefined,
        )
        rowOf.set(c.ref, id)
        idOf.set(c.ref, toPublicId('credential', id))
        // As stored: `fresh` keeps the exported status rather than deriving it again.
        provenance.saveVerification(id, c.verification, true)
        for (const o of c.originals) {
          originals.put(files.get(o.sha256)!, o.fileName, o.mediaType, o.sha256)
          originals.attach(id, o.sha256)
        }
        const accepted = c.skills.filter((s) => s.origin === 'tag' && s.decision === 'accepted')
        for (const s of accepted) {
          const [link] = portfolio.skills.resolve([{ name: s.name, level: null }])
          portfolio.credentials.tags.decide({ credentialId: toPublicId('credential', id), skillId: toPublicId('skill', link!.skillId), decision: 'accepted' })
        }
      }
      // A conflict is one link between two copies: a pair naming each other is written once.
      data.credentials.forEach((c, i) => {
        const other = c.conflictWith === null ? -1 : data.credentials.findIndex((o) => o.ref === c.conflictWith)
        if (other < 0 || (data.credentials[other]!.conflictWith === c.ref && i < other)) return
        provenance.markConflict(rowOf.get(c.ref)!, rowOf.get(data.credentials[other]!.ref)!)
      })
      reversed(data.projects).forEach((p, i) => {
        const values = ProjectInput.parse({ ...p, credentials: undefined, credentialIds: p.credentials.map((r) => toPublicId('credential', rowOf.get(r)!)) })
        idOf.set(`p${n(data.projects, i)}`, portfolio.projects.create(values).id)
      })
      const roleRefs = data.roles.map((r) => analysis.roles.create({ ...RoleCreateInput.parse(roleValues(r)), source: r.source, catalogId: r.catalogId }).ref)
      for (const v of reversed(data.variants))
        resume.variants.create(ResumeVariantInput.parse(variantValues(v, (r) => roleRefOf(r, roleRefs), (ref) => idOf.get(ref)!)))
      for (const p of reversed(data.plans)) {
        const saved = analysis.plans.save(planShell(roleRefOf(p.role, roleRefs), p), PlanTitle.parse({ title: p.title }).title)
        if (p.hoursPerWeek === null) analysis.plans.update(saved.id, { hoursPerWeek: null })
        for (const s of p.steps) {
          const step = StepPatchInput.parse(stepValues(s))
          const added = analysis.plans.addStep(saved.id, { ...step, title: s.title, kind: step.kind ?? s.kind }).steps.at(-1)!
          if (s.doneAt) analysis.plans.markDone(added.id, { doneAt: s.doneAt, credentialId: s.credential ? idOf.get(s.credential)! : null })
        }
      }
      // Last, with every record in place: decisions about skills a work entry's title infers, for
      // the skills it still infers (the catalog of this Skillfolio may infer others).
      data.experience.forEach((e, i) => {
        if (!e.inferred.length) return
        const id = idOf.get(`x${i + 1}`)!
        const inferred = new Set(analysis.inferences(id).skills.map((s) => s.key))
        for (const d of e.inferred) if (inferred.has(d.key)) analysis.decideInference(id, d.key, d.decision)
      })
    }),
  )()
  return {
    counts: {
      credentials: data.credentials.length,
      projects: data.projects.length,
      skills: data.skills.length,
      experience: data.experience.length,
      education: data.education.length,
      roles: data.roles.length,
      variants: data.variants.length,
      plans: data.plans.length,
      originals: new Set(data.credentials.flatMap((c) => c.originals.map((o) => o.sha256))).size,
    },
  }
}
