/** Pick existing credentials (for a project's "credentials used"), searched by title. */
import { useId } from 'react'
import { call } from '../api'
import { KIND_LABEL } from '../format'
import { Combobox, type ComboOption } from './Combobox'
import { Icon } from './Icon'

export interface PickedCredential {
  id: string
  title: string
}

export function CredentialPicker({
  label = 'Credentials used',
  value,
  onChange,
  error,
}: {
  label?: string
  value: PickedCredential[]
  onChange: (next: PickedCredential[]) => void
  error?: string | undefined
}) {
  const id = useId()
  const fetchOptions = async (text: string): Promise<ComboOption[]> => {
    const page = await call('credentials:list', { text: text.trim(), sort: 'title', limit: 8 })
    return page.items
      .filter((c) => !value.some((v) => v.id === c.id))
      .map((c) => ({ key: c.id, label: c.title, detail: [c.provider ?? c.issuerName, KIND_LABEL[c.kind]].filter(Boolean).join(' · ') }))
  }
  return (
    <div className={['field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <Combobox
        id={id}
        label={label}
        placeholder={value.length ? 'Add another credential…' : 'Search your credentials'}
        fetchOptions={fetchOptions}
        onPick={(o) => onChange([...value, { id: o.key, title: o.label }])}
        onRemoveLast={() => onChange(value.slice(0, -1))}
        invalid={Boolean(error)}
        describedBy={error ? `${id}-error` : undefined}
        tokens={value.map((c) => (
          <span key={c.id} className="token">
            <Icon name="award" size={12} />
            <span className="token-label">{c.title}</span>
            <button type="button" className="token-remove" aria-label={`Remove ${c.title}`} onClick={() => onChange(value.filter((v) => v.id !== c.id))}>
              <Icon name="x" size={12} />
            </button>
          </span>
        ))}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
