/**
 * A segmented switch built on native radio buttons: one Tab stop, Left/Right (or Up/Down)
 * move the choice, and screen readers hear "radio, 1 of 3".
 */
import { useId } from 'react'

export interface SegmentOption<T extends string> {
  value: T
  label: string
}

export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  size = 'md',
  hideLabel,
}: {
  label: string
  value: T
  options: ReadonlyArray<SegmentOption<T>>
  onChange: (value: T) => void
  size?: 'sm' | 'md'
  hideLabel?: boolean
}) {
  const name = useId()
  const labelId = `${name}-label`
  return (
    <div className="seg-field">
      <div className={hideLabel ? 'sr-only' : 'field-label'} id={labelId}>
        {label}
      </div>
      <div className={`seg seg-${size}`} role="radiogroup" aria-labelledby={labelId}>
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'seg-option is-on' : 'seg-option'}>
            <input type="radio" className="seg-input" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span className="seg-text">{o.label}</span>
          </label>
        ))}
      </div>
    </div>
  )
}
