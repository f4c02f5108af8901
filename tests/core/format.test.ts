/** One formatMoney (electron/shared/format) for the screens, the command line, the PDFs and the plan's reasons. */
import { describe, expect, it } from 'vitest'
import { currencyDigits, formatMoney } from '../../electron/shared/format'
import * as pdfFormat from '../../electron/core/pdf/format'

describe('formatMoney', () => {
  it.each([
    [{ amountMinor: 4950, currency: 'USD' }, '$49.50'],
    [{ amountMinor: 101700, currency: 'USD' }, '$1,017.00'],
    [{ amountMinor: 129999, currency: 'EUR' }, '€1,299.99'],
    [{ amountMinor: 5, currency: 'USD' }, '$0.05'],
    [{ amountMinor: 500, currency: 'JPY' }, '¥500'],
    [{ amountMinor: 1234, currency: 'BHD' }, 'BHD\u00a01.234'],
    [{ amountMinor: 1250, currency: 'US' }, '12.50 US'], // not a currency code at all
    [{ amountMinor: 0, currency: 'USD' }, 'Free'],
    [null, ''],
    [undefined, ''],
  ])('%j -> %s', (money, text) => {
    expect(formatMoney(money)).toBe(text)
  })

  it('is English unless a locale is asked for, with the currency’s own digits', () => {
    expect(formatMoney({ amountMinor: 129999, currency: 'EUR' }, 'de-DE')).toBe('1.299,99\u00a0€')
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'de-DE')).toBe('500\u00a0¥')
    expect([currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('BHD'), currencyDigits('US')]).toEqual([2, 0, 3, 2])
  })

  it('is the one the PDF documents use', () => {
    expect(pdfFormat.formatMoney).toBe(formatMoney)
  })
})
