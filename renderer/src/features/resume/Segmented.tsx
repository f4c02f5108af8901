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
  hint,
}: {
  label: string
  value: T
  options: ReadonlyArray<SegmentOption<T>>
  onChange: (value: T) => void
  size?: 'sm' | 'md'
  hideLabel?: boolean
  /** A line under the switch that says what the current choice does. */
  hint?: string
}) {
  const name = useId()
  const labelId = `${name}-label`
  const hintId = `${name}-hint`
  return (
    <div className="seg-field">
      <div className={hideLabel ? 'sr-only' : 'field-label'} id={labelId}>
        {label}
      </div>
      <div className={`seg seg-${size}`} role="radiogroup" aria-labelledby={labelId} aria-describedby={hint ? hintId : undefined}>
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'seg-option is-on' : 'seg-option'}>
            <input type="radio" className="seg-input" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span className="seg-text">{o.label}</span>
          </label>
        ))}
      </div>
      {hint ? (
        <p className="seg-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}
