import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Experience, SkillDetail } from '../../electron/shared/schemas'
import { tempPortfolio, type TempPortfolio } from './harness'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

async function ok(...argv: string[]) {
  const r = await p.run(...argv)
  expect(r.stderr, `skillfolio ${argv.join(' ')}`).toBe('')
  expect(r.code).toBe(0)
  return r
}

const skillsOf = (e: Experience) => e.skills.map((s) => (s.level ? `${s.name}:${s.level}` : s.name))

describe('experience with --skills', () => {
  it('adds an entry with skills, shows them, and the skill lists the entry', async () => {
    const e = (
      await ok('add', 'experience', '--organization', 'Brightwave', '--title', 'Data Analyst', '--started-on', '2023-01-01', '--skills', 'SQL, Power BI:advanced', '--json')
    ).json<Experience>()
    expect(e).toMatchObject({ id: 'exp-1', organization: 'Brightwave', title: 'Data Analyst' })
    expect(skillsOf(e)).toEqual(['SQL', 'Power BI:advanced'])

    const shown = (await ok('show', 'exp-1')).stdout
    expect(shown).toMatch(/^exp-1 {2}Data Analyst/)
    expect(shown).toMatch(/Skills\s+SQL, Power BI \(advanced\)/)
    expect((await ok('show', 'exp-1', '--json')).json<Experience>()).toEqual(e)

    const human = await ok('add', 'job', '--organization', 'Acme', '--title', 'Intern', '--skills', 'sql')
    expect(human.stdout).toMatch(/Skills\s+SQL/)
    const skill = (await ok('show', e.skills[0]!.id, '--json')).json<SkillDetail>()
    expect(skill.experience.map((x) => x.id).sort()).toEqual(['exp-1', 'exp-2'])
    expect((await ok('show', e.skills[0]!.id)).stdout).toMatch(/Experience\n\s+exp-1\s+Data Analyst, Brightwave/)
  })

  it('edit --skills replaces the list, other edits keep it, --clear skills empties it', async () => {
    await ok('add', 'experience', '--organization', 'Org', '--title', 'Analyst', '--skills', 'SQL, Excel')
    const renamed = (await ok('edit', 'exp-1', '--title', 'Senior Analyst', '--json')).json<Experience>()
    expect(skillsOf(renamed)).toEqual(['SQL', 'Excel'])
    const replaced = (await ok('edit', 'exp-1', '--skills', 'Python:intermediate, SQL', '--json')).json<Experience>()
    expect(replaced.title).toBe('Senior Analyst')
    expect(skillsOf(replaced)).toEqual(['Python:intermediate', 'SQL'])
    const human = await ok('edit', 'exp-1', '--skills', 'dbt')
    expect(human.stdout).toMatch(/Skills\s+dbt/)
    const cleared = (await ok('edit', 'exp-1', '--clear', 'skills', '--json')).json<Experience>()
    expect(cleared.skills).toEqual([])
    expect((await ok('show', 'exp-1')).stdout).not.toMatch(/Skills/)
  })

  it('refuses an unknown level, naming the flag, and changes nothing', async () => {
    await ok('add', 'experience', '--organization', 'Org', '--title', 'Analyst', '--skills', 'SQL')
    const before = p.hash()
    const bad = await p.run('edit', 'exp-1', '--skills', 'Python:guru')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--skills: "?Python:guru"? has an unknown level "guru"/)
    const badAdd = await p.run('add', 'experience', '--organization', 'Org', '--title', 'X', '--skills', ':advanced')
    expect(badAdd.code).toBe(2)
    expect(badAdd.stderr).toMatch(/--skills/)
    expect(p.hash()).toBe(before)
    expect(skillsOf((await ok('show', 'exp-1', '--json')).json<Experience>())).toEqual(['SQL'])
  })
})

