/**
 * Shared pieces of the verification tests: reading credential files through the real importer,
 * a minimal ParsedCredential for documents the importer (rightly) refuses, and a local HTTP
 * server that answers for the web addresses credentials name (127.0.0.1, port 0).
 */
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { readCredentialFile } from '../../../electron/core/importers/index'
import type { ParsedCredential } from '../../../electron/core/importers/types'
import { createOnlineFetcher } from '../../../electron/core/verify/online-fetch'
import { didWebUrl } from '../../../electron/core/verify/keys'

/** The clock of every verification test: the day the corpus was checked. */
export const NOW = new Date('2026-11-28T12:00:00Z')
export const now = () => NOW

export const OWN_FIXTURES = join(__dirname, '../../fixtures/verify')

export function parseFile(path: string): ParsedCredential {
  return readCredentialFile(new Uint8Array(readFileSync(path)), path.split('/').pop()!)
}

/** A bare ParsedCredential around a JSON-LD document (status lists, which are not importable credentials). */
export function parsedDocument(document: Record<string, unknown>, format: ParsedCredential['format'] = 'vc'): ParsedCredential {
  return {
    format,
    container: 'json',
    sourceId: typeof document.id === 'string' ? document.id : null,
    title: null,
    description: null,
    criteria: null,
    achievementType: null,
    issuer: { id: null, name: null, url: null },
    issuedOn: null,
    expiresOn: null,
    recipient: { name: null, identity: null, type: null, hashed: false, salt: null },
    skills: [],
    image: null,
    urls: { verify: null, badge: null, evidence: [] },
    document,
    jws: null,
    warnings: [],
  }
}

export interface Route {
  file?: string
  status?: number
  contentType?: string
  body?: string | Buffer
  delayMs?: number
  headers?: Record<string, string>
}

export interface LocalWeb {
  port: number
  /** Requested URLs (the original addresses, as the verifier named them). */
  requests: string[]
  /** A fetcher that sends every address to this server (and allows http only to it and `httpHosts`). */
  fetcher(options?: { timeoutMs?: number; maxBytes?: number; httpHosts?: string[] }): (url: string) => Promise<unknown>
  close(): Promise<void>
}

/**
 * Serves `routes` (original URL → file or canned answer). The fetcher rewrites an address to
 * http://127.0.0.1:<port>/?u=<address>; unknown addresses answer 404.
 */
export async function localWeb(routes: Record<string, Route>): Promise<LocalWeb> {
  const requests: string[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const target = url.searchParams.get('u') ?? `http://127.0.0.1${url.pathname}`
    requests.push(target)
    const route = routes[target]
    const answer = () => {
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      const body = route.body ?? (route.file ? readFileSync(route.file) : '')
      res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'application/json', ...route.headers })
      res.end(body)
    }
    if (route?.delayMs) setTimeout(answer, route.delayMs)
    else answer()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    requests,
    fetcher: (options = {}) =>
      createOnlineFetcher({
        timeoutMs: options.timeoutMs ?? 5000,
        maxBytes: options.maxBytes ?? 1024 * 1024,
        allowHttpForHosts: ['127.0.0.1', ...(options.httpHosts ?? [])],
        rewrite: (url) => (url.hostname === '127.0.0.1' ? null : `http://127.0.0.1:${port}/?u=${encodeURIComponent(url.href)}`),
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The MANIFEST's URL → support file map, with DIDs turned into the https address of their document. */
export function supportRoutes(credentialsDir: string): Record<string, Route> {
  const support = (p: string) => ({ file: join(credentialsDir, 'support', p) })
  const routes: Record<string, Route> = {
    'http://example.org/key1.json': support('ob2-hosted/key1.json'),
    'http://example.org/key3.json': support('ob2-hosted/key3.json'),
    'https://example.org/robotics-badge.json': support('ob2-hosted/robotics-badge.json'),
    'https://example.org/organization.json': support('ob2-hosted/organization.json'),
    'https://example.org/badge-from-organization-with-revocation-list.json': support('ob2-hosted/badge-from-organization-with-revocation-list.json'),
    'https://example.org/organization-with-revocation-list.json': support('ob2-hosted/organization-with-revocation-list.json'),
    'http://example.org/revocation-list.json': support('ob2-hosted/revocation-list.json'),
    [didWebUrl('did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf')!]: support('did/dcc-fixtures-oidf-did.json'),
    [didWebUrl('did:web:credentials.andamio.io')!]: support('did/andamio-did.json'),
    'https://credentials.andamio.io/context/v1.jsonld': support('contexts/andamio-context-v1.jsonld'),
    'https://credentials.andamio.io/status/key-epoch-2026-07.json': support('status/andamio-key-epoch-2026-07.json'),
    'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj': support('status/dcc-fixtures-statuslist-e5wk8cbz1gjycupombrj.json'),
    'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj': support('status/dcc-fixtures-statuslist-e5wk8cbz1gjycupombrj.json'),
    'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist': { ...support('status/1edtech-testlist.json'), contentType: 'text/plain; charset=utf-8' },
  }
  return routes
}
