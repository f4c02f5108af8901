/**
 * Full export (exchange:exportAll) and its import into an empty portfolio (exchange:importAll):
 * the demo portfolio plus real signed badges with their originals, a reviewed badge tag, two
 * copies kept as a conflict, decisions on inferred skills and edited learning plans goes out,
 * comes back into a new portfolio and goes out again unchanged; a version 1 export still imports;
 * damaged, foreign or newer exports and a portfolio that already holds records are refused in
 * words, with nothing written.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PortfolioExport } from '../../../electron/core/exchange/export-format'
import { dropFiles, assertion } from '../../helpers/badges'
import { readPortfolio } from '../../helpers/read-portfolio'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { OWN_FIXTURES } from '../verify/helpers'
import { achievementCredential, signDataIntegrity, testKey } from '../../fixtures/verify/sign'

const SIGNED = ['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2018.json', 'vc-jwt-eddsa.jwt', 'ob3-expired.json']
const options = { resourcesDir: join(process.cwd(), 'resources'), verifyWorkers: false as const }

let source: TempPortfolio
let target: TempPortfolio
beforeEach(() => {
  source = tempPortfolio(options)
  target = tempPortfolio(options)
})
afterEach(() => {
  source.cleanup()
  target.cleanup()
})

/**
 * Demo records, signed files and a badge PNG with their originals, a badge with tags (one
 * accepted), a credential kept beside a worse copy as a conflict, a custom role and saved resumes,
 * decisions on skills a work title infers, and two learning plans, edited and partly done.
 */
async function fill(p: TempPortfolio): Promise<void> {
  await p.core.call('app:loadDemo', {})
  const png = dropFiles().find((f) => f.name === 'cloud-security.png')!
  const tagged = assertion(9, 'Team badge', { skills: ['Requirements Analysis'] }) as { badge: Record<string, unknown> }
  tagged.badge.tags = ['k8s', 'Teamwork']
  const sources = [
    ...SIGNED.map((name) => ({ name, bytes: readFileSync(join(OWN_FIXTURES, name)) })),
    { name: png.name, bytes: png.bytes },
    { name: 'team.json', bytes: Buffer.from(JSON.stringify(tagged)) },
  ]
  const { batchId } = await p.core.call('import:start', { sources: sources.map((s) => ({ name: s.name, base64: s.bytes.toString('base64') })) })
  await p.core.idle()
  const report = await p.core.call('import:status', { batchId })
  expect(report.items.every((i) => i.outcome === 'imported')).toBe(true)
  const team = report.items.at(-1)!.credentialId!
  const tags = await p.core.call('tags:pending', {})
  const group = tags.groups.find((g) => g.credentialId === team)!
  await p.core.call('tags:decide', { credentialId: team, skillId: group.tags[0]!.skillId, decision: 'accepted' })
  const role = await p.core.call('roles:create', { title: 'Data Engineer (mine)', description: 'What I aim for', skills: [{ name: 'Airflow', weight: 1, essential: true }, { name: 'SQL', weight: 0.5, essential: false }] })
  const credentials = (await p.core.call('credentials:list', {})).items
  const projects = (await p.core.call('projects:list', {})).items
  await p.core.call('resumes:create', {
    name: 'Acme data team',
    sentTo: 'Acme Corp, via LinkedIn',
    sentOn: '2026-10-01',
    settings: { roleRef: role.ref, template: 'two-column', pinned: [credentials.at(-1)!.id, team], hidden: [projects[0]!.id], order: [] },
  })
  await p.core.call('resumes:create', { name: 'General', settings: { roleRef: 'catalog:data-analyst' } })

  // Two copies of one credential: the re-dated one fails its signature and is kept beside the good one.
  const key = await testKey()
  const signed = await signDataIntegrity(achievementCredential(key, { n: 41, name: 'Cloud Data Engineering' }), key)
  for (const copy of [signed, { ...structuredClone(signed), validFrom: '2025-06-01T00:00:00Z' }]) {
    const batch = await p.core.call('import:start', { sources: [{ name: 'copy.json', base64: Buffer.from(JSON.stringify(copy)).toString('base64') }] })
    await p.core.call('import:status', { batchId: batch.batchId, waitMs: 20_000 })
  }
  expect((await p.core.call('credentials:list', {})).items.filter((c) => c.title === 'Cloud Data Engineering')).toHaveLength(2)

  // The person's word on skills a work title infers: one confirmed, one rejected.
  let decided = 0
  for (const e of await p.core.call('experience:list', {})) {
    const skills = (await p.core.call('evidence:inferences', { experienceId: e.id })).skills
    if (skills.length < 2 || decided) continue
    await p.core.call('evidence:decide', { experienceId: e.id, skillKey: skills[0]!.key, decision: 'confirmed' })
    await p.core.call('evidence:decide', { experienceId: e.id, skillKey: skills[1]!.key, decision: 'rejected' })
    decided++
  }
  expect(decided).toBe(1)

  // Plans: one for the custom role with a budget in euros, one for a catalog role; steps edited, reordered, done.
  await p.core.call('plans:create', { ref: role.ref, constraints: { hoursPerWeek: 6, budget: { amountMinor: 50_000, currency: 'EUR' }, targetDate: '2027-06-30', employer: 'Acme' }, title: 'Data engineer by summer' })
  const plan = await p.core.call('plans:create', { ref: 'catalog:data-analyst', constraints: { hoursPerWeek: 8, budget: null } })
  expect(plan.steps.length).toBeGreaterThanOrEqual(3)
  const [a, b, c] = plan.steps
  await p.core.call('plans:updateStep', { stepId: b!.id, patch: { title: 'SQL window functions, my way', notes: 'Evenings only\nvia the library', hours: 12, costMinor: 0 } })
  await p.core.call('plans:reorder', { planId: plan.id, stepIds: [c!.id, a!.id, b!.id, ...plan.steps.slice(3).map((s) => s.id)] })
  await p.core.call('plans:markDone', { stepId: a!.id, credentialId: team })
  await p.core.call('plans:markDone', { stepId: c!.id })
}

