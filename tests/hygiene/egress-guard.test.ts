/**
 * The network-egress guard of the node tests (tests/helpers/egress-guard.cjs) catches a
 * deliberate outbound connection (in this process and in a child process) and lets
 * connections to this computer through. Each test takes what the guard recorded, so the
 * setup file's own check does not fail it.
 */
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { takeEgressViolations } from '../helpers/egress-setup'

describe('network-egress guard of the tests', () => {
  it('refuses a connection to an address beyond this computer, and records it', async () => {
    const error = await new Promise<Error>((resolve) => {
      const socket = connect({ host: '192.0.2.10', port: 443 }) // TEST-NET-1: never routed
      socket.on('error', resolve)
      socket.on('connect', () => resolve(new Error('connected')))
    })
    expect(error.message).toMatch(/Egress guard: a connection to 192\.0\.2\.10:443 refused/)
    expect(takeEgressViolations()).toEqual([expect.stringMatching(/^a connection to 192\.0\.2\.10:443/)])
  })

  it('refuses fetch and a DNS lookup of a public name', async () => {
    await expect(fetch('https://example.com/')).rejects.toThrow()
    const found = takeEgressViolations()
    expect(found.some((v) => /example\.com/.test(v))).toBe(true)
  })

  it('catches a child process that tries, through the NODE_OPTIONS the setup passes on', () => {
    const run = spawnSync(process.execPath, ['-e', "require('node:net').connect(80, '198.51.100.7').on('error', (e) => { console.log(e.message); process.exit(0) })"], { encoding: 'utf8', timeout: 10_000 })
    expect(run.stdout).toMatch(/Egress guard/)
    expect(takeEgressViolations()).toEqual([expect.stringMatching(/^a connection to 198\.51\.100\.7:80 \(child process \d+/)])
  })

  it('lets connections to 127.0.0.1 and localhost through', async () => {
    const server = createServer((_req, res) => res.end('local'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local')
      expect(takeEgressViolations()).toEqual([])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
