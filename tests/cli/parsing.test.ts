/** The command line's own parsers and formatting, without a portfolio. */
import { describe, expect, it } from 'vitest'
import { parseCost, parseHours, parseLink, parseSkills } from '../../electron/cli/fields'
import { currencyDigits, formatMoney } from '../../electron/shared/format'
import { parseOptions } from '../../electron/cli/args'
import { closest } from '../../electron/cli/suggest'
import { table, truncate } from '../../electron/cli/format'
import { CliError } from '../../electron/cli/errors'

describe('parseCost', () => {
  it.each([
    ['49.00 USD', 4900, 'USD'],
    ['USD 49', 4900, 'USD'],
    ['49 usd', 4900, 'USD'],
    ['usd49.5', 4950, 'USD'],
    ['1,299.99 EUR', 129999, 'EUR'],
    ['1,000,000 GBP', 100000000, 'GBP'],
    ['0 USD', 0, 'USD'],
    ['500 JPY', 500, 'JPY'],
    ['1.234 BHD', 1234, 'BHD'],
    ['  7.5   chf ', 750, 'CHF'],
  ])('%s -> %i %s', (raw, amountMinor, currency) => {
    expect(parseCost(raw)).toEqual({ amountMinor, currency })
  })

  it.each([
    ['49.999 USD', /too many decimals: USD has 2 decimal places/],
    ['500.5 JPY', /JPY has no minor units/],
    ['-5 USD', /cannot be negative/],
    ['49 XYZ', /unknown currency code XYZ/],
    ['49 US', /not an amount with a currency/],
    ['49', /needs a currency/],
    ['1,29 USD', /not a number/],
    ['1.2.3 USD', /not a number/],
    ['free', /not an amount/],
    ['', /not an amount/],
  ])('refuses %j', (raw, why) => {
    expect(() => parseCost(raw)).toThrow(CliError)
    expect(() => parseCost(raw)).toThrow(why)
  })

  it('shows what it parsed the way the app does (electron/shared/format)', () => {
    const shown = ['1,299.99 EUR', '500 JPY', '0.05 USD', '1.234 BHD', '0 GBP', '49 usd'].map((raw) => formatMoney(parseCost(raw)))
    expect(shown).toEqual(['€1,299.99', '¥500', '$0.05', 'BHD\u00a01.234', 'Free', '$49.00'])
    expect(currencyDigits('JPY')).toBe(0)
  })
})

describe('other field parsers', () => {
  it('hours are plain decimals', () => {
    expect(parseHours('12.5')).toBe(12.5)
    expect(parseHours('0')).toBe(0)
    expect(parseHours('-3')).toBe(-3) // the core refuses negatives, naming --hours
    for (const bad of ['12h', '1e3', '', 'NaN', '1,5']) expect(() => parseHours(bad)).toThrow(/is not a number of hours/)
  })

  it('skills take optional levels', () => {
    expect(parseSkills('SQL, Python:Advanced ,, C++: expert')).toEqual([
      { name: 'SQL', level: null },
      { name: 'Python', level: 'advanced' },
      { name: 'C++', level: 'expert' },
    ])
    expect(() => parseSkills('SQL:guru')).toThrow(/unknown level "guru"/)
    expect(() => parseSkills(':advanced')).toThrow(/no skill name/)
  })

  it('links take an optional label', () => {
    expect(parseLink('Code=https://example.org/x?a=b')).toEqual({ label: 'Code', url: 'https://example.org/x?a=b' })
    expect(parseLink('https://example.org/x?a=b')).toEqual({ label: null, url: 'https://example.org/x?a=b' })
  })
})

describe('parseOptions', () => {
  const specs = [
    { name: 'cost', type: 'string' as const },
    { name: 'link', type: 'string' as const, multiple: true },
    { name: 'json', type: 'boolean' as const },
  ]
  it('lets values start with a dash and repeats repeatable flags', () => {
    expect(parseOptions(['--cost', '-5 USD', '--link', 'a', '--link=b', 'pos', '--json'], specs, 'x')).toEqual({
      values: { cost: '-5 USD', link: ['a', 'b'], json: true },
      positionals: ['pos'],
    })
    expect(parseOptions(['--', '--json'], specs, 'x').positionals).toEqual(['--json'])
  })
  it('suggests the flag that was meant', () => {
    expect(() => parseOptions(['--cots', '1'], specs, 'add credential')).toThrow('unknown option --cots for add credential (did you mean --cost?)')
    expect(() => parseOptions(['--cost'], specs, 'x')).toThrow('--cost needs a value')
  })
  it('closest() takes typos and unique prefixes, not unrelated words', () => {
    expect(closest('lsit', ['list', 'show'])).toBe('list')
    expect(closest('--expires', ['--earned-on', '--expires-on'])).toBe('--expires-on')
    expect(closest('banana', ['list', 'show'])).toBeNull()
  })
})

describe('tables', () => {
  it('aligns columns, right-aligns numbers and truncates long cells', () => {
    const out = table(
      [{ header: 'ID' }, { header: 'TITLE', max: 10 }, { header: 'HOURS', align: 'right' }],
      [
        ['cred-1', 'Short', '5'],
        ['cred-10', 'A title that is far too long', '120'],
      ],
    )
    expect(out.split('\n')).toEqual(['ID       TITLE       HOURS', 'cred-1   Short           5', 'cred-10  A title t…    120'])
    expect(truncate('Zürich café', 6)).toBe('Züric…')
  })
})
