import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, contract } from '../../electron/shared/contract'
import { dispatch } from '../../electron/core/handlers/dispatch'
import { tempPortfolio, type TempPortfolio } from '../helpers/temp-portfolio'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

describe('dispatch: the one door into the core', () => {
  it('implements every channel of the contract and nothing else', () => {
    expect(Object.keys(p.core.services).sort()).toEqual([...CHANNELS].sort())
  })

  it('answers every channel with a Result and never throws, whatever the input', async () => {
    const hostile: unknown[] = [undefined, null, 42, 'text', [], { id: 'cred-1; DROP TABLE credential' }, { __proto__: { polluted: 1 } }, { text: 'x'.repeat(10_000) }]
    // app:loadDemo is left out: with valid (empty) input it fills the portfolio, by design.
    for (const channel of CHANNELS.filter((c) => c !== 'app:loadDemo')) {
      for (const raw of hostile) {
        const result = await p.core.dispatch(channel, raw)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(['BAD_INPUT', 'NOT_FOUND', 'CONFLICT']).toContain(result.error.code)
      }
    }
    expect((await p.core.call('credentials:list', {})).total).toBe(0)
  })

  it('refuses unknown channels, including inherited property names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42]) {
      expect(await p.core.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    }
  })

  it('hides internals of unexpected errors and logs them', async () => {
    const logged: unknown[] = []
    const services = { ...p.core.services, 'credentials:list': () => { throw new Error('secret stack detail') } }
    const result = await dispatch(services, 'credentials:list', {}, (_m, e) => logged.push(e))
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(logged).toHaveLength(1)
  })

  it('validates output shapes against the contract for a realistic record', async () => {
    const c = await p.core.call('credentials:create', { title: 'T', kind: 'badge', skills: [{ name: 'Git' }] })
    expect(contract['credentials:get'].output.safeParse(c).success).toBe(true)
    const list = await p.core.call('credentials:list', {})
    expect(contract['credentials:list'].output.safeParse(list).success).toBe(true)
    expect(contract['skills:get'].output.safeParse(await p.core.call('skills:get', { id: c.skills[0]!.id })).success).toBe(true)
  })
})
