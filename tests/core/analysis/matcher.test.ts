import { describe, expect, it } from 'vitest'
import { createMatcher, type Matcher, type MatcherSkill } from '../../../electron/core/skills/matcher'
import { bundledCatalog, fixtureCatalog } from '../../fixtures/analysis/catalog'

const matcher = createMatcher(fixtureCatalog().skills)

/** skill ids found, in text order. */
const ids = (text: string, m: Matcher = matcher) => m.match(text).map((x) => x.skillId)
/** surface=>id pairs, in text order. */
const found = (text: string, m: Matcher = matcher) => m.match(text).map((x) => `${x.surface}=>${x.skillId}`)

describe('matcher: names, aliases, abbreviations, inflections', () => {
  it('finds names, aliases and abbreviations with exact spans into the original text', () => {
    const text = 'We use ReactJS, k8s and GA4 daily.'
    const hits = matcher.match(text)
    expect(hits.map((h) => [h.skillId, h.kind, h.term])).toEqual([
      ['react', 'alias', 'ReactJS'],
      ['kubernetes', 'abbreviation', 'k8s'],
      ['google-analytics', 'abbreviation', 'GA4'],
    ])
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.surface)
    expect(hits[1]).toMatchObject({ surface: 'k8s', start: 16, end: 19, name: 'Kubernetes' })
    expect(hits[1]!.reason).toContain('abbreviation "k8s"')
  })

  it('ignores case and punctuation inside terms (Node.js, CI/CD, front-end written several ways)', () => {
    expect(found('node.js, NODE.JS, NodeJS and nodejs')).toEqual(['node.js=>nodejs', 'NODE.JS=>nodejs', 'NodeJS=>nodejs', 'nodejs=>nodejs'])
    expect(ids('CI/CD, CI / CD and CICD pipelines')).toEqual(['ci-cd', 'ci-cd', 'ci-cd'])
    expect(ids('front-end, front end and frontend work')).toEqual(['frontend-development', 'frontend-development', 'frontend-development'])
    expect(ids('C++, C# and .NET-free Python')).toEqual(['cpp', 'c-sharp', 'python'])
  })

  it('matches plurals of nouns to their singular terms', () => {
    expect(found('Wireframes, data warehouses and Content Management Systems')).toEqual([
      'Wireframes=>wireframing',
      'data warehouses=>data-warehousing',
      'Content Management Systems=>cms',
    ])
    const [hit] = matcher.match('two prototypes')
    expect(hit).toMatchObject({ skillId: 'prototyping', surface: 'prototypes' })
    expect(hit!.reason).toContain('plural')
  })

  it('prefers the longest multi-word term and never returns overlapping spans', () => {
    expect(found('Microsoft SQL Server and SQL')).toEqual(['Microsoft SQL Server=>sql-server', 'SQL=>sql'])
    expect(found('Test Driven Development with Kafka Streams')).toEqual(['Test Driven Development=>tdd', 'Kafka Streams=>kafka'])
    expect(found('user experience design and UX')).toEqual(['user experience design=>ux-design', 'UX=>ux-design'])
    const hits = matcher.match('Apache Kafka, Apache Spark and Google Cloud Platform (GCP) on Microsoft Azure')
    expect(hits.map((h) => h.skillId)).toEqual(['kafka', 'spark', 'gcp', 'gcp', 'azure'])
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end)
  })

  it('does not join words across a comma, a line break or a full stop', () => {
    expect(ids('machine, learning')).toEqual([])
    expect(ids('machine\nlearning')).toEqual([])
    expect(ids('Deep. Learning')).toEqual([])
    expect(ids('machine learning')).toEqual(['machine-learning'])
  })

  it('keeps capitals on short abbreviations and words that are common English', () => {
    expect(ids('UI and UX')).toEqual(['ui-design', 'ux-design'])
    expect(ids('ui and ux')).toEqual([])
    expect(ids('CI for the repo')).toEqual(['ci-cd'])
    expect(ids('cd into the folder')).toEqual([])
    expect(ids('We react quickly and express ideas; Cypress for tests')).toEqual(['cypress'])
    expect(ids('React and Node')).toEqual(['react', 'nodejs'])
  })
})

