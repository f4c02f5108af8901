/**
 * The shipped offline catalog of real micro-credentials (resources/credentials/catalog.json)
 * and the dated exchange-rate table (resources/credentials/rates.json) that converts their
 * list prices into the user's currency. Both are read on first use, validated with zod and
 * checked against the skills taxonomy, so the planner can trust them. Prices are estimates as
 * of their `asOf` date; see README.md here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { OFFER_KINDS, type MoneyAmount, type OfferKind } from '../../shared/analysis'
import { currencyDigits } from '../../shared/format'

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0 && s.trim() === s, 'must be non-empty text without leading or trailing spaces')
const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD')
const Price = z.strictObject({ amountMinor: z.number().int('must be whole minor units').min(0, 'cannot be negative'), currency: Currency })

export const CatalogCredentialSchema = z
  .strictObject({
    id: z.string().regex(ID, 'must be a kebab-case id'),
    title: text(160),
    provider: text(80),
    platform: text(80).optional(),
    kind: z.enum(OFFER_KINDS, { error: () => `must be one of: ${OFFER_KINDS.join(', ')}` }),
    /** Typical study hours. */
    hours: z.number().positive('must be more than 0').max(5000),
    /** Typical total price (for a subscription: the monthly price × the months the hours take at 10 h a week). */
    price: Price,
    /** Subscriptions: the price per month. */
    monthly: Price.optional(),
    asOf: z.string().regex(MONTH, 'must be a month like 2026-11'),
    url: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
    certificate: z.boolean(),
    /** Skill ids of resources/taxonomy/skills.json. */
    skills: z.array(z.string().regex(ID, 'must be a skill id')).min(1, 'needs at least one skill').max(20),
  })
  .refine((c) => c.kind !== 'self-study' || !c.certificate, { message: 'self-study never awards a certificate', path: ['certificate'] })
  .refine((c) => !c.monthly || c.monthly.currency === c.price.currency, { message: 'must be in the same currency as price', path: ['monthly'] })
export type CatalogCredential = z.infer<typeof CatalogCredentialSchema>

export const CredentialCatalogFileSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{1,2}$/, 'must be a version like 2026.11'),
  asOf: z.string().regex(MONTH, 'must be a month like 2026-11'),
  note: text(600),
  credentials: z.array(CatalogCredentialSchema).min(1),
})

export const RatesFileSchema = z.strictObject({
  asOf: z.iso.date('must be a date like 2026-11-01'),
  base: Currency,
  source: text(400),
  /** Units of each currency per one unit of the base. */
  perUsd: z.record(Currency, z.number().positive('must be more than 0')),
})
export type RatesFile = z.infer<typeof RatesFileSchema>

export interface CredentialCatalog {
  version: string
  asOf: string
  note: string
  credentials: readonly CatalogCredential[]
  byId: ReadonlyMap<string, CatalogCredential>
  /** Entries covering each skill id. */
  bySkill: ReadonlyMap<string, readonly CatalogCredential[]>
  rates: Rates
}

export interface Rates {
  asOf: string
  source: string
  /** Whether a currency can be converted. */
  knows(currency: string): boolean
  /** `m` in `currency`, rounded up to a whole unit (an estimate); null when either currency is unknown. */
  convert(m: MoneyAmount, currency: string): MoneyAmount | null
}

export class CredentialCatalogError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${message}`)
    this.name = 'CredentialCatalogError'
  }
}

function parse<T>(file: string, schema: z.ZodType<T>, raw: string): T {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    throw new CredentialCatalogError(file, '', `is not valid JSON (${(error as Error).message})`)
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new CredentialCatalogError(file, issue.path.join('.'), issue.message)
  }
  return result.data
}

export function ratesFrom(file: RatesFile): Rates {
  const per = new Map(Object.entries(file.perUsd))
  if (per.get(file.base) !== 1) throw new CredentialCatalogError('rates.json', 'perUsd', `must give the base ${file.base} as 1`)
  return {
    asOf: file.asOf,
    source: file.source,
    knows: (currency) => per.has(currency),
    convert(m, currency) {
      if (m.currency === currency) return m
      const from = per.get(m.currency)
      const to = per.get(currency)
      if (from === undefined || to === undefined) return null
      const value = (m.amountMinor / 10 ** currencyDigits(m.currency)) * (to / from)
      const digits = currencyDigits(currency)
      // An estimate: whole units, rounded up so a budget is never overstated.
      return { amountMinor: Math.ceil(value - 1e-9) * 10 ** digits, currency }
    },
  }
}

/** Builds the catalog's lookups; `skillIds` (the taxonomy's ids) makes unknown skills an error. */
export function credentialCatalogFrom(
  file: z.infer<typeof CredentialCatalogFileSchema>,
  rates: RatesFile,
  skillIds?: ReadonlySet<string>,
): CredentialCatalog {
  const byId = new Map<string, CatalogCredential>()
  const bySkill = new Map<string, CatalogCredential[]>()
  file.credentials.forEach((c, i) => {
    if (byId.has(c.id)) throw new CredentialCatalogError('catalog.json', `credentials[${i}].id`, `"${c.id}" is used twice`)
    byId.set(c.id, c)
    for (const s of c.skills) {
      if (skillIds && !skillIds.has(s)) throw new CredentialCatalogError('catalog.json', `credentials[${i}] (id "${c.id}").skills`, `"${s}" is not a skill of the taxonomy`)
      const list = bySkill.get(s)
      if (list) list.push(c)
      else bySkill.set(s, [c])
    }
    if (!rates.perUsd[c.price.currency]) throw new CredentialCatalogError('catalog.json', `credentials[${i}] (id "${c.id}").price.currency`, `${c.price.currency} has no exchange rate in rates.json`)
  })
  return { version: file.version, asOf: file.asOf, note: file.note, credentials: file.credentials, byId, bySkill, rates: ratesFrom(rates) }
}

const cache = new Map<string, CredentialCatalog>()

/**
 * The shipped catalog under `<resourcesDir>/credentials`, loaded once per folder. `skillIds`
 * (the taxonomy's) checks that every skill an entry covers exists.
 */
export function loadCredentialCatalog(resourcesDir: string, skillIds?: ReadonlySet<string>): CredentialCatalog {
  const hit = cache.get(resourcesDir)
  if (hit) return hit
  const dir = join(resourcesDir, 'credentials')
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8')
    } catch (error) {
      throw new CredentialCatalogError(name, '', `could not be read from ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  }
  const file = parse('catalog.json', CredentialCatalogFileSchema, read('catalog.json'))
  const rates = parse('rates.json', RatesFileSchema, read('rates.json'))
  const catalog = credentialCatalogFrom(file, rates, skillIds)
  cache.set(resourcesDir, catalog)
  return catalog
}

export type { OfferKind }
