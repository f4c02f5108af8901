/**
 * `skillfolio tags`: the skills an imported badge's tags gave, listed, accepted and rejected from
 * a terminal; `show` marks them; a bad name or id changes nothing.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertion } from '../helpers/badges'
import { tempPortfolio, type TempPortfolio } from './harness'

interface Group {
  credentialId: string
  title: string
  tags: { skillId: string; skill: string; tag: string; decision: string }[]
}

let p: TempPortfolio
beforeAll(async () => {
  p = tempPortfolio()
  const badge = assertion(4, 'Robotics Club', { issuedOn: '2025-02-01T09:00:00Z', skills: ['Robot programming'] }) as { badge: Record<string, unknown> }
  badge.badge.tags = ['robots', 'awesome', 'Python']
  writeFileSync(join(p.dir, 'robotics.json'), JSON.stringify(badge))
  const imported = await p.run('import', join(p.dir, 'robotics.json'))
  expect(imported.code, imported.stderr).toBe(0)
})
afterAll(() => p.cleanup())

describe('skillfolio tags', () => {
  it('lists pending tag skills by credential, and show marks them', async () => {
    const list = await p.run('tags')
    expect(list.code, list.stderr).toBe(0)
    expect(list.stdout).toContain('cred-1  Robotics Club · Skillfolio E2E Academy · 2025-02-01')
    expect(list.stdout).toMatch(/pending {3}robots {2}\(skill-\d+\)/)
    expect(list.stdout).toContain('3 skills from badge tags on 1 credential wait for review')
    expect(list.stdout).toContain('skillfolio tags accept|reject CRED_ID [SKILL…]')
    const json = (await p.run('tags', 'list', '--json')).json<{ pending: number; groups: Group[] }>()
    expect(json.pending).toBe(3)
    expect(json.groups[0]!.tags.map((t) => t.tag)).toEqual(['robots', 'awesome', 'Python'])

    const show = await p.run('show', 'cred-1')
    expect(show.stdout).toMatch(/Skills +Robot programming\n/)
    expect(show.stdout).toContain('From tags      robots (not reviewed), awesome (not reviewed), Python (not reviewed)')
  })

  it('accepts and rejects named tags, then the rest, and resets one', async () => {
    const accepted = await p.run('tags', 'accept', 'cred-1', 'python')
    expect(accepted.code, accepted.stderr).toBe(0)
    expect(accepted.stdout.trim()).toBe('Accepted 1 tag skill of “Robotics Club” (cred-1): Python. They count as evidence now.')
    const rejected = await p.run('tags', 'reject', 'cred-1')
    expect(rejected.stdout.trim()).toBe('Rejected 2 tag skills of “Robotics Club” (cred-1): robots, awesome. They are hidden and will not come back when the badge is imported again.')
    expect((await p.run('tags')).stdout.trim()).toBe('No skills from badge tags wait for review.')
    const one = (await p.run('tags', 'list', 'cred-1', '--json')).json<{ groups: Group[] }>().groups[0]!
    expect(one.tags.map((t) => [t.tag, t.decision])).toEqual([['robots', 'rejected'], ['awesome', 'rejected'], ['Python', 'accepted']])
    expect((await p.run('show', 'cred-1')).stdout).toContain('From tags      Python\n')

    const reset = await p.run('tags', 'reset', 'cred-1', 'awesome', '--json')
    expect(reset.code).toBe(0)
    expect(reset.json<Group>().tags.find((t) => t.tag === 'awesome')!.decision).toBe('pending')
  })

  it('refuses unknown tags, ids and words without changing the portfolio', async () => {
    const before = p.hash()
    const cases: Array<[string[], number, RegExp]> = [
      [['tags', 'accept', 'cred-1', 'robots', 'lasers'], 1, /cred-1 \(“Robotics Club”\) has no badge tag lasers; its tags: robots, awesome, Python/],
      [['tags', 'accept', 'proj-1'], 2, /tags accept: proj-1 is not a credential id like cred-1/],
      [['tags', 'reject'], 2, /tags reject needs a credential id/],
      [['tags', 'reset', 'cred-1'], 2, /tags reset needs the tags to take back/],
      [['tags', 'approve', 'cred-1'], 2, /tags: unknown "approve"; what to do: list, accept, reject, reset/],
      [['tags', 'accept', 'cred-9'], 1, /There is no credential cred-9/],
    ]
    for (const [argv, code, message] of cases) {
      const r = await p.run(...argv)
      expect(r.code, argv.join(' ')).toBe(code)
      expect(r.stderr).toMatch(message)
    }
    expect(p.hash()).toBe(before)
  })

  it('has help', async () => {
    const help = await p.run('help', 'tags')
    expect(help.stdout).toContain('Usage: skillfolio tags [list] [CRED_ID]')
    expect(help.stdout).toContain('skillfolio tags accept cred-3 SQL "data analysis"')
    expect((await p.run('--help')).stdout).toMatch(/ {2}tags +Skills taken from badge tags: list them, accept or reject them/)
  })
})
