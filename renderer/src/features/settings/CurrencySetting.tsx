/** Settings: the currency learning plans show prices in (converted estimates, the provider's price alongside). */
import { formatDate } from '../../format'
import { CURRENCIES, currencyLabel, DEFAULT_CURRENCY, RATES_AS_OF } from '../../shared'
import { Select } from '../../ui/Field'
import { SettingsCard, useSetting } from './use-setting'

const OPTIONS = CURRENCIES.map((code) => ({ value: code, label: currencyLabel(code) }))

export function CurrencySetting({ currency: stored }: { currency: string | undefined }) {
  const current = stored ?? DEFAULT_CURRENCY
  const { value, saving, failure, save } = useSetting(current)
  // A code saved before (by the command line, or an older table) stays choosable.
  const options = OPTIONS.some((o) => o.value === current) ? OPTIONS : [{ value: current, label: currencyLabel(current) }, ...OPTIONS]

  const choose = async (next: string) => {
    if (next !== value) await save({ currency: next }, next, (saved) => ({ value: saved.currency ?? next, message: `Plans show prices in ${currencyLabel(saved.currency ?? next)}` }))
  }

  return (
    <SettingsCard title="Prices" failure={failure}>
      <Select
        label="Currency"
        value={value}
        onChange={(next) => void choose(next)}
        options={options}
        aria-busy={saving || undefined}
        fieldClassName="currency-setting"
        hint={`Learning plans show prices in this currency, converted with exchange rates as of ${formatDate(RATES_AS_OF)} (estimates), with the provider’s own price alongside.`}
      />
    </SettingsCard>
  )
}
