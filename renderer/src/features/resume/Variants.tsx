/**
 * Saved resume variants: named sets of choices (per role, with where each was sent). Loading
 * one applies its choices; "Update" writes the current choices back into it.
 */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate } from '../../data'
import { formatDate } from '../../format'
import type { ResumeVariant } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { Badge } from '../../ui/Feedback'
import { TextField } from '../../ui/Field'
import { Icon } from '../../ui/Icon'
import { useToast } from '../../ui/Toast'

export function VariantList({
  variants,
  currentId,
  edited,
  onLoad,
  onUpdate,
  onEdit,
  onDelete,
  onSaveAs,
}: {
  variants: readonly ResumeVariant[]
  currentId: number | null
  edited: boolean
  onLoad: (v: ResumeVariant) => void
  onUpdate: (v: ResumeVariant) => void
  onEdit: (v: ResumeVariant) => void
  onDelete: (v: ResumeVariant) => void
  onSaveAs: () => void
}) {
  const current = variants.find((v) => v.id === currentId) ?? null
  return (
    <div className="variants">
      <div className="panel-head">
        <h3 className="panel-title">Saved versions</h3>
        <Button size="sm" icon="save" data-save-variant onClick={onSaveAs}>
          Save as variant…
        </Button>
      </div>
      {variants.length ? (
        <ul className="variant-list" aria-label="Saved variants">
          {variants.map((v) => {
            const isCurrent = v.id === currentId
            const sent = [v.sentTo ? `Sent to ${v.sentTo}` : '', v.sentOn ? `${v.sentTo ? 'on' : 'Sent on'} ${formatDate(v.sentOn)}` : ''].filter(Boolean).join(' ')
            return (
              <li key={v.id} className={isCurrent ? 'variant is-current' : 'variant'}>
                <button type="button" className="variant-load" aria-current={isCurrent || undefined} aria-label={`Load variant ${v.name}`} onClick={() => onLoad(v)}>
                  <span className="variant-name">
                    {v.name}
                    {isCurrent && edited ? <Badge tone="warning">Edited</Badge> : null}
                  </span>
                  <span className="variant-meta">{v.roleTitle ?? 'General resume'}</span>
                  {sent ? (
                    <span className="variant-sent">
                      <Icon name="mail" size={12} /> {sent}
                    </span>
                  ) : null}
                </button>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="muted variant-empty">Save these choices under a name (“Acme – Data Analyst”) to come back to the exact resume you sent.</p>
      )}
      {current ? (
        <div className="variant-actions">
          <Button size="sm" variant={edited ? 'primary' : 'secondary'} icon="check" disabled={!edited} title={`Update “${current.name}” with the choices shown`} onClick={() => onUpdate(current)}>
            Update “{current.name}”
          </Button>
          <Button size="sm" variant="ghost" icon="pencil" aria-label={`Edit details of ${current.name}`} title="Name and where it was sent" onClick={() => onEdit(current)} />
          <Button size="sm" variant="ghost" icon="trash" aria-label={`Delete variant ${current.name}`} title="Delete this variant" onClick={() => onDelete(current)} />
        </div>
      ) : null}
    </div>
  )
}

export interface VariantDetails {
  name: string
  sentTo: string
  sentOn: string
}

/** Name, "sent to" and date: for a new variant, or to edit a saved one's details. */
export function VariantDialog({
  open,
  mode,
  initial,
  onClose,
  onSubmit,
}: {
  open: boolean
  mode: 'create' | 'edit'
  initial: VariantDetails
  onClose: () => void
  /** Resolves to an error to show under the name, or null when saved. */
  onSubmit: (details: VariantDetails) => Promise<string | null>
}) {
  return open ? <VariantForm mode={mode} initial={initial} onClose={onClose} onSubmit={onSubmit} /> : null
}

function VariantForm({ mode, initial, onClose, onSubmit }: { mode: 'create' | 'edit'; initial: VariantDetails; onClose: () => void; onSubmit: (details: VariantDetails) => Promise<string | null> }) {
  const [name, setName] = useState(initial.name)
  const [sentTo, setSentTo] = useState(initial.sentTo)
  const [sentOn, setSentOn] = useState(initial.sentOn)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const next: Record<string, string> = {}
    if (!name.trim()) next.name = 'Give it a name'
    if (sentOn && !/^\d{4}-\d{2}-\d{2}$/.test(sentOn)) next.sentOn = 'Use a date like 2026-05-01'
    setErrors(next)
    if (Object.keys(next).length) return
    setBusy(true)
    const problem = await onSubmit({ name: name.trim(), sentTo: sentTo.trim(), sentOn })
    setBusy(false)
    if (problem) setErrors({ name: problem })
  }
  return (
    <Dialog
      open
      title={mode === 'create' ? 'Save as variant' : 'Variant details'}
      size="md"
      onClose={onClose}
      description={mode === 'create' ? 'Keeps the role, length, template, layout and your pins, hidden items and order under a name.' : undefined}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()}>
            {mode === 'create' ? 'Save variant' : 'Save details'}
          </Button>
        </>
      }
    >
      <form
        className="variant-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <TextField label="Name" value={name} onChange={setName} maxLength={200} error={errors.name} />
        <div className="form-grid">
          <TextField label="Sent to" value={sentTo} onChange={setSentTo} maxLength={2000} placeholder="Acme Corp, via LinkedIn" hint="Optional" />
          <TextField label="Sent on" type="date" value={sentOn} onChange={setSentOn} error={errors.sentOn} fieldClassName="field-date" />
        </div>
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}

/** Delete with a confirmation; the safe choice has the focus. */
export function DeleteVariantDialog({ variant, onClose, onDeleted }: { variant: ResumeVariant | null; onClose: () => void; onDeleted: (v: ResumeVariant) => void }) {
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  return (
    <ConfirmDialog
      open={variant !== null}
      title="Delete this variant?"
      message={variant ? <>“{variant.name}” and its notes will be deleted. Your portfolio and any PDFs you saved stay as they are.</> : null}
      confirmLabel="Delete variant"
      danger
      busy={busy}
      onCancel={onClose}
      onConfirm={async () => {
        if (!variant) return
        setBusy(true)
        try {
          await call('resumes:delete', { id: variant.id })
          invalidate()
          toast.show(`Deleted “${variant.name}”`)
          onDeleted(variant)
        } catch (error) {
          toast.show(`Not deleted: ${errorMessage(error)}`, 'error')
        } finally {
          setBusy(false)
        }
      }}
    />
  )
}