describe('experience with --bullet', () => {
  const add = (...flags: string[]) => ok('add', 'experience', '--organization', 'Brightwave', '--title', 'Data Analyst', ...flags)

  it('stores repeated --bullet as the description, one bullet a line, and show and list print them as bullets', async () => {
    const e = (await add('--bullet', 'Built the trading dashboards. Used by 40 store managers', '--bullet', '- Cut the weekly report from 2 days to 2 hours', '--json')).json<Experience>()
    // Marked lines: a bullet of two sentences stays one bullet; a typed "- " is not doubled.
    expect(e.description).toBe('- Built the trading dashboards. Used by 40 store managers\n- Cut the weekly report from 2 days to 2 hours')

    const shown = (await ok('show', 'exp-1')).stdout
    expect(shown).toContain('  Description\n    • Built the trading dashboards. Used by 40 store managers\n    • Cut the weekly report from 2 days to 2 hours')

    await ok('add', 'job', '--organization', 'Acme', '--title', 'Intern', '--description', 'Answered tickets. Wrote the FAQ.')
    const listed = (await ok('list', 'experience')).stdout.split('\n')
    const row = listed.findIndex((l) => /^exp-1\s+Data Analyst\s+Brightwave/.test(l))
    expect(listed.slice(row + 1, row + 3)).toEqual(['       • Built the trading dashboards. Used by 40 store managers', '       • Cut the weekly report from 2 days to 2 hours'])
    // Prose without markers reads as one bullet per sentence, as the resume prints it.
    const intern = listed.findIndex((l) => /^exp-2\s+Intern\s+Acme/.test(l))
    expect(listed.slice(intern + 1, intern + 3)).toEqual(['       • Answered tickets.', '       • Wrote the FAQ.'])
  })

  it('edit --bullet replaces the bullets, other edits keep them, --clear description removes them', async () => {
    await add('--bullet', 'First', '--bullet', 'Second')
    expect((await ok('edit', 'exp-1', '--title', 'Senior Analyst', '--json')).json<Experience>().description).toBe('- First\n- Second')
    const replaced = await ok('edit', 'exp-1', '--bullet', 'Only this one')
    expect(replaced.stdout).toContain('    • Only this one')
    expect(replaced.stdout).not.toContain('First')
    expect((await ok('edit', 'exp-1', '--clear', 'description', '--json')).json<Experience>().description).toBeNull()
    expect((await ok('show', 'exp-1')).stdout).not.toContain('Description')
  })

  it.each([
    [['--bullet', 'Did X', '--description', 'Did Y'], /--description and --bullet cannot be used together/],
    [['--bullet', 'Did X', '--bullet', ''], /--bullet: bullet 2 is empty/],
    [['--bullet', '   '], /--bullet: bullet 1 is empty/],
    [['--bullet', '- '], /--bullet: bullet 1 is empty/],
    [['--bullet', 'Line one\nline two'], /--bullet: .* has a line break; give each bullet its own --bullet/],
    [['--bullet', 'Did X', '--clear', 'description'], /--clear description and --bullet cannot be used together/],
  ])('refuses %j with a usage error and changes nothing', async (flags, message) => {
    await add('--bullet', 'Kept')
    const before = p.hash()
    const edited = await p.run('edit', 'exp-1', ...flags)
    expect(edited.code).toBe(2)
    expect(edited.stderr).toMatch(message)
    if (!flags.includes('--clear')) {
      const added = await p.run('add', 'experience', '--organization', 'Org', '--title', 'X', ...flags)
      expect(added.code).toBe(2)
      expect(added.stderr).toMatch(message)
    }
    expect(p.hash()).toBe(before)
    expect((await ok('show', 'exp-1', '--json')).json<Experience>().description).toBe('- Kept')
  })

  it('is a flag of work entries only', async () => {
    await ok('add', 'education', '--institution', 'Lund University')
    const r = await p.run('edit', 'edu-1', '--bullet', 'Top of the class')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/has no --bullet/)
    expect((await p.run('add', 'credential', '--title', 'X', '--kind', 'other', '--bullet', 'Y')).code).toBe(2)
  })
})
