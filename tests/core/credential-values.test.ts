/**
 * credentialValuesAsStored (shared/schemas.ts) lets an import skip the credential schema when its
 * values are already in their stored form. It must never accept what CredentialInput refuses or
 * would change: compared here with the schema on every field's edge cases, hostile text, random
 * drafts, and the drafts toCredential makes from every fixture file (and the shared corpus).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CREDENTIAL_VALUE_KEYS, CredentialInput } from '../../electron/shared/schemas'
import type * as Schemas from '../../electron/shared/schemas'
import { isStoredText, safeText } from '../../electron/shared/text-rules'
import { LIMITS } from '../../electron/shared/limits'
import { sharedPath } from '../helpers/shared-data'

// Every draft toCredential checks, as it was when checked.
const drafts = vi.hoisted(() => [] as Array<Record<string, unknown>>)
vi.mock('../../electron/shared/schemas', async (importOriginal) => {
  const actual = await importOriginal<typeof Schemas>()
  return {
    ...actual,
    credentialValuesAsStored: (draft: Record<string, unknown>) => {
      drafts.push(structuredClone(draft))
      return actual.credentialValuesAsStored(draft)
    },
  }
})
const { credentialValuesAsStored } = await vi.importActual<typeof Schemas>('../../electron/shared/schemas')
const { readCredentialFile } = await import('../../electron/core/importers')
const { toCredential } = await import('../../electron/core/imports/to-credential')

/** The fast answer, when there is one, is the schema's answer, key for key and in its order. */
function agrees(draft: Record<string, unknown>): { fast: boolean } {
  const fast = credentialValuesAsStored(draft)
  const schema = CredentialInput.safeParse(draft)
  if (fast !== null) {
    expect(schema.success, `accepted what the schema refuses: ${JSON.stringify(draft)}`).toBe(true)
    expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data))
  }
  return { fast: fast !== null }
}

const BASE: Record<string, unknown> = {
  title: 'Badge 12: SQL basics',
  kind: 'badge',
  status: 'earned',
  provider: null,
  issuerName: 'Example Academy',
  issuerUrl: 'https://academy.example.org',
  earnedOn: '2024-03-12',
  expiresOn: null,
  credentialCode: 'urn:uuid:00000000-0000-4000-8000-000000000012',
  verificationUrl: null,
  description: 'Awarded for completing the course\nand its project.',
  skills: [{ name: 'SQL', origin: 'alignment' }, { name: 'Topic 12', origin: 'tag' }],
}

const HOSTILE = ['\u001b[2J', 'a\u0000b', 'Ada\u202Efdp.exe', 'x\u2066y\u2069', 'a\u009b2J', 'ab\u007f', '\u200f\u05e9\u05dc\u05d5\u05dd']
const TEXTS = [
  'plain', '', ' ', ' padded ', 'trailing ', 'a\tb', 'a\nb', 'a\r\nb', 'a\rb', 'x\u2028y', 'x\u2029y', '😀 emoji', '\ud800 lone', 'ﬁ ligature', ...HOSTILE,
  ...[LIMITS.nameChars, LIMITS.shortTextChars, LIMITS.titleChars, LIMITS.urlChars].flatMap((n) => ['x'.repeat(n), 'x'.repeat(n + 1), `${'😀'.repeat(n / 2)}`]),
  'x'.repeat(LIMITS.longTextChars), 'x'.repeat(LIMITS.longTextChars + 1),
]
const URLS = [
  'https://a.example', 'http://a.example/x?y=1#z', 'HTTPS://A.EXAMPLE', 'https://exa mple.com', 'https://', 'https:/x', 'http:example.com', 'ftp://a.example',
  'javascript:alert(1)', ' https://a.example', 'https://a.example\t', 'https://a.example/\u001b', 'https://xn--nxasmq6b.example', 'https://[::1]/', 'https://a.example:99999',
  `https://a.example/${'x'.repeat(LIMITS.urlChars)}`,
]
const DATES = ['2024-02-29', '2023-02-29', '1899-12-31', '1900-01-01', '2200-12-31', '2201-01-01', '2024-1-01', '2024-02-30', '2024-02-30T00:00', '2024-13-01', '']
const SKILL_LISTS: unknown[] = [
  [], undefined, null, 'SQL', [null], ['SQL'], [{ name: '' }], [{ name: ' SQL' }], [{ name: 'SQL', level: 'expert' }], [{ name: 'SQL', level: 'guru' }],
  [{ name: 'SQL', origin: 'typed' }], [{ name: 'SQL', origin: 'rumour' }], [{ name: 'SQL', origin: 'tag', extra: 1 }], [{ name: 'x'.repeat(LIMITS.nameChars + 1) }],
  [{ name: 'a\tb' }], [{ name: '\u202Ex' }], Array.from({ length: LIMITS.skillsPerRecord }, (_, i) => ({ name: `S${i}` })),
  Array.from({ length: LIMITS.skillsPerRecord + 1 }, (_, i) => ({ name: `S${i}` })),
]
const VARIANTS: Record<string, unknown[]> = {
  title: [...TEXTS, null, undefined, 42],
  kind: ['badge', 'academic', 'other', 'nonsense', null, undefined],
  status: ['earned', 'revoked', undefined, null, 'bogus'],
  provider: [...TEXTS, null, undefined, 7],
  issuerName: [...TEXTS, null, undefined],
  issuerUrl: [...URLS, ...TEXTS, null, undefined],
  startedOn: [...DATES, null, undefined],
  earnedOn: [...DATES, null, undefined],
  expiresOn: [...DATES, null, undefined],
  hours: [null, undefined, 3, -1, 'x'],
  cost: [null, undefined, { amountMinor: 100, currency: 'USD' }, { amountMinor: 1.5, currency: 'usd' }],
  credentialCode: [...TEXTS, null, undefined],
  verificationUrl: [...URLS, null, undefined],
  description: [...TEXTS, null, undefined],
  notes: [...TEXTS, null, undefined],
  skills: SKILL_LISTS,
  extra: ['ignored by both'],
}

