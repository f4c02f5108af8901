/**
 * Labelled form controls with an inline error: the message sits under the field, is tied
 * to it with aria-describedby and the field is marked aria-invalid.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'

interface FieldShellProps {
  id: string
  label: string
  hint?: ReactNode
  error?: string | undefined
  className?: string
  /** Optional fields are the norm; only required ones are called out by their error. */
  optional?: boolean
  children: ReactNode
}

export function FieldShell({ id, label, hint, error, className, children }: FieldShellProps) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
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

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  if (error) return `${id}-error`
  if (hint) return `${id}-hint`
  return undefined
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: ReactNode
  optional?: boolean
  fieldClassName?: string
  ref?: Ref<HTMLInputElement>
}

export function TextField({ label, value, onChange, error, hint, optional, fieldClassName, id, ...rest }: TextFieldProps) {
  const auto = useId()
  const fieldId = id ?? auto
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} className={fieldClassName} optional={optional}>
      <input
        id={fieldId}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        {...rest}
      />
    </FieldShell>
  )
}

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: ReactNode
  optional?: boolean
  fieldClassName?: string
}

export function TextArea({ label, value, onChange, error, hint, optional, fieldClassName, id, rows = 4, ...rest }: TextAreaProps) {
  const auto = useId()
  const fieldId = id ?? auto
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} className={fieldClassName} optional={optional}>
      <textarea
        id={fieldId}
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        {...rest}
      />
    </FieldShell>
  )
}

export interface SelectOption {
  value: string
  label: string
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: string
  value: string
  onChange: (value: string) => void
  options: readonly SelectOption[]
  error?: string | undefined
  hint?: ReactNode
  optional?: boolean
  fieldClassName?: string
  /** Hide the label visually (toolbars); it stays available to screen readers. */
  hideLabel?: boolean
}

export function Select({ label, value, onChange, options, error, hint, optional, fieldClassName, hideLabel, id, ...rest }: SelectProps) {
  const auto = useId()
  const fieldId = id ?? auto
  const control = (
    <select
      id={fieldId}
      className="input select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(fieldId, error, hint)}
      aria-label={hideLabel ? label : undefined}
      {...rest}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  )
  if (hideLabel) return control
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} className={fieldClassName} optional={optional}>
      {control}
    </FieldShell>
  )
}

export interface DateFieldProps extends Omit<TextFieldProps, 'type'> {
  min?: string
  max?: string
}

/** A native date input: the value is always YYYY-MM-DD or ''. */
export function DateField(props: DateFieldProps) {
  return <TextField {...props} type="date" fieldClassName={['field-date', props.fieldClassName ?? ''].join(' ')} />
}