describe('matcher: words that are skills only in context', () => {
  it('Go: only as a language (cue, list, "in Go"), not as the verb', () => {
    expect(ids('Experience with Go and Python')).toEqual(['go', 'python'])
    expect(ids('Golang microservices')).toEqual(['go', 'microservices'])
    expect(ids('programming languages: Scala Java Go')).toEqual(['scala', 'java', 'go'])
    expect(ids('services written in Go')).toEqual(['go'])
    expect(ids('Go developer wanted')).toEqual(['go'])
    expect(ids('We go to conferences and go the extra mile')).toEqual([])
    expect(ids('Go ahead and apply!')).toEqual([])
    expect(ids('Ready to go? Go-live is in May.')).toEqual([])
    expect(ids('Work on the go with Python')).toEqual(['python'])
    expect(ids('let us go')).toEqual([])
  })

  it('R: only as "R programming", "in R" or listed with other technologies; never R&D', () => {
    expect(ids('R programming')).toEqual(['r'])
    expect(ids('statistical modelling in R')).toEqual(['r'])
    expect(ids('Python, R and SQL')).toEqual(['python', 'r', 'sql'])
    expect(ids('Python R) version control')).toEqual(['python', 'r', 'git'])
    expect(ids('our R&D team and the R & D department')).toEqual([])
    expect(ids('Rated R. Section R applies.')).toEqual([])
    expect(ids('Excel(R) skills')).toEqual(['excel'])
  })

  it('Excel: the tool, not the verb "excel at"', () => {
    expect(ids('Advanced Excel skills')).toEqual(['excel'])
    expect(ids('MS Excel and Microsoft Excel')).toEqual(['excel', 'excel'])
    expect(ids('Excel, SQL and Tableau')).toEqual(['excel', 'sql', 'tableau'])
    expect(ids('spreadsheets in Excel')).toEqual(['excel'])
    expect(ids('You will excel at teamwork')).toEqual(['teamwork'])
    expect(ids('Excel at building relationships.')).toEqual([])
    expect(ids('people who excel in fast-paced teams')).toEqual([])
  })

  it('C: the language, not C-level or Series C', () => {
    expect(ids('C programming')).toEqual(['c'])
    expect(ids('C, C++ and Python')).toEqual(['c', 'cpp', 'python'])
    expect(ids('reporting to C-level executives after our Series C')).toEqual([])
  })

  it('a context-only skill matched in context is less certain than a plain name', () => {
    const [go, python] = matcher.match('Go and Python')
    expect(go!.confidence).toBeLessThan(python!.confidence)
    expect(go!.reason).toMatch(/listed with Python/)
  })
})

describe('matcher: Unicode', () => {
  it('folds full-width letters, ligatures and diacritics, keeping offsets into the original', () => {
    const text = 'Ｐｙｔｈｏｎ, ﬁgma, Pýthön and Kubernétes'
    const hits = matcher.match(text)
    expect(hits.map((h) => h.skillId)).toEqual(['python', 'figma', 'python', 'kubernetes'])
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Ｐｙｔｈｏｎ', 'ﬁgma', 'Pýthön', 'Kubernétes'])
  })

  it('counts offsets in UTF-16 units after emoji and decomposed accents', () => {
    const text = '🚀 Python and Pyt\u0301hon, then 𝐒𝐐𝐋'
    const hits = matcher.match(text)
    expect(hits.map((h) => [h.skillId, h.surface])).toEqual([
      ['python', 'Python'],
      ['python', 'Pyt\u0301hon'],
      ['sql', '𝐒𝐐𝐋'],
    ])
    expect(hits[0]!.start).toBe(3)
  })

  it('treats typographic apostrophes and dashes like ASCII ones', () => {
    expect(ids('front‐end and Python’s')).toEqual(['frontend-development', 'python'])
  })
})

describe('matcher: text that never holds a skill', () => {
  it('finds nothing inside URLs, e-mail addresses and bare domains', () => {
    const text = 'See https://reactjs.org/docs/hooks, www.kubernetes.io, github.com/acme/python-tools or mail jobs@python-careers.com'
    expect(ids(text)).toEqual([])
  })

  it('does not take product names with dots for domains', () => {
    const m = createMatcher([
      { id: 'aspnet', name: 'ASP.NET' },
      { id: 'dotnet', name: '.NET' },
      { id: 'socketio', name: 'Socket.IO' },
    ])
    expect(ids('ASP.NET, .NET Core and Socket.io', m)).toEqual(['aspnet', 'dotnet', 'socketio'])
    expect(ids('ASP.NET', matcher)).toEqual([])
  })

  it('still finds the same skills next to a URL', () => {
    expect(ids('Python (https://python.org) and React')).toEqual(['python', 'react'])
  })

  it('skips de-identification placeholders like <ORGANIZATION>', () => {
    const m = createMatcher([{ id: 'organisation', name: 'Organization' }])
    expect(ids('<ORGANIZATION> values organization', m)).toEqual(['organisation'])
  })
})

