/** Small helpers for the importer tests. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { ImportError, readCredentialFile, type ImportFailure, type ParsedCredential } from '../../../electron/core/importers'
import { FIXTURE_DIR } from '../../fixtures/importers/make-fixtures'

export const bytesOf = (v: string | object | Uint8Array): Uint8Array =>
  v instanceof Uint8Array ? v : new Uint8Array(Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8'))

/** Reads a JSON object, text or bytes as a credential file. */
export const read = (v: string | object | Uint8Array, name = 'file.json'): ParsedCredential => readCredentialFile(bytesOf(v), name)

/** The project's own committed fixture. */
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)))

/** The ImportError thrown by `fn` (fails the test if it returns or throws anything else). */
export function refusal(fn: () => unknown): ImportError {
  let error: unknown = null
  try {
    fn()
  } catch (e) {
    error = e
  }
  expect(error, 'expected an ImportError').toBeInstanceOf(ImportError)
  return error as ImportError
}

export function expectRefused(v: string | object | Uint8Array, reason: ImportFailure, message?: RegExp, name = 'file.json'): ImportError {
  const e = refusal(() => read(v, name))
  expect(e.reason, e.message).toBe(reason)
  if (message) expect(e.message).toMatch(message)
  return e
}

export const skillNames = (c: ParsedCredential, source?: string) => c.skills.filter((s) => source === undefined || s.source === source).map((s) => s.name)
