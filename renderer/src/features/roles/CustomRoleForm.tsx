/**
 * A target role written by hand: a title and the skills it needs, each with a weight and an
 * essential flag. The same form edits (and renames) a saved custom role.
 */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate } from '../../data'
import type { Output } from '../../shared'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'
import type { CustomRoleRef } from './customRef'

/** A saved custom role to edit. */
export interface EditedRole {
  ref: CustomRoleRef
  title: string
  skills: Output<'roles:get'>['skills']
}

interface Row {
  key: number
  name: string
  weight: string
  essential: boolean
}

let nextKey = 1
const blank = (): Row => ({ key: nextKey++, name: '', weight: '1', essential: false })
const rowOf = (s: EditedRole['skills'][number]): Row => ({ key: nextKey++, name: s.name, weight: String(s.weight), essential: s.essential })

/** `role` given: edit that saved role (roles:update); otherwise make a new one. */
export function CustomRoleForm({ role, onSaved, onCancel }: { role?: EditedRole; onSaved: (ref: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(role?.title ?? '')
  const [rows, setRows] = useState<Row[]>(() => (role?.skills.length ? role.skills.map(rowOf) : [blank()]))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()

  const set = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)))

  const submit = async () => {
    const next: Record<string, string> = {}
    if (!title.trim()) next.title = 'Title is required'
    const filled = rows.filter((r) => r.name.trim())
    if (!filled.length) next.skills = 'Add at least one skill'
    const skills = filled.map((r) => ({ name: r.name.trim(), weight: Number(r.weight), essential: r.essential }))
    filled.forEach((r, i) => {
      const w = skills[i]?.weight ?? NaN
      if (!r.weight.trim() || !Number.isFinite(w) || w < 0 || w > 1) next[`w${r.key}`] = 'Between 0 and 1'
    })
    setErrors(next)
    if (Object.keys(next).length) return
    setBusy(true)
    try {
      const saved = role
        ? await call('roles:update', { ref: role.ref, patch: { title: title.trim(), skills } })
        : await call('roles:create', { title: title.trim(), source: 'custom', skills })
      invalidate()
      toast.show(`Saved ${saved.title}`)
      onSaved(saved.ref)
    } catch (error) {
      toast.show(`Not saved: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="detail custom-role">
      <DetailHeader
        title={role ? `Edit ${role.title}` : 'New custom role'}
        subtitle={role ? 'Rename the role or change the skills it needs. Its gap analysis follows the change; saved plans keep their steps.' : 'Name a role you are aiming for and the skills it needs.'}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <TextField label="Role title" value={title} onChange={setTitle} maxLength={200} error={errors.title} />
        <Section title="Skills">
          <ul className="custom-role-skills" aria-label="Role skills">
            {rows.map((r, i) => (
              <li key={r.key} className="custom-role-skill">
                <TextField label={`Skill ${i + 1}`} value={r.name} onChange={(v) => set(r.key, { name: v })} maxLength={120} placeholder="e.g. SQL" />
                <TextField label={`Skill ${i + 1} weight`} value={r.weight} onChange={(v) => set(r.key, { weight: v })} inputMode="decimal" hint="0 to 1" error={errors[`w${r.key}`]} />
                <label className="check">
                  <input type="checkbox" checked={r.essential} onChange={(e) => set(r.key, { essential: e.target.checked })} aria-label={`Skill ${i + 1} is essential`} />
                  <span aria-hidden="true">Essential</span>
                </label>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={rows.length === 1}
                  aria-label={r.name.trim() ? `Remove ${r.name.trim()}` : `Remove skill ${i + 1}`}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          {errors.skills ? <p className="field-error">{errors.skills}</p> : null}
          <Button size="sm" icon="plus" onClick={() => setRows((rs) => [...rs, blank()])}>
            Add skill
          </Button>
        </Section>
        <div className="form-actions">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {role ? 'Save changes' : 'Save role'}
          </Button>
        </div>
      </form>
    </div>
  )
}
