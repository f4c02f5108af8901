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
