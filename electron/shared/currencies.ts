/**
 * The currencies plans can show prices in: those the shipped exchange-rate table
 * (resources/credentials/rates.json, the one the core converts with) knows, each with its
 * English name from the browser's own locale data ("GBP — British pound").
 */
import rates from '../../resources/credentials/rates.json'

/** Three-letter codes, alphabetical. */
export const CURRENCIES: readonly string[] = Object.keys(rates.perUsd).sort()

/** The date the rates are from (YYYY-MM-DD). */
export const RATES_AS_OF: string = rates.asOf

/** "British pound": the currency's name as in "1 British pound" (CLDR's sentence-case unit name). */
export function currencyName(code: string): string {
  try {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'name', minimumFractionDigits: 0, maximumFractionDigits: 0 }).formatToParts(1)
    return parts.find((p) => p.type === 'currency')?.value ?? code
  } catch {
    return code
  }
}

/** Plans use US dollars until a currency is chosen. */
export const DEFAULT_CURRENCY = 'USD'

/** "GBP — British pound". */
export const currencyLabel = (code: string) => `${code} — ${currencyName(code)}`
