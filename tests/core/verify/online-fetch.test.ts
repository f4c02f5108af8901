/** The online fetcher's limits, against a local server: https only, timeout, size, JSON only, redirects. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOnlineFetcher, FetchError } from '../../../electron/core/verify/online-fetch'

let server: Server
let base: string
const big = JSON.stringify({ padding: 'x'.repeat(200_000) })

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    switch (path) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'application/ld+json' }).end('{"hello":"world"}')
        return
      case '/plain-json':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('{"served":"as text"}')
        return
      // These two never finish: only the fetcher's own timeout can end the request.
      case '/silent':
        return
      case '/stalls-mid-body':
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"a":')
        return
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }).end(big)
        return
      case '/big-chunked':
        res.writeHead(200, { 'content-type': 'application/json' })
        for (let i = 0; i < 20; i++) res.write(big.slice(i * 10_000, (i + 1) * 10_000))
        res.end(big.slice(200_000))
        return
      case '/html':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>hello</body></html>')
        return
      case '/not-json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('<html>')
        return
      case '/to-http':
        res.writeHead(302, { location: 'http://example.com/x.json' }).end()
        return
      case '/to-ok':
        res.writeHead(301, { location: '/ok' }).end()
        return
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end()
        return
      case '/missing':
        res.writeHead(404, { 'content-type': 'application/json' }).end('{}')
        return
      default:
        res.writeHead(500).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
)

const fetcher = (options: Partial<Parameters<typeof createOnlineFetcher>[0]> = {}) =>
  createOnlineFetcher({ timeoutMs: 500, maxBytes: 64 * 1024, allowHttpForHosts: ['127.0.0.1'], ...options })

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError)
    return error as FetchError
  }
  throw new Error('expected the fetch to fail')
}

describe('createOnlineFetcher', () => {
  it('fetches JSON (JSON-LD, or JSON served as text/plain as raw.githubusercontent.com does)', async () => {
    expect(await fetcher()(`${base}/ok`)).toEqual({ hello: 'world' })
    expect(await fetcher()(`${base}/plain-json`)).toEqual({ served: 'as text' })
  })

  it('refuses http:// addresses unless the host is allowed (https only by default)', async () => {
    const strict = createOnlineFetcher({ timeoutMs: 500, maxBytes: 1024 })
    expect((await failure(strict(`${base}/ok`))).reason).toBe('not_https')
    expect((await failure(strict('http://example.org/key1.json'))).message).toMatch(/only https/)
    expect((await failure(strict('ftp://example.org/x'))).reason).toBe('not_https')
    expect((await failure(strict('not a url'))).reason).toBe('bad_url')
    expect((await failure(strict('https://user:secret@example.org/x'))).reason).toBe('bad_url')
  })

  it('times out a server that does not answer, or stalls mid-body', async () => {
    for (const path of ['/silent', '/stalls-mid-body']) {
      const error = await failure(fetcher({ timeoutMs: 300 })(`${base}${path}`))
      expect(error).toMatchObject({ reason: 'timeout', message: `${base}${path} did not answer within 300 ms.` })
    }
  })

  it('refuses bodies over the size limit, declared or streamed', async () => {
    expect((await failure(fetcher()(`${base}/big-declared`))).reason).toBe('too_large')
    expect((await failure(fetcher()(`${base}/big-chunked`))).reason).toBe('too_large')
    expect(await fetcher({ maxBytes: 1024 * 1024 })(`${base}/big-chunked`)).toEqual({ padding: 'x'.repeat(200_000) })
  })

  it('refuses anything that is not JSON', async () => {
    expect((await failure(fetcher()(`${base}/html`))).reason).toBe('not_json')
    expect((await failure(fetcher()(`${base}/not-json`))).reason).toBe('not_json')
  })

  it('follows redirects only to allowed addresses, and not forever', async () => {
    expect(await fetcher()(`${base}/to-ok`)).toEqual({ hello: 'world' })
    const toHttp = await failure(fetcher()(`${base}/to-http`))
    expect(toHttp.reason).toBe('redirect')
    expect(toHttp.message).toMatch(/not https/)
    expect((await failure(fetcher()(`${base}/loop`))).reason).toBe('redirect')
  })

  it('reports HTTP errors with their status', async () => {
    const error = await failure(fetcher()(`${base}/missing`))
    expect(error).toMatchObject({ reason: 'http_status', status: 404 })
  })

  it('rewrites addresses for tests, applying the https rule to both', async () => {
    const mapped = createOnlineFetcher({ timeoutMs: 500, maxBytes: 1024, allowHttpForHosts: ['127.0.0.1'], rewrite: () => `${base}/ok` })
    expect(await mapped('https://issuer.example/profile.json')).toEqual({ hello: 'world' })
    expect((await failure(mapped('http://issuer.example/profile.json'))).reason).toBe('not_https')
  })
})