describe('matcher: normalise single names', () => {
  it('maps names, aliases, abbreviations, plurals and decorated names to one skill id', () => {
    const cases: [string, string | null][] = [
      ['JS', 'javascript'],
      ['reactjs', 'react'],
      ['  kubernetes ', 'kubernetes'],
      ['K8S', 'kubernetes'],
      ['Go', 'go'],
      ['golang', 'go'],
      ['R', 'r'],
      ['Excel', 'excel'],
      ['Advanced Excel', 'excel'],
      ['Intro to SQL', 'sql'],
      ['Python programming', 'python'],
      ['JavaScript (ES6)', 'javascript'],
      ['Wireframes', 'wireframing'],
      ['REST APIs', 'rest-apis'],
      ['Ｐｙｔｈｏｎ', 'python'],
      ['Quantum basket weaving', null],
      ['', null],
      ['skills', null],
    ]
    for (const [name, id] of cases) expect([name, matcher.normalise(name)]).toEqual([name, id])
  })

  it('returns null for a name two skills share equally', () => {
    const skills: MatcherSkill[] = [
      { id: 'product-management', name: 'Product management', area: 'product', abbreviations: ['PM'] },
      { id: 'project-management', name: 'Project management', area: 'project-management', abbreviations: ['PM'] },
      { id: 'scrum', name: 'Scrum', area: 'project-management' },
      { id: 'jira', name: 'Jira', area: 'project-management', category: 'technology' },
    ]
    const m = createMatcher(skills)
    expect(m.normalise('PM')).toBeNull()
    expect(ids('PM', m)).toEqual([])
    // The rest of the text decides: Scrum and Jira are project management.
    const hits = m.match('PM with Scrum and Jira')
    expect(hits.map((h) => h.skillId)).toEqual(['project-management', 'scrum', 'jira'])
    expect(hits[0]!.confidence).toBeLessThan(0.8)
  })
})

describe('matcher: the user own skills', () => {
  it('matches portfolio skills the catalog lacks and lends catalog skills the user aliases', () => {
    const m = createMatcher(fixtureCatalog().skills, {
      extra: [
        { id: 'user:skill-9', name: 'Looker Studio', aliases: ['Data Studio'] },
        { id: 'user:skill-3', name: 'SQL', aliases: ['Structured Queries'] },
      ],
    })
    expect(found('Looker Studio, Data Studio, Structured Queries', m)).toEqual([
      'Looker Studio=>user:skill-9',
      'Data Studio=>user:skill-9',
      'Structured Queries=>sql',
    ])
    expect(m.normalise('looker studio')).toBe('user:skill-9')
    expect(m.skill('user:skill-3')?.id).toBe('sql')
    expect(m.skill('user:skill-9')).toMatchObject({ portfolio: true, name: 'Looker Studio' })
    expect(m.match('Looker Studio')[0]!.reason).toContain('your own skill')
  })
})

// How fast: tests/bench/analysis.bench.ts ("matcher: one 6,000-character posting"), not here.
describe('matcher: long postings', () => {
  it('finds the same skills in every repetition of a paragraph of a 6,000-character posting', () => {
    const paragraph =
      'We need strong SQL and Python, experience with Apache Spark, Kafka and Airflow on AWS; Docker and Kubernetes (k8s) are a plus. ' +
      'You will work with React, TypeScript and Node.js, write unit tests, and go the extra mile with Go or Scala. Excel at communication.\n'
    const text = paragraph.repeat(24)
    expect(text.length).toBeGreaterThan(5500)
    const perParagraph = Array.from({ length: 24 }, () => [] as string[])
    for (const hit of matcher.match(text)) {
      expect(text.slice(hit.start, hit.end)).toBe(hit.surface)
      perParagraph[Math.floor(hit.start / paragraph.length)]!.push(`${hit.start % paragraph.length}:${hit.skillId}`)
    }
    // Go the language ("Go or Scala"), not "go the extra mile"; and "Excel at" is not Excel.
    const first = ['15:sql', '23:python', '47:spark', '61:kafka', '71:airflow', '82:aws', '87:docker', '98:kubernetes', '110:kubernetes']
    const second = ['146:react', '153:typescript', '168:nodejs', '183:unit-testing', '222:go', '228:scala', '244:communication']
    for (const hits of perParagraph) expect(hits).toEqual([...first, ...second])
  })
})

describe('matcher with the built-in catalog', () => {
  const real = createMatcher(bundledCatalog().skills)
  const on = (text: string) => ids(text, real)

  it('keeps the context rules for Go, R, Excel and other context-only words', () => {
    expect(on('Experience with Go and Python')).toEqual(['go', 'python'])
    expect(on('We go to conferences and go the extra mile')).toEqual([])
    expect(on('statistical modelling in R')).toEqual(['r'])
    expect(on('our R&D team')).toEqual([])
    expect(on('Advanced Excel skills')).toEqual(['excel'])
    expect(on('Excel at building relationships.')).toEqual([])
    expect(on('react quickly, express ideas, cut us some slack, a word of advice')).toEqual([])
    expect(on('experience with React and Redux')).toEqual(['react', 'redux'])
    expect(on('pandas and NumPy')).toEqual(['pandas', 'numpy'])
  })

  it('normalises typed names to the built-in ids', () => {
    for (const [name, id] of [
      ['JS', 'javascript'],
      ['k8s', 'kubernetes'],
      ['Intro to SQL', 'sql'],
      ['golang', 'go'],
    ] as const)
      expect(real.normalise(name)).toBe(id)
  })
})
