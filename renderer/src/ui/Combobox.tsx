/**
 * A type-ahead that adds tokens (ARIA 1.2 combobox with a listbox popup). Up/Down move
 * through the suggestions, Enter picks, Escape closes the popup (and clears the text),
 * Backspace in an empty box removes the last token. The parent draws the tokens.
 * An open popup is scrolled into view when it would be cut off (at the foot of a dialog).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

export interface ComboOption {
  key: string
  label: string
  detail?: string
  /** "Create “text”" rows. */
  create?: boolean
}

export interface ComboboxProps {
  id?: string
  label: string
  placeholder?: string
  /** Suggestions for the text typed so far. */
  fetchOptions: (text: string) => Promise<ComboOption[]>
  onPick: (option: ComboOption) => void
  onRemoveLast?: () => void
  /** Tokens drawn before the input, inside the same box. */
  tokens?: ReactNode
  invalid?: boolean
  describedBy?: string | undefined
  /** How long to wait after a key before asking for suggestions. */
  debounceMs?: number
}

export function Combobox({ id, label, placeholder, fetchOptions, onPick, onRemoveLast, tokens, invalid, describedBy, debounceMs = 120 }: ComboboxProps) {
  const auto = useId()
  const inputId = id ?? auto
  const listId = `${inputId}-listbox`
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [options, setOptions] = useState<ComboOption[]>([])
  const [active, setActive] = useState(0)
  /** The text the current options were fetched for. */
  const [fetchedFor, setFetchedFor] = useState<string | null>(null)
  const seq = useRef(0)
  const popupRef = useRef<HTMLUListElement>(null)
  const fetchRef = useRef(fetchOptions)
  useEffect(() => {
    fetchRef.current = fetchOptions
  })

  useEffect(() => {
    if (!open) return
    const mine = ++seq.current
    const t = setTimeout(() => {
      fetchRef.current(text).then(
        (list) => {
          if (mine !== seq.current) return
          setOptions(list)
          setActive(0)
          setFetchedFor(text)
        },
        () => {
          if (mine !== seq.current) return
          setOptions([])
          setFetchedFor(text)
        },
      )
    }, debounceMs)
    return () => clearTimeout(t)
  }, [text, open, debounceMs])

  const pick = (option: ComboOption) => {
    onPick(option)
    setText('')
    setOptions([])
    setFetchedFor(null)
    setOpen(false)
  }

  const settled = fetchedFor === text
  const showPopup = open && (options.length > 0 || (settled && text.trim() !== ''))

  // Only when it opens or changes size: scrolling while the person reads it would be a jolt.
  useEffect(() => {
    if (showPopup) popupRef.current?.scrollIntoView({ block: 'nearest' })
  }, [showPopup, options.length])
  const optionId = (i: number) => `${inputId}-opt-${i}`

  return (
    <div className={['combo', invalid ? 'combo-invalid' : ''].filter(Boolean).join(' ')}>
      <div
        className="combo-box input"
        onMouseDown={(e) => {
          if (e.target === e.currentTarget) {
            e.preventDefault()
            e.currentTarget.querySelector('input')?.focus()
          }
        }}
      >
        {tokens}
        <input
          id={inputId}
          className="combo-input"
          role="combobox"
          aria-label={label}
          aria-expanded={showPopup}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showPopup && options[active] ? optionId(active) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setOpen(true)
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              if (!open) setOpen(true)
              else setActive((a) => Math.min(options.length - 1, a + 1))
            } else if (e.key === 'ArrowUp') {
              e.preventDefault()
              setActive((a) => Math.max(0, a - 1))
            } else if (e.key === 'Enter') {
              if (showPopup && settled && options[active]) {
                e.preventDefault()
                pick(options[active])
              } else if (text.trim()) {
                e.preventDefault() // never submit the form with half-typed text
                setOpen(true)
              }
            } else if (e.key === 'Escape') {
              if (open || text) {
                e.preventDefault()
                e.stopPropagation()
                setOpen(false)
                if (!open) setText('')
              }
            } else if (e.key === 'Backspace' && text === '' && onRemoveLast) {
              onRemoveLast()
            } else if (e.key === 'Tab') {
              setOpen(false)
            }
          }}
        />
      </div>
      {showPopup ? (
        <ul className="combo-popup" ref={popupRef} id={listId} role="listbox" aria-label={`${label} suggestions`}>
          {options.map((o, i) => (
            <li
              key={o.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={['combo-option', i === active ? 'is-active' : '', o.create ? 'combo-create' : ''].filter(Boolean).join(' ')}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(o)}
            >
              <span className="combo-option-label">{o.label}</span>
              {o.detail ? <span className="combo-option-detail">{o.detail}</span> : null}
            </li>
          ))}
          {!options.length ? (
            <li className="combo-empty" role="option" aria-selected={false} aria-disabled="true">
              No matches
            </li>
          ) : null}
        </ul>
      ) : (
        <ul className="combo-popup-hidden" id={listId} role="listbox" aria-label={`${label} suggestions`} hidden />
      )}
    </div>
  )
}
