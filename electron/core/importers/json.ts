/**
 * JSON with limits. V8's JSON.parse copes with deep nesting, but everything that walks the
 * result afterwards would not, and a 100,000-level document is never a credential: one linear
 * pass over the text measures the nesting (outside strings) and counts the values before
 * JSON.parse runs, so deep or huge documents fail fast with `too_complex`.
 */
import { LIMITS, MB } from '../../shared/limits'
import { ImportError } from './types'
import { type Json, formatBytes } from './util'

/** Deeper than any real credential (EDC documents reach about 12 levels). */
export const MAX_JSON_DEPTH = LIMITS.jsonDepth
/** Arrays plus objects in one document. */
export const MAX_JSON_CONTAINERS = LIMITS.jsonContainers
export const MAX_JSON_CHARS = LIMITS.jsonChars

export interface JsonOptions {
  /** Names the JSON in messages: "This file", "The badge data in this PNG" … */
  what?: string
}

/** Parses `text` as JSON or throws ImportError (`invalid_json`, `too_complex`, `too_large`). */
export function parseJson(text: string, options: JsonOptions = {}): Json {
  const what = options.what ?? 'This file'
  if (text.length > MAX_JSON_CHARS) throw new ImportError('too_large', `${what} holds ${formatBytes(text.length)} of JSON text, more than Skillfolio reads (${MAX_JSON_CHARS / MB} MB).`)
  let depth = 0
  let containers = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c /* \ */) i++
      else if (c === 0x22 /* " */) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) throw new ImportError('too_complex', `${what} is JSON nested more than ${MAX_JSON_DEPTH} levels deep, which no credential needs; Skillfolio does not read it, for safety.`)
      if (++containers > MAX_JSON_CONTAINERS) throw new ImportError('too_complex', `${what} is JSON with more than ${MAX_JSON_CONTAINERS.toLocaleString('en-US')} lists and objects, which is past Skillfolio's safety limit.`)
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--
  }
  try {
    return JSON.parse(text) as Json
  } catch (e) {
    const detail = e instanceof SyntaxError ? plainJsonError(e.message, text) : ''
    throw new ImportError('invalid_json', `${what} looks like JSON but is not valid JSON${detail}, so it cannot be read.`)
  }
}

/** V8 messages ("Expected ',' or '}' after property value in JSON at position 69") → plain words. */
function plainJsonError(message: string, text: string): string {
  const at = /position (\d+)/.exec(message)
  if (!at) return /end of JSON|Unterminated/i.test(message) ? ' (it ends too early)' : ''
  const pos = Number(at[1])
  let line = 1
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return ` (there is a mistake on line ${line.toLocaleString('en-US')}, character ${(pos + 1).toLocaleString('en-US')})`
}
