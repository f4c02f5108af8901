/**
 * Money for people to read, one way everywhere: the app's screens, the command line, the PDF
 * documents and the plan's reasons. Pure TypeScript (Intl only), so shared by every side.
 */

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY, 3 for BHD); 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * Money in minor units, formatted for its currency with the currency's own digits:
 * "$49.50", "€1,299.99", "¥500", "BHD 1.234"; "Free" for nothing; '' for no amount.
 * English by default, so documents and stored text do not depend on the machine; the
 * renderer passes the person's own locale. A malformed code reads "12.50 US".
 */
export function formatMoney(m: { amountMinor: number; currency: string } | null | undefined, locale = 'en'): string {
  if (!m) return ''
  if (m.amountMinor === 0) return 'Free'
  const digits = currencyDigits(m.currency)
  const value = m.amountMinor / 10 ** digits
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(value)
  } catch {
    return `${value.toFixed(digits)} ${m.currency}`
  }
}
