/** Free-text tokens (aliases): Enter or comma adds, Backspace in an empty box removes the last. */
import { useId, useState } from 'react'
import { Icon } from './Icon'

export function TagInput({ label, value, onChange, error, hint, placeholder }: { label: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined; hint?: string; placeholder?: string }) {
  const id = useId()
  const [text, setText] = useState('')
  const commit = () => {
    const t = text.trim().replace(/,$/, '').trim()
    if (t && !value.some((v) => v.toLocaleLowerCase() === t.toLocaleLowerCase())) onChange([...value, t])
    setText('')
  }
  return (
    <div className={['field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div
        className="combo-box input"
        onMouseDown={(e) => {
          if (e.target === e.currentTarget) {
            e.preventDefault()
            e.currentTarget.querySelector('input')?.focus()
          }
        }}
      >
        {value.map((v, i) => (
          <span className="token" key={v}>
            <span className="token-label">{v}</span>
            <button type="button" className="token-remove" aria-label={`Remove ${v}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              <Icon name="x" size={12} />
            </button>
          </span>
        ))}
        <input
          id={id}
          className="combo-input"
          value={text}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          onChange={(e) => {
            if (e.target.value.endsWith(',')) {
              setText(e.target.value)
              const t = e.target.value.slice(0, -1).trim()
              if (t && !value.some((v) => v.toLocaleLowerCase() === t.toLocaleLowerCase())) onChange([...value, t])
              setText('')
            } else setText(e.target.value)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && text.trim()) {
              e.preventDefault()
              commit()
            } else if (e.key === 'Backspace' && !text && value.length) {
              onChange(value.slice(0, -1))
            }
          }}
          onBlur={commit}
        />
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}
