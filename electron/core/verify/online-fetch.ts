/**
 * The only way the verifier reaches the network, and only when the user has turned on online
 * checks: GET a JSON document over https, with a timeout, a size limit, no cookies, redirects
 * followed by hand (at most 3, each checked again), and anything that is not JSON refused.
 */

export type FetchJson = (url: string) => Promise<unknown>

export type FetchFailure = 'bad_url' | 'not_https' | 'timeout' | 'too_large' | 'not_json' | 'http_status' | 'redirect' | 'network'

export class FetchError extends Error {
  readonly reason: FetchFailure
  readonly url: string
  readonly status: number | null
  constructor(reason: FetchFailure, url: string, message: string, status: number | null = null) {
    super(message)
    this.name = 'FetchError'
    this.reason = reason
    this.url = url
    this.status = status
  }
}

export interface OnlineFetcherOptions {
  /** Whole request, body included. */
  timeoutMs: number
  /** Largest body accepted, in bytes. */
  maxBytes: number
  /** Hosts that may be fetched over plain http (tests: 127.0.0.1). Everything else must be https. */
  allowHttpForHosts?: readonly string[]
  /**
   * Maps the URL a credential names to the URL actually requested (tests point example.org at a
   * local server). Return null to leave the URL as it is. Both URLs must pass the https rule.
   */
  rewrite?: (url: URL) => string | null
  maxRedirects?: number
}

const JSON_TYPES = /^(application\/([\w.+-]+\+)?json|application\/ld\+json|text\/plain|application\/octet-stream)\s*(;|$)/i

export function createOnlineFetcher(options: OnlineFetcherOptions): FetchJson {
  const allowHttp = new Set((options.allowHttpForHosts ?? []).map((h) => h.toLowerCase()))
  const maxRedirects = options.maxRedirects ?? 3

  const checkUrl = (raw: string, original: string): URL => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new FetchError('bad_url', original, `${raw} is not a valid web address.`)
    }
    if (url.username || url.password) throw new FetchError('bad_url', original, `${raw} carries credentials; refused.`)
    if (url.protocol === 'https:') return url
    if (url.protocol === 'http:' && allowHttp.has(url.hostname.toLowerCase())) return url
    throw new FetchError('not_https', original, `Refused to fetch ${raw}: only https addresses are fetched.`)
  }

  return async (requested: string) => {
    const logical = checkUrl(requested, requested)
    const rewritten = options.rewrite?.(logical) ?? null
    let target = rewritten ? checkUrl(rewritten, requested) : logical
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), options.timeoutMs)
    try {
      for (let hop = 0; ; hop++) {
        let response: Response
        try {
          response = await fetch(target, {
            redirect: 'manual',
            signal: controller.signal,
            credentials: 'omit',
            headers: { accept: 'application/ld+json, application/json;q=0.9, */*;q=0.1' },
          })
        } catch (error) {
          if (controller.signal.aborted) throw new FetchError('timeout', requested, `${requested} did not answer within ${options.timeoutMs} ms.`)
          throw new FetchError('network', requested, `Could not reach ${requested}: ${(error as Error).message}`)
        }
        if (response.status >= 300 && response.status < 400) {
          await response.body?.cancel()
          const location = response.headers.get('location')
          if (!location || hop >= maxRedirects) throw new FetchError('redirect', requested, `${requested} redirected too often or without a location.`)
          const next = new URL(location, target)
          if (next.protocol !== 'https:' && !(next.protocol === 'http:' && allowHttp.has(next.hostname.toLowerCase()))) {
            throw new FetchError('redirect', requested, `${requested} redirected to ${next.href}, which is not https; refused.`)
          }
          target = next
          continue
        }
        if (!response.ok) {
          await response.body?.cancel()
          throw new FetchError('http_status', requested, `${requested} answered HTTP ${response.status}.`, response.status)
        }
        const type = response.headers.get('content-type') ?? 'application/json'
        if (!JSON_TYPES.test(type)) {
          await response.body?.cancel()
          throw new FetchError('not_json', requested, `${requested} is not JSON (content type ${type}).`)
        }
        const declared = Number(response.headers.get('content-length') ?? NaN)
        if (declared > options.maxBytes) {
          await response.body?.cancel()
          throw new FetchError('too_large', requested, `${requested} is larger than ${options.maxBytes} bytes.`)
        }
        const text = await readLimited(response, options.maxBytes, requested, controller)
        try {
          return JSON.parse(text) as unknown
        } catch {
          throw new FetchError('not_json', requested, `${requested} did not return valid JSON.`)
        }
      }
    } catch (error) {
      if (error instanceof FetchError) throw error
      if (controller.signal.aborted) throw new FetchError('timeout', requested, `${requested} did not answer within ${options.timeoutMs} ms.`)
      throw new FetchError('network', requested, `Could not read ${requested}: ${(error as Error).message}`)
    } finally {
      clearTimeout(timer)
    }
  }
}

async function readLimited(response: Response, maxBytes: number, url: string, controller: AbortController): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      controller.abort()
      await reader.cancel().catch(() => {})
      throw new FetchError('too_large', url, `${url} is larger than ${maxBytes} bytes.`)
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
}
