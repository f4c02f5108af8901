/**
 * Skills for a credential or a project: type-ahead over existing skills (names and
 * aliases via `skills:suggest`), "Create “…”" when nothing matches exactly, and chips
 * with an optional level.
 */
import { useId } from 'react'
import { call } from '../api'
import { CATEGORY_LABEL, LEVEL_LABEL } from '../format'
import { SKILL_LEVELS, type SkillLevel } from '../shared'
import { Combobox, type ComboOption } from './Combobox'
import { Icon } from './Icon'

export interface PickedSkill {
  name: string
  level: SkillLevel | null
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

export function SkillPicker({
  label = 'Skills',
  value,
  onChange,
  error,
  withLevel = true,
  hint,
}: {
  label?: string
  value: PickedSkill[]
  onChange: (next: PickedSkill[]) => void
  error?: string | undefined
  withLevel?: boolean
  hint?: string
}) {
  const id = useId()

  const fetchOptions = async (text: string): Promise<ComboOption[]> => {
    const q = text.trim()
    const found = await call('skills:suggest', { text: q, limit: 8 })
    const options: ComboOption[] = found
      .filter((s) => !value.some((v) => same(v.name, s.name)))
      .map((s) => ({
        key: s.id,
        label: s.name,
        detail: s.matchedAlias && !same(s.matchedAlias, s.name) ? `also “${s.matchedAlias}”` : CATEGORY_LABEL[s.category],
      }))
    const exact = found.some((s) => same(s.name, q) || (s.matchedAlias !== null && same(s.matchedAlias, q)))
    const chosen = value.some((v) => same(v.name, q))
    if (q && !exact && !chosen) options.push({ key: `create:${q}`, label: `Create “${q}”`, create: true })
    return options
  }

  const add = (o: ComboOption) => {
    const name = o.create ? o.key.slice('create:'.length) : o.label
    if (value.some((v) => same(v.name, name))) return
    onChange([...value, { name, level: null }])
  }

  return (
    <div className={['field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <Combobox
        id={id}
        label={label}
        placeholder={value.length ? 'Add another skill…' : 'Type a skill, e.g. SQL'}
        fetchOptions={fetchOptions}
        onPick={add}
        onRemoveLast={() => onChange(value.slice(0, -1))}
        invalid={Boolean(error)}
        describedBy={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        tokens={value.map((skill, i) => (
          <span key={skill.name} className="token">
            <span className="token-label">{skill.name}</span>
            {withLevel ? (
              <select
                className="token-level"
                aria-label={`Level for ${skill.name}`}
                value={skill.level ?? ''}
                onChange={(e) => {
                  const level = (e.target.value || null) as SkillLevel | null
                  onChange(value.map((v, j) => (j === i ? { ...v, level } : v)))
                }}
              >
                <option value="">Any level</option>
                {SKILL_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABEL[l]}
                  </option>
                ))}
              </select>
            ) : null}
            <button
              type="button"
              className="token-remove"
              aria-label={`Remove ${skill.name}`}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              <Icon name="x" size={12} />
            </button>
          </span>
        ))}
      />
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