/** Every saved plan with its steps and progress, and every work entry's decided inferences, as a person sees them. */
async function plansAndInferences(p: TempPortfolio) {
  const plans = await Promise.all((await p.core.call('plans:list', {})).map(({ id }) => p.core.call('plans:get', { id })))
  const inferred = await Promise.all((await p.core.call('experience:list', {})).map(async (e) => (await p.core.call('evidence:inferences', { experienceId: e.id })).skills))
  return seen({ plans, inferred })
}

const exportAll = async (p: TempPortfolio) => Buffer.from((await p.core.call('exchange:exportAll', {})).zipBase64, 'base64')
const documentOf = (zip: Uint8Array) => {
  const doc = JSON.parse(strFromU8(unzipSync(zip)['portfolio.json']!)) as Record<string, unknown>
  delete doc.exportedAt
  return doc
}
const originalsOf = (zip: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(zip)).filter(([name]) => name.startsWith('originals/')))

/** What a person sees, without row ids and timestamps (a restored portfolio's records are new). */
function seen(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(seen)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !['id', 'createdAt', 'updatedAt', 'credentialId', 'skillId', 'checkedAt'].includes(k))
      .map(([k, v]) => [k, seen(v)]),
  )
}

const refusal = async (p: TempPortfolio, zip: Uint8Array) => {
  const r = await p.core.dispatch('exchange:importAll', { zipBase64: Buffer.from(zip).toString('base64') })
  if (r.ok) throw new Error('the import was not refused')
  return r.error.message
}
const empty = async (p: TempPortfolio) => {
  const [c, pr, s, e, ed] = await Promise.all([
    p.core.call('credentials:list', {}),
    p.core.call('projects:list', {}),
    p.core.call('skills:list', {}),
    p.core.call('experience:list', {}),
    p.core.call('education:list', {}),
  ])
  return c.total + pr.total + s.total + e.length + ed.length === 0
}

