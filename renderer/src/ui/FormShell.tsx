/**
 * The frame of an add/edit form in the detail pane: heading, fields, a footer that stays
 * in view. Escape cancels (asking first when something was typed), Ctrl/Cmd+S or
 * Ctrl/Cmd+Enter saves.
 */
import { useState, type ReactNode, type Ref } from 'react'
import { Button, MOD } from './Button'
import { ConfirmDialog } from './Dialog'

export function FormShell({
  heading,
  children,
  submitLabel,
  cancelLabel = 'Cancel',
  saving,
  onSubmit,
  onCancel,
  dirty,
  ref,
}: {
  heading: string
  children: ReactNode
  submitLabel: string
  /** The Cancel button's words (Escape does the same). */
  cancelLabel?: string
  saving: boolean
  onSubmit: () => void | Promise<void>
  onCancel: () => void
  dirty: boolean
  ref?: Ref<HTMLFormElement>
}) {
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const cancel = () => (dirty ? setConfirmDiscard(true) : onCancel())

  return (
    <>
      <form
        ref={ref}
        className="form"
        noValidate
        aria-label={heading}
        onSubmit={(e) => {
          e.preventDefault()
          void onSubmit()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.defaultPrevented) {
            e.preventDefault()
            cancel()
          } else if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S' || e.key === 'Enter')) {
            e.preventDefault()
            e.stopPropagation()
            void onSubmit()
          }
        }}
      >
        <div className="form-head">
          <h2 className="detail-title">{heading}</h2>
        </div>
        <div className="form-body">{children}</div>
        <div className="form-footer">
          <span className="form-footer-hint" aria-hidden="true">
            <kbd>{MOD}S</kbd> save · <kbd>Esc</kbd> {cancelLabel.toLowerCase()}
          </span>
          <Button onClick={cancel}>{cancelLabel}</Button>
          <Button type="submit" variant="primary" busy={saving}>
            {submitLabel}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmDiscard}
        title="Discard your changes?"
        message="What you typed in this form has not been saved."
        confirmLabel="Discard"
        danger
        onCancel={() => setConfirmDiscard(false)}
        onConfirm={() => {
          setConfirmDiscard(false)
          onCancel()
        }}
      />
    </>
  )
}