describe('credentialValuesAsStored', () => {
  it('knows exactly the fields of CredentialInput', () => {
    expect([...CREDENTIAL_VALUE_KEYS]).toEqual(Object.keys(CredentialInput.shape))
  })

  it('takes an import-like draft as it is, and the schema agrees', () => {
    expect(agrees(BASE).fast).toBe(true)
    expect(agrees({ ...BASE, skills: undefined, status: undefined }).fast).toBe(true)
  })

  it('agrees with the schema on every edge case of every field', () => {
    let fast = 0
    let checked = 0
    for (const [field, values] of Object.entries(VARIANTS)) {
      for (const value of values) {
        fast += Number(agrees({ ...BASE, [field]: value }).fast)
        checked++
      }
    }
    expect(fast).toBeGreaterThan(checked / 4) // the fast answer is given often, not only refused
  })

  it('agrees with the schema on random drafts', () => {
    let seed = 12345
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const fields = Object.keys(VARIANTS)
    for (let i = 0; i < 3000; i++) {
      const draft: Record<string, unknown> = { ...BASE }
      for (let k = random(5); k >= 0; k--) {
        const field = fields[random(fields.length)]!
        draft[field] = VARIANTS[field]![random(VARIANTS[field]!.length)]
      }
      agrees(draft)
    }
  })

  it('isStoredText: what it accepts, safeText accepts and keeps unchanged', () => {
    for (const value of [...TEXTS, ...URLS]) {
      for (const options of [{ max: 120 }, { max: LIMITS.longTextChars, multiline: true }, { max: 300, trim: false }, { max: LIMITS.urlChars }]) {
        if (!isStoredText(value, options)) continue
        const parsed = safeText(options).safeParse(value)
        expect(parsed.success && parsed.data === value, JSON.stringify({ value, options })).toBe(true)
      }
    }
  })
})

/** Files under `dir` (recursively). */
function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesIn(path) : [path]
  })
}

describe('the drafts toCredential makes from real files', () => {
  it('are answered alike by credentialValuesAsStored and the schema (fixtures and the shared corpus)', () => {
    const corpus = sharedPath('fixtures', 'credentials')
    const dirs = [resolve(__dirname, '../fixtures/importers'), resolve(__dirname, '../fixtures/verify'), ...(corpus ? [corpus] : [])]
    let files = 0
    for (const path of dirs.flatMap(filesIn)) {
      let parsed
      try {
        parsed = readCredentialFile(new Uint8Array(readFileSync(path)), path)
      } catch {
        continue // not a credential (or refused): nothing to convert
      }
      drafts.length = 0
      toCredential(parsed)
      expect(drafts.length).toBeGreaterThan(0)
      for (const draft of drafts) agrees(draft)
      files++
    }
    expect(files).toBeGreaterThan(20)
  })
})
