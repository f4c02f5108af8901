import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMatcher } from '../../../electron/core/skills/matcher'
import { extractFromPosting, postingSections } from '../../../electron/core/analysis/postings'
import { fixtureCatalog } from '../../fixtures/analysis/catalog'

const matcher = createMatcher(fixtureCatalog().skills)
const text = readFileSync(join(__dirname, '../../fixtures/analysis/posting-data-analyst.txt'), 'utf8')

describe('extractFromPosting on a realistic posting', () => {
  const result = extractFromPosting(text, matcher)
  const skill = (id: string) => result.skills.find((s) => s.skillId === id)

  it('finds the skills the posting asks for, and nothing from the verbs, URLs or e-mail', () => {
    expect(result.title).toBe('Senior Data Analyst (SQL, Tableau)')
    expect(result.hasRequirements).toBe(true)
    expect(result.skills.map((s) => s.skillId).sort()).toEqual(
      [
        'ab-testing',
        'communication',
        'data-analysis',
        'data-visualisation',
        'english',
        'etl',
        'excel',
        'google-analytics',
        'pandas',
        'power-bi',
        'python',
        'r',
        'sql',
        'statistics',
        'tableau',
      ].sort(),
    )
    // "excel at", "go the extra mile", "go home" and the addresses are not skills.
    expect(result.mentions.filter((m) => m.skillId === 'excel').map((m) => m.surface)).toEqual(['Excel'])
    expect(skill('go')).toBeUndefined()
  })

  it('gives spans that highlight the original text', () => {
    for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.surface)
    const starts = result.mentions.map((m) => m.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('counts mentions and suggests weight and essential from the part of the posting', () => {
    // SQL: title + description + requirements, 3 mentions.
    expect(skill('sql')).toMatchObject({ count: 3, section: 'required', suggestedEssential: true, suggestedAccept: true })
    expect(skill('sql')!.suggestedWeight).toBe(1)
    expect(skill('sql')!.why).toBe('in the requirements, also in the job title, mentioned 3 times')
    expect(skill('statistics')).toMatchObject({ section: 'required', suggestedEssential: true, suggestedWeight: 0.8 })
    expect(skill('excel')).toMatchObject({ section: 'required', suggestedEssential: true })
    // Only under "Nice to have": optional and light.
    expect(skill('power-bi')).toMatchObject({ section: 'preferred', suggestedEssential: false, suggestedWeight: 0.3, why: 'only as nice to have' })
    expect(skill('r')).toMatchObject({ section: 'preferred', suggestedEssential: false })
    // Tableau: in the title and the description, not in the requirements.
    expect(skill('tableau')).toMatchObject({ section: 'title', suggestedEssential: true, count: 2 })
    // Python: a task in the description and nice to have: not essential.
    expect(skill('python')).toMatchObject({ section: 'other', suggestedEssential: false, count: 2, suggestedWeight: 0.55 })
    // Transversal skills weigh a little less.
    expect(skill('communication')!.suggestedWeight).toBe(0.7)
    // Heaviest first.
    expect(result.skills[0]!.skillId).toBe('sql')
    const weights = result.skills.map((s) => s.suggestedWeight)
    expect(weights).toEqual([...weights].sort((a, b) => b - a))
  })

  it('recognises the parts of the posting', () => {
    const kinds = postingSections(text).map((s) => [s.kind, text.slice(s.start, s.end)] as const)
    const kindOf = (line: string) => kinds.find(([, l]) => l.startsWith(line))?.[0]
    expect(kindOf('Senior Data Analyst')).toBe('title')
    expect(kindOf('- Build and maintain dashboards')).toBe('other')
    expect(kindOf('- Solid statistics')).toBe('required')
    expect(kindOf('- Experience with Power BI')).toBe('preferred')
    expect(kindOf('- Flexible hours')).toBe('about')
    expect(kindOf('Northwind Analytics helps')).toBe('about')
  })

  it('without a requirements heading, inline cues and frequency decide', () => {
    const plain = 'Data engineer\nWe build pipelines with Airflow and Spark. Airflow runs everything; Airflow is our core tool.\nKafka experience is a plus.\nYou must know SQL.'
    const r = extractFromPosting(plain, matcher)
    const by = (id: string) => r.skills.find((s) => s.skillId === id)!
    expect(r.hasRequirements).toBe(true) // "must" marks its line as required
    expect(by('airflow')).toMatchObject({ count: 3, section: 'other', suggestedEssential: false })
    expect(by('kafka')).toMatchObject({ section: 'preferred', suggestedEssential: false })
    expect(by('sql')).toMatchObject({ section: 'required', suggestedEssential: true })
    const none = extractFromPosting('Team lead\nWe use Airflow, Airflow and more Airflow with some Spark.', matcher)
    expect(none.hasRequirements).toBe(false)
    expect(none.skills.find((s) => s.skillId === 'airflow')).toMatchObject({ count: 3, suggestedEssential: true })
    expect(none.skills.find((s) => s.skillId === 'spark')).toMatchObject({ count: 1, suggestedEssential: false })
  })

  it('returns an empty result for empty text', () => {
    expect(extractFromPosting('', matcher)).toMatchObject({ title: null, skills: [], mentions: [] })
  })
})

describe('transversal skills in a posting', () => {
  it('are essential only when the requirements name them, however often the description does', () => {
    const culture = 'Data Analyst\nWe value communication. Communication is how we work; teamwork and communication every day.\nYou will use SQL and Python, SQL daily, SQL for everything.'
    const loose = extractFromPosting(culture, matcher)
    expect(loose.hasRequirements).toBe(false)
    expect(loose.skills.find((s) => s.skillId === 'communication')).toMatchObject({ count: 3, suggestedEssential: false })
    // The same frequency makes a technical skill essential when there is no requirements part.
    expect(loose.skills.find((s) => s.skillId === 'sql')).toMatchObject({ suggestedEssential: true })
    const asked = extractFromPosting('Data Analyst\nRequirements\n- Clear written communication with stakeholders\n- SQL', matcher)
    expect(asked.skills.find((s) => s.skillId === 'communication')).toMatchObject({ section: 'required', suggestedEssential: true })
  })
})
