/** Settings: the currency learning plans show prices in (converted estimates, the provider's price alongside). */
import { useId, useState } from 'react'
import { call } from '../../api'
import { useInvalidate } from '../../data'
import { formatDate } from '../../format'
import { ErrorBanner } from '../../ui/Feedback'
import { Select } from '../../ui/Field'
import { useToast } from '../../ui/Toast'
import { CURRENCIES, currencyLabel, DEFAULT_CURRENCY, RATES_AS_OF } from '../../shared'


const OPTIONS = CURRENCIES.map((code) => ({ value: code, label: currencyLabel(code) }))

export function CurrencySetting({ currency: stored }: { currency: string | undefined }) {
  const id = useId()
  const current = stored ?? DEFAULT_CURRENCY
  // The choice shows at once; it goes back if saving fails.
  const [value, setValue] = useState(current)
  const [seen, setSeen] = useState(current)
  if (seen !== current) {
    setSeen(current)
    setValue(current)
  }
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const invalidate = useInvalidate()
  const toast = useToast()
  // A code saved before (by the command line, or an older table) stays choosable.
  const options = OPTIONS.some((o) => o.value === current) ? OPTIONS : [{ value: current, label: currencyLabel(current) }, ...OPTIONS]

  const choose = async (next: string) => {
    if (saving || next === value) return
    setValue(next)
    setSaving(true)
    setFailure(null)
    try {
      const saved = await call('settings:update', { currency: next })
      invalidate()
      toast.show(`Plans show prices in ${currencyLabel(saved.currency ?? next)}`)
    } catch (error) {
      setValue(current)
      setFailure(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 className="card-title" id={`${id}-title`}>
          Prices
        </h2>
      </div>
      {failure ? <ErrorBanner title="Not changed" error={failure} /> : null}
      <Select
        label="Currency"
        value={value}
        onChange={(next) => void choose(next)}
        options={options}
        aria-busy={saving || undefined}
        fieldClassName="currency-setting"
        hint={`Learning plans show prices in this currency, converted with exchange rates as of ${formatDate(RATES_AS_OF)} (estimates), with the provider’s own price alongside.`}
      />
    </section>
  )
}
