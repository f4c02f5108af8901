/** `skillfolio roles | gap | fit | plan | taxonomy` (issue 4), in-process on a temp portfolio with the demo. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempPortfolio, type TempPortfolio } from './harness'
import { testLog } from '../helpers/core-log'

let p: TempPortfolio
beforeAll(async () => {
  p = tempPortfolio()
  expect((await p.run('demo')).code).toBe(0)
})
afterAll(() => p.cleanup())

interface Gap {
  role: { ref: string; title: string }
  coveragePercent: number
  skills: { name: string; essential: boolean; depth: string; explanation: string }[]
}

describe('roles', () => {
  it('lists every role, and searches titles', async () => {
    const all = await p.run('roles')
    expect(all.code).toBe(0)
    expect(all.stdout).toMatch(/catalog:data-analyst\s+Data Analyst/)
    const found = await p.run('roles', '--search', 'devops', '--json')
    expect(found.code).toBe(0)
    const roles = found.json<{ title: string; alternateTitles: string[] }[]>()
    expect(roles.length).toBeGreaterThan(0)
    for (const r of roles) expect([r.title, ...r.alternateTitles].join(' ').toLowerCase()).toContain('devops')
  })
})

describe('gap', () => {
  it('analyses a role by title (any case) and by ref, with the same answer', async () => {
    const byTitle = await p.run('gap', '--role', 'data analyst', '--json')
    expect(byTitle.code).toBe(0)
    const byRef = await p.run('gap', '--role', 'catalog:data-analyst', '--json')
    expect(byRef.json<Gap>()).toEqual(byTitle.json<Gap>())
    const gap = byTitle.json<Gap>()
    expect(gap.role.ref).toBe('catalog:data-analyst')
    expect(gap.coveragePercent).toBeGreaterThan(0)
  })

  it('prints the fit as the headline, its explanation and parts, then core and transversal skills', async () => {
    const r = await p.run('gap', '--role', 'Data Analyst')
    expect(r.code).toBe(0)
    const gap = (await p.run('gap', '--role', 'Data Analyst', '--json')).json<Gap & { fitPercent: number; missingEssentials: string[]; transversal: { total: number; covered: number } }>()
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe(`Fit ${gap.fitPercent.toFixed(1)}% — Data Analyst (catalog:data-analyst)`)
    expect(lines[1]).toMatch(/^Fit is the share of the role's skill weight your evidence covers \(70%\)/)
    const parts = lines.find((l) => l.startsWith('Parts: '))
    expect(parts).toMatch(/^Parts: coverage \d+\.\d%; essentials \d+\.\d% \(\d+ of \d+ with evidence\); \d+ proven, \d+ practised, \d+ learned,/)
    expect(lines.filter((l) => /^Fit \d/.test(l))).toHaveLength(1)
    expect(r.stdout).toMatch(/Skill\s+Need\s+Weight\s+Depth\s+Evidence/)
    const header = lines.findIndex((l) => l.startsWith('Skill '))
    // the role's core skills first: missing essentials, then missing optional skills, by weight
    expect(lines[header + 1]).toMatch(gap.missingEssentials.length ? /essential\s+\d\.\d\d\s+None/ : /\d\.\d\d\s+None/)
    const transversal = lines.findIndex((l) => l.startsWith('Transversal skills'))
    expect(lines[transversal]).toBe(`Transversal skills (${gap.transversal.covered} of ${gap.transversal.total} with evidence)`)
    expect(lines[transversal + 1]).toMatch(/^Skill\s+Need\s+Weight\s+Depth\s+Evidence/)
    expect(r.stdout).toMatch(/\n(Data analysis|SQL)\s+essential\s+1\.00\s+Practised\s+practised /)
    // depth is learned, practised or proven: never "applied" (titles such as "Applied Statistics" aside)
    expect(r.stdout).not.toMatch(/\bapplied\b/)
    // skill lists show names a person knows, never catalog keys like "data-cleaning"
    const listed = lines.filter((l) => /^(Missing essentials|Learned but never practised)/.test(l)).join('\n')
    expect(listed).not.toMatch(/[a-z]+-[a-z]+|user:skill/)
  })

  it('names the skills learned but never practised', async () => {
    const r = await p.run('gap', '--role', 'Data Engineer')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/\nLearned but never practised: .*Google BigQuery/)
    expect(r.stdout).not.toMatch(/\bapplied\b/)
  })

  it('analyses a posting file without saving a role', async () => {
    const file = join(p.dir, 'posting.txt')
    writeFileSync(file, 'Junior Data Analyst\n\nRequirements\n- SQL and Python\n- Tableau or Power BI dashboards\n- Excel pivot tables\n\nAbout us\nWe are a friendly company.\n')
    const before = p.hash()
    const r = await p.run('gap', '--posting', file, '--json')
    expect(r.code).toBe(0)
    const out = r.json<{ posting: { skills: { name: string }[] }; gap: Gap }>()
    expect(out.posting.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['SQL', 'Python', 'Tableau']))
    expect(out.gap.role.title).toBe('Junior Data Analyst')
    expect(p.hash()).toBe(before)
    const roles = await p.run('roles', '--json')
    expect(roles.json<{ source: string }[]>().every((x) => x.source === 'catalog')).toBe(true)
    const text = await p.run('gap', '--posting', file)
    expect(text.stdout).toMatch(/Skills found in the posting \(\d+\): .*SQL/)
    expect(text.stdout).toMatch(/\n\nFit \d+\.\d% — Junior Data Analyst\n/)
    const detailed = await p.run('gap', '--posting', file, '--evidence')
    expect(detailed.stdout).toMatch(/\n {6}project +proj-\d+ +.* · gives practised/)
  })
})

describe('fit', () => {
  it('ranks the top 3 roles, best first', async () => {
    const r = await p.run('fit', '--top', '3', '--json')
    expect(r.code).toBe(0)
    const fits = r.json<{ fitPercent: number; ref: string }[]>()
    expect(fits).toHaveLength(3)
    expect(fits[0]!.fitPercent).toBeGreaterThanOrEqual(fits[1]!.fitPercent)
    expect(fits[1]!.fitPercent).toBeGreaterThanOrEqual(fits[2]!.fitPercent)
    const text = await p.run('fit', '--top', '3')
    const [header, ...rows] = text.stdout.trim().split('\n')
    expect(header).toMatch(/^#\s+Fit\s+Coverage\s+Essentials\s+Skills/)
    expect(rows).toHaveLength(3)
    rows.forEach((row, i) => expect(row).toMatch(new RegExp(`^${i + 1}\\s+${fits[i]!.fitPercent.toFixed(1)}%.*${fits[i]!.ref}$`)))
  })
})

describe('plan', () => {
  type Money = { amountMinor: number; currency: string }
  type Plan = {
    steps: { title: string; kind: string; cost: Money; originalCost: Money | null; certificate: boolean; offer: { id: string; title: string; url: string } | null; skills: { area: string }[] }[]
    totals: { hours: number; cost: Money; plannedCost: Money; overBudgetSteps: number }
    notes: string[]
  }
  const shipped = JSON.parse(readFileSync(join(__dirname, '../../resources/credentials/catalog.json'), 'utf8')) as { credentials: { id: string; title: string; url: string }[] }
  const byId = new Map(shipped.credentials.map((c) => [c.id, c]))

  it('names real programs from the catalog with their prices, within the budget', async () => {
    const roomy = await p.run('plan', '--role', 'Data Scientist', '--budget', '500 USD', '--hours-per-week', '10', '--json')
    expect(roomy.code).toBe(0)
    const plan = roomy.json<Plan>()
    const offered = plan.steps.filter((s) => s.offer)
    expect(offered.length).toBeGreaterThan(1)
    for (const s of offered) expect([s.title, s.offer!.url]).toEqual([byId.get(s.offer!.id)!.title, byId.get(s.offer!.id)!.url])
    expect(offered.some((s) => s.cost.amountMinor > 0)).toBe(true)
    expect(plan.totals.cost.amountMinor).toBeLessThanOrEqual(50_000)
    expect(plan.totals.overBudgetSteps).toBe(0)
    for (const s of plan.steps) {
      expect(new Set(s.skills.map((k) => k.area)).size).toBe(1)
      if (s.kind === 'self-study') expect([s.certificate, s.title]).toEqual([false, expect.not.stringMatching(/certificate/i)])
    }

    // A budget of US$50 leaves out the paid specialization: a free program or self-study takes its place.
    const tight = (await p.run('plan', '--role', 'Data Scientist', '--budget', '50 USD', '--hours-per-week', '10', '--json')).json<Plan>()
    const paid = offered.find((s) => s.cost.amountMinor > 5_000)!
    expect(paid).toBeDefined()
    expect(tight.totals.cost.amountMinor).toBeLessThanOrEqual(5_000)
    expect(tight.steps.map((s) => s.offer?.id)).not.toContain(paid.offer!.id)
    expect(tight.steps.flatMap((s) => s.skills).length).toBe(plan.steps.flatMap((s) => s.skills).length)

    const text = await p.run('plan', '--role', 'Data Scientist', '--budget', '300 GBP', '--hours-per-week', '10', '--target-date', '2030-12-31')
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^Learning plan for Data Scientist \(catalog:data-scientist\)\nBudget £300\.00\s+10 h\/week/)
    expect(text.stdout).toMatch(/#\s+Step\s+By\s+Type\s+Hours\s+Cost \(estimate\)\s+Done by/)
    // Real titles and prices: a Kaggle course for free, a Coursera specialization in pounds with its dollar price alongside.
    expect(text.stdout).toMatch(/Kaggle Learn: Intro to Machine Learning\s+Kaggle\s+course\s+3\s+Free/)
    expect(text.stdout).toMatch(/Mathematics for Machine Learning and Data Science Specializ…\s+DeepLearning\.AI \(Coursera\)\s+course\s+65\s+≈ £78 \(US\$98\)/)
    expect(text.stdout).toMatch(/self-study\s+\d+\s+Free/)
    expect(text.stdout).toContain('https://www.kaggle.com/learn/intro-to-machine-learning')
    expect(text.stdout).toMatch(/Prices are estimates from the providers' public list prices as of 2026-11, converted to GBP with\nexchange rates as of 2026-11-01/)
    expect(text.stdout).not.toContain('Platform certificate')
    expect(text.stdout).toMatch(/Completes on \d{4}-\d{2}-\d{2}, before the target date/)

    // --currency shows prices in another currency without a budget.
    const eur = (await p.run('plan', '--role', 'Data Scientist', '--currency', 'eur', '--hours-per-week', '10', '--json')).json<Plan>()
    expect(eur.totals.cost.currency).toBe('EUR')
    expect(eur.steps.filter((s) => s.cost.amountMinor > 0).every((s) => s.originalCost?.currency === 'USD')).toBe(true)
  })

  it('saves a plan with --save', async () => {
    const r = await p.run('plan', '--role', 'catalog:data-analyst', '--hours-per-week', '10', '--save', '--json')
    expect(r.code).toBe(0)
    const { saved } = r.json<{ saved: { id: number; steps: unknown[] } }>()
    expect(saved.id).toBeGreaterThan(0)
    expect(saved.steps.length).toBeGreaterThan(0)
  })
})

describe('taxonomy', () => {
  it('imports a pack, lists it and exports it', async () => {
    const pack = join(p.dir, 'pack.json')
    writeFileSync(
      pack,
      JSON.stringify({
        format: 'skillfolio-taxonomy-pack',
        version: 1,
        name: 'Widgets',
        release: '2026.1',
        skills: [
          { id: 'w1', name: 'Widget design', category: 'knowledge' },
          { id: 'w2', name: 'Widget testing', aliases: ['WT'] },
        ],
        roles: [{ id: 'r1', title: 'Widget engineer', skills: [{ skill: 'w1', weight: 1, essential: true }, { skill: 'w2' }] }],
      }),
    )
    const r = await p.run('taxonomy', 'import', pack)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Imported pack taxonomy "Widgets" 2026\.1 as source \d+: 2 skills, 1 occupation, 2 relations\./)
    const sources = await p.run('taxonomy', 'sources', '--json')
    const [source] = sources.json<{ id: number; name: string }[]>()
    expect(source!.name).toBe('Widgets')
    const out = join(p.dir, 'out.json')
    const exported = await p.run('taxonomy', 'export', String(source!.id), '--out', out)
    expect(exported.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ name: 'Widgets', skills: [{ name: 'Widget design' }, { name: 'Widget testing' }] })
  })
})

describe('refused commands', () => {
  let before: string
  beforeAll(() => {
    before = p.hash()
  })

  const cases: Array<[name: string, argv: () => string[], exit: number, stderr: RegExp]> = [
    ['gap without a role or posting', () => ['gap'], 2, /^skillfolio: gap needs either --role REF_OR_TITLE or --posting FILE$/],
    ['gap with both', () => ['gap', '--role', 'Data Analyst', '--posting', 'x.txt'], 2, /^skillfolio: gap needs either/],
    ['unknown role title', () => ['gap', '--role', 'Astronaut'], 1, /^skillfolio: There is no role titled Astronaut/],
    ['unknown role ref', () => ['gap', '--role', 'catalog:astronaut'], 1, /^skillfolio: There is no role catalog:astronaut/],
    ['missing posting file', () => ['gap', '--posting', join(p.dir, 'missing.txt')], 2, /^skillfolio: --posting: .* is not a file$/],
    ['posting too large', () => ['gap', '--posting', big()], 2, /^skillfolio: --posting: .* is larger than 100 KB$/],
    ['fit --top 0', () => ['fit', '--top', '0'], 2, /^skillfolio: --top: 0 must be at least 1$/],
    ['fit --top abc', () => ['fit', '--top', 'abc'], 2, /^skillfolio: --top: abc is not a whole number$/],
    ['plan without hours', () => ['plan', '--role', 'Data Analyst'], 2, /^skillfolio: plan: --hours-per-week is required$/],
    ['plan with a bad budget', () => ['plan', '--role', 'Data Analyst', '--hours-per-week', '8', '--budget', '500'], 2, /^skillfolio: --budget: 500 needs a currency/],
    ['plan with a bad currency', () => ['plan', '--role', 'Data Analyst', '--hours-per-week', '8', '--currency', 'pounds'], 2, /^skillfolio: --currency: pounds must be a three-letter currency code/],
    ['plan with two currencies', () => ['plan', '--role', 'Data Analyst', '--hours-per-week', '8', '--budget', '500 USD', '--currency', 'GBP'], 2, /^skillfolio: --currency: GBP differs from the budget's currency USD/],
    ['plan with zero hours', () => ['plan', '--role', 'Data Analyst', '--hours-per-week', '0'], 2, /^skillfolio: --hours-per-week: 0 must be more than 0/],
    ['plan with an impossible date', () => ['plan', '--role', 'Data Analyst', '--hours-per-week', '8', '--target-date', '2027-02-30'], 2, /^skillfolio: --target-date: 2027-02-30 is not a real calendar date$/],
    ['plan with an unknown role', () => ['plan', '--role', 'Astronaut', '--hours-per-week', '8', '--save'], 1, /^skillfolio: There is no role titled Astronaut/],
    ['taxonomy without what', () => ['taxonomy'], 2, /^skillfolio: taxonomy needs what to do/],
    ['taxonomy import of nothing', () => ['taxonomy', 'import', join(p.dir, 'nothing')], 2, /^skillfolio: .*nothing does not exist$/],
    ['taxonomy import of a bad pack', () => ['taxonomy', 'import', badPack()], 2, /^skillfolio: /],
    ['taxonomy export without --out', () => ['taxonomy', 'export', 'catalog'], 2, /^skillfolio: taxonomy export: --out FILE is required$/],
    ['taxonomy export of an unknown source', () => ['taxonomy', 'export', '999', '--out', join(p.dir, 'x.json')], 1, /^skillfolio: There is no imported taxonomy 999\.$/],
    ['taxonomy remove of an unknown source', () => ['taxonomy', 'remove', '999'], 1, /^skillfolio: There is no imported taxonomy 999\.$/],
  ]

  function big(): string {
    const file = join(p.dir, 'big.txt')
    writeFileSync(file, 'SQL '.repeat(30_000))
    return file
  }
  function badPack(): string {
    const file = join(p.dir, 'bad-pack.json')
    writeFileSync(file, JSON.stringify({ format: 'something-else', version: 1, name: 'x', skills: [] }))
    return file
  }

  it.each(cases)('%s: exits non-zero with one line and leaves the portfolio as it was', async (_name, argv, exit, stderr) => {
    const r = await p.run(...argv())
    expect(r.code).toBe(exit)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.trimEnd()).toMatch(stderr)
    expect(p.hash()).toBe(before)
  })

  it('an ambiguous title lists the candidates on one line', async () => {
    // A custom role with a catalog role's title: made through the core, then the hash is retaken.
    const { createCore } = await import('../../electron/core/app')
    const core = createCore({ dbPath: p.db, dataDir: p.dir, log: testLog })
    await core.call('roles:create', { title: 'Data Analyst', source: 'custom', skills: [{ name: 'SQL', weight: 1, essential: true }] })
    core.close()
    const hash = p.hash()
    const r = await p.run('gap', '--role', 'data analyst')
    expect(r.code).toBe(2)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.trimEnd()).toMatch(/^skillfolio: --role: "data analyst" matches 2 roles: Data Analyst \(catalog:data-analyst\), Data Analyst \(custom:\d+\); give one of those references$/)
    expect(p.hash()).toBe(hash)
  })
})
