/** The shipped credential catalog (resources/credentials): real programs, valid data, priced and dated. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { credentialCatalogFrom, CredentialCatalogError, CredentialCatalogFileSchema, loadCredentialCatalog, RatesFileSchema, ratesFrom } from '../../../electron/core/learning-catalog'
import { OFFER_KINDS } from '../../../electron/shared/analysis'
import { BUNDLED_RESOURCES, bundledCatalog } from '../../fixtures/analysis/catalog'

const raw = JSON.parse(readFileSync(join(BUNDLED_RESOURCES, 'credentials', 'catalog.json'), 'utf8')) as { asOf: string; credentials: Record<string, unknown>[] }
const rates = JSON.parse(readFileSync(join(BUNDLED_RESOURCES, 'credentials', 'rates.json'), 'utf8')) as { asOf: string; perUsd: Record<string, number> }
const skillIds = new Set(bundledCatalog().skills.map((s) => s.id))
const catalog = loadCredentialCatalog(BUNDLED_RESOURCES, skillIds)

describe('the shipped credential catalog', () => {
  it('loads and validates against the skills taxonomy, with at least 150 entries and unique ids', () => {
    expect(catalog.credentials.length).toBeGreaterThanOrEqual(150)
    expect(new Set(catalog.credentials.map((c) => c.id)).size).toBe(catalog.credentials.length)
    const unknown = catalog.credentials.flatMap((c) => c.skills.filter((s) => !skillIds.has(s)).map((s) => `${c.id}: ${s}`))
    expect(unknown).toEqual([])
  })

  it('gives every entry an https page, a valid kind, hours, a price in a currency the rate table knows, and its as-of month', () => {
    for (const c of catalog.credentials) {
      expect(new URL(c.url).protocol, c.id).toBe('https:')
      expect(OFFER_KINDS, c.id).toContain(c.kind)
      expect(c.hours, c.id).toBeGreaterThan(0)
      expect(Number.isInteger(c.price.amountMinor) && c.price.amountMinor >= 0, c.id).toBe(true)
      expect(rates.perUsd[c.price.currency], c.id).toBeGreaterThan(0)
      expect(c.asOf, c.id).toBe('2026-11')
      // Self-study never awards a certificate; a certification exam always does.
      if (c.kind === 'self-study') expect(c.certificate, c.id).toBe(false)
      if (c.kind === 'certification') expect(c.certificate, c.id).toBe(true)
    }
    expect(raw.asOf).toBe('2026-11')
    expect(catalog.note).toMatch(/estimates from the providers’ public list prices as of 2026-11/)
    expect(catalog.rates.source).toMatch(/estimates/)
    expect(rates.asOf).toBe('2026-11-01')
  })

  it('covers the providers and platforms people know, paid and free', () => {
    const names = new Set(catalog.credentials.flatMap((c) => [c.provider, c.platform ?? c.provider]))
    for (const n of ['Coursera', 'edX', 'Udacity', 'AWS', 'Microsoft', 'Google Cloud', 'CompTIA', 'Cisco', 'Salesforce', 'HubSpot Academy', 'Google', 'Meta', 'IBM', 'freeCodeCamp', 'DataTalks.Club', 'The Odin Project', 'Kaggle', 'Le Wagon', 'General Assembly', 'Springboard', 'DeepLearning.AI']) {
      expect(names.has(n), n).toBe(true)
    }
    const kinds = new Set(catalog.credentials.map((c) => c.kind))
    for (const k of ['platform', 'bootcamp', 'certification', 'self-study'] as const) expect(kinds.has(k), k).toBe(true)
    expect(catalog.credentials.filter((c) => c.price.amountMinor === 0).length).toBeGreaterThanOrEqual(30)
    // Known examples, priced as estimates.
    expect(catalog.byId.get('google-data-analytics')).toMatchObject({ provider: 'Google', platform: 'Coursera', url: 'https://www.coursera.org/professional-certificates/google-data-analytics', certificate: true })
    expect(catalog.byId.get('aws-cloud-practitioner')).toMatchObject({ kind: 'certification', price: { amountMinor: 10_000, currency: 'USD' } })
    expect(catalog.byId.get('odin-foundations')).toMatchObject({ kind: 'self-study', certificate: false, price: { amountMinor: 0 } })
  })

  it('finds the programs for a skill', () => {
    expect(catalog.bySkill.get('power-bi')!.map((c) => c.id)).toEqual(expect.arrayContaining(['ms-pl-300', 'coursera-microsoft-power-bi-analyst']))
  })
})

describe('exchange rates', () => {
  it('converts through the base currency, rounding up to whole units, and knows what it cannot convert', () => {
    const r = ratesFrom({ asOf: '2026-11-01', base: 'USD', source: 'test', perUsd: { USD: 1, GBP: 0.8, JPY: 150 } })
    expect(r.convert({ amountMinor: 4_900, currency: 'USD' }, 'GBP')).toEqual({ amountMinor: 4_000, currency: 'GBP' })
    expect(r.convert({ amountMinor: 4_000, currency: 'GBP' }, 'JPY')).toEqual({ amountMinor: 7_500, currency: 'JPY' })
    expect(r.convert({ amountMinor: 100, currency: 'USD' }, 'USD')).toEqual({ amountMinor: 100, currency: 'USD' })
    expect(r.convert({ amountMinor: 100, currency: 'XYZ' }, 'USD')).toBeNull()
    expect(r.knows('GBP')).toBe(true)
  })
})

describe('broken catalog files', () => {
  const base = { version: '2026.11', asOf: '2026-11', note: 'n', credentials: [raw.credentials[0]] }
  const parse = (patch: Record<string, unknown>) => CredentialCatalogFileSchema.safeParse({ ...base, credentials: [{ ...raw.credentials[0], ...patch }] })
  it('are refused with the field that is wrong', () => {
    expect(parse({ url: 'http://example.org' }).success).toBe(false)
    expect(parse({ kind: 'degree' }).error?.issues[0]?.message).toMatch(/must be one of: platform, bootcamp, employer, certification, self-study/)
    expect(parse({ kind: 'self-study', certificate: true }).error?.issues[0]?.message).toBe('self-study never awards a certificate')
    expect(parse({ asOf: '2026' }).success).toBe(false)
    const file = CredentialCatalogFileSchema.parse({ ...base, credentials: [{ ...raw.credentials[0], skills: ['no-such-skill'] }] })
    const r = RatesFileSchema.parse(rates)
    expect(() => credentialCatalogFrom(file, r, skillIds)).toThrow(CredentialCatalogError)
    expect(() => credentialCatalogFrom(file, r, skillIds)).toThrow(/skills: "no-such-skill" is not a skill of the taxonomy/)
    expect(() => loadCredentialCatalog('/nonexistent-resources')).toThrow(/catalog.json: could not be read/)
  })
})