describe('full export', () => {
  it('export → import into an empty portfolio → export gives the same portfolio.json, the same originals and the same records', async () => {
    await fill(source)
    const first = await exportAll(source)
    const files = unzipSync(first)
    expect(Object.keys(files)).toContain('README.txt')
    const doc = PortfolioExport.parse(JSON.parse(strFromU8(files['portfolio.json']!)))
    expect(doc).toMatchObject({ format: 'skillfolio-export', version: 2 })

    // Every original of every credential is in the ZIP, byte for byte.
    const before = await readPortfolio(source.core.call)
    const evidence = before.credentials.flatMap((c) => c.evidence)
    expect(evidence.length).toBeGreaterThanOrEqual(SIGNED.length + 2)
    for (const e of evidence) expect(Buffer.from(files[`originals/${e.sha256}`]!).equals(source.core.evidence.get(e.sha256))).toBe(true)
    // Verdicts, provenance, tags and links go out as stored.
    const expired = doc.credentials.find((c) => c.verification?.validity.verdict === 'expired')
    expect(expired?.status).toBe('expired')
    expect(doc.credentials.some((c) => c.provenance?.sourceFormat && c.verification?.signature.verdict === 'valid')).toBe(true)
    expect(doc.credentials.flatMap((c) => c.skills).some((s) => s.origin === 'tag' && s.decision === 'accepted')).toBe(true)
    expect(doc.projects.some((pr) => pr.credentials.length > 0)).toBe(true)
    expect(doc.roles.map((r) => r.title)).toContain('Data Engineer (mine)')
    const copies = doc.credentials.filter((c) => c.title === 'Cloud Data Engineering')
    expect(copies.map((c) => c.conflictWith).sort()).toEqual(copies.map((c) => c.ref).sort())
    expect(doc.experience.flatMap((e) => e.inferred.map((i) => i.decision)).sort()).toEqual(['confirmed', 'rejected'])
    expect(doc.plans.map((pl) => pl.title)).toEqual(['Plan for Data Analyst', 'Data engineer by summer'])
    expect(doc.plans[1]).toMatchObject({ role: { custom: 1 }, currency: 'EUR', budgetMinor: 50_000, targetDate: '2027-06-30', employer: 'Acme', hoursPerWeek: 6 })
    const steps = doc.plans[0]!.steps
    expect(steps[1]).toMatchObject({ doneAt: '2026-11-28T12:00:00.000Z', credential: expect.stringMatching(/^c\d+$/) })
    expect(steps[0]).toMatchObject({ doneAt: '2026-11-28T12:00:00.000Z', credential: null })
    expect(steps[2]).toMatchObject({ title: 'SQL window functions, my way', notes: 'Evenings only\nvia the library', hours: 12, costMinor: 0, doneAt: null })
    expect(doc.credentials.find((c) => c.ref === steps[1]!.credential)?.title).toBe('Team badge')

    const result = await target.core.call('exchange:importAll', { zipBase64: first.toString('base64') })
    expect(result.counts).toMatchObject({ credentials: doc.credentials.length, projects: doc.projects.length, skills: doc.skills.length, plans: 2 })

    const second = await exportAll(target)
    expect(documentOf(second)).toEqual(documentOf(first))
    expect(originalsOf(second)).toEqual(originalsOf(first))

    const after = await readPortfolio(target.core.call)
    for (const table of ['profile', 'credentials', 'projects', 'skills', 'experience', 'education'] as const) expect(seen(after[table]), table).toEqual(seen(before[table]))
    for (const e of evidence) expect(target.core.evidence.get(e.sha256).equals(source.core.evidence.get(e.sha256))).toBe(true)
    // Plans come back with their steps in order, edited, done on the same day, linked to the new copy of the credential; decisions too.
    expect(await plansAndInferences(target)).toEqual(await plansAndInferences(source))
    const roles = async (p: TempPortfolio) => seen((await p.core.call('roles:list', {})).filter((r) => r.source !== 'catalog'))
    expect(await roles(target)).toEqual(await roles(source))
    // Saved resumes point at the new records: the same titles, the new role.
    const variantOf = async (p: TempPortfolio) => {
      const v = (await p.core.call('resumes:list', {})).find((r) => r.name === 'Acme data team')!
      const title = async (id: string) => (id.startsWith('cred-') ? (await p.core.call('credentials:get', { id })).title : (await p.core.call('projects:get', { id })).title)
      return { role: v.roleTitle, pinned: await Promise.all(v.settings.pinned.map(title)), hidden: await Promise.all(v.settings.hidden.map(title)), sentTo: v.sentTo, template: v.settings.template }
    }
    const variant = await variantOf(target)
    expect(variant).toEqual(await variantOf(source))
    expect(variant).toMatchObject({ role: 'Data Engineer (mine)', sentTo: 'Acme Corp, via LinkedIn', template: 'two-column' })
    expect(variant.pinned).toHaveLength(2)
    expect((await target.core.call('resumes:list', {})).map((v) => v.name)).toEqual((await source.core.call('resumes:list', {})).map((v) => v.name))
  })

  it('imports a version 1 export (made before plans were exported): what it lacks stays empty', async () => {
    await fill(source)
    const files = unzipSync(await exportAll(source))
    const doc = JSON.parse(strFromU8(files['portfolio.json']!)) as PortfolioExport
    const v1 = {
      ...doc,
      version: 1,
      plans: undefined,
      experience: doc.experience.map(({ inferred: _inferred, ...e }) => e),
      credentials: doc.credentials.map(({ conflictWith: _conflict, ...c }) => c),
    }
    const result = await target.core.call('exchange:importAll', { zipBase64: Buffer.from(zipSync({ ...files, 'portfolio.json': strToU8(JSON.stringify(v1)) })).toString('base64') })
    expect(result.counts).toMatchObject({ credentials: doc.credentials.length, plans: 0 })
    const again = PortfolioExport.parse(JSON.parse(strFromU8(unzipSync(await exportAll(target))['portfolio.json']!)))
    expect(again.plans).toEqual([])
    expect(again.credentials.every((c) => c.conflictWith === null)).toBe(true)
    expect(again.credentials.map((c) => c.title)).toEqual(doc.credentials.map((c) => c.title))
  })

  it('refuses plans that name a role, a credential or a date that is not there, naming each', async () => {
    await fill(source)
    const files = unzipSync(await exportAll(source))
    const doc = JSON.parse(strFromU8(files['portfolio.json']!)) as PortfolioExport
    const [first, second] = doc.plans as [PortfolioExport['plans'][number], PortfolioExport['plans'][number]]
    const broken = {
      ...doc,
      plans: [
        { ...first, steps: [{ ...first.steps[0]!, credential: 'c999', doneAt: 'yesterday' }, { ...first.steps[1]!, hours: -3 }] },
        { ...second, role: { custom: 7 }, title: '  ' },
      ],
    }
    const message = await refusal(target, zipSync({ ...files, 'portfolio.json': strToU8(JSON.stringify(broken)) }))
    expect(message).toMatch(/plans\.0\.steps\.0\.doneAt: must be an ISO date and time/)
    expect(message).toContain('plans.0.steps.0.credential: names credential "c999", which is not in this export')
    expect(message).toMatch(/plans\.0\.steps\.1\.hours: cannot be negative/)
    expect(message).toContain('plans.1.role.custom: names role 7, and this export has 1')
    expect(message).toMatch(/5 problems/)
    expect(await empty(target)).toBe(true)
    expect(await target.core.call('plans:list', {})).toEqual([])
  })

  it('refuses a tampered original, naming it, and writes nothing', async () => {
    await fill(source)
    const files = unzipSync(await exportAll(source))
    const name = Object.keys(files).find((n) => n.startsWith('originals/'))!
    files[name] = Uint8Array.from(files[name]!, (b, i) => (i === 10 ? b ^ 1 : b))
    const message = await refusal(target, zipSync(files))
    expect(message).toContain(name)
    expect(message).toMatch(/does not match its SHA-256/)
    expect(message).toMatch(/Nothing was imported/)
    expect(await empty(target)).toBe(true)
  })

  it('refuses a truncated ZIP, a missing original, another format and a newer version in words', async () => {
    await fill(source)
    const zip = await exportAll(source)
    expect(await refusal(target, zip.subarray(0, Math.floor(zip.length / 2)))).toMatch(/not a ZIP archive that can be read.*truncated or damaged/)

    const files = unzipSync(zip)
    const missing = Object.keys(files).find((n) => n.startsWith('originals/'))!
    const withoutOne = { ...files }
    delete withoutOne[missing]
    expect(await refusal(target, zipSync(withoutOne))).toContain(`${missing} is missing from the ZIP`)

    const doc = JSON.parse(strFromU8(files['portfolio.json']!)) as Record<string, unknown>
    const withDoc = (d: unknown) => zipSync({ ...files, 'portfolio.json': strToU8(JSON.stringify(d)) })
    expect(await refusal(target, withDoc({ ...doc, format: 'something-else' }))).toMatch(/not a Skillfolio export/)
    expect(await refusal(target, withDoc({ ...doc, version: 3 }))).toMatch(/version 3, made by a newer Skillfolio; this one reads versions up to 2/)
    expect(await refusal(target, withDoc({ ...doc, credentials: [{ ...(doc.credentials as object[])[0], kind: 'diploma' }] }))).toMatch(/credentials\.0\.kind/)
    expect(await refusal(target, zipSync({ 'notes.txt': strToU8('hello') }))).toMatch(/has no portfolio\.json/)
    const variant = (doc.variants as Array<{ settings: object }>)[0]!
    expect(await refusal(target, withDoc({ ...doc, variants: [{ ...variant, settings: { ...variant.settings, pinned: ['c999'] } }] }))).toMatch(/names c999, which is not in this export/)
    expect(await empty(target)).toBe(true)
  })

  it('refuses a portfolio that already holds records, and leaves it as it was', async () => {
    await fill(source)
    const zip = await exportAll(source)
    await target.core.call('app:loadDemo', {})
    const before = await readPortfolio(target.core.call)
    const message = await refusal(target, zip)
    expect(message).toMatch(new RegExp(`^This portfolio already has ${before.credentials.length} credentials( \\(and [^)]*\\))?; import an export`))
    expect(message).toContain('import an export into a new, empty portfolio (skillfolio --db new.sqlite import …)')
    expect(await readPortfolio(target.core.call)).toEqual(before)
  })

  it('exports an empty portfolio, and that export imports', async () => {
    const zip = await exportAll(source)
    expect(documentOf(zip)).toMatchObject({ credentials: [], projects: [], skills: [], plans: [] })
    expect((await target.core.call('exchange:importAll', { zipBase64: zip.toString('base64') })).counts.credentials).toBe(0)
  })
})
