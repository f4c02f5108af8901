/**
 * Two copies of one credential kept side by side because the newer one verified worse than the
 * one already stored: both are shown with their verdicts so the person chooses which to keep.
 * Keeping one deletes the other in one step (the core does it in one transaction).
 */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { formatRoute } from '../../router'
import { verificationHeadline, type Credential } from '../../shared'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { Icon } from '../../ui/Icon'
import { useToast } from '../../ui/Toast'
import { TrustBadge } from '../../ui/Trust'

const headlineOf = (c: Credential) => (c.verification ? verificationHeadline(c.verification) : 'Typed in by hand')

export function ConflictBanner({ credential: c, onDiscarded }: { credential: Credential; onDiscarded: () => void }) {
  const other = useQuery('credentials:get', { id: c.conflictWith!.id })
  const [choice, setChoice] = useState<'this' | 'other' | null>(null)
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const o = other.data && other.data.id === c.conflictWith!.id ? other.data : null

  const resolve = async () => {
    if (!choice) return
    const keep = choice === 'this' ? c.id : c.conflictWith!.id
    const discard = choice === 'this' ? c.conflictWith!.id : c.id
    setBusy(true)
    try {
      await call('credentials:resolveConflict', { keep, discard })
      setChoice(null)
      invalidate()
      toast.show(choice === 'this' ? 'Kept this copy; the other was deleted' : 'Kept the other copy; this one was deleted')
      if (choice === 'other') onDiscarded()
    } catch (error) {
      toast.show(`Not resolved: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="conflict" aria-labelledby={`conflict-${c.id}`}>
      <h3 className="conflict-title" id={`conflict-${c.id}`}>
        <Icon name="alert" size={15} />
        Two copies of this credential
      </h3>
      <p className="conflict-text">
        Another file with the same credential id is kept beside this one, because one of them verifies worse than the other. Compare them and keep the one you trust;
        the other is deleted.
      </p>
      <dl className="conflict-copies">
        <div className="conflict-copy">
          <dt>This copy</dt>
          <dd>
            <TrustBadge trust={c.trust} explain={headlineOf(c)} /> <span className="muted">{headlineOf(c)}</span>
          </dd>
        </div>
        <div className="conflict-copy">
          <dt>
            <a href={formatRoute({ screen: 'credentials', id: c.conflictWith!.id, edit: false, params: {} })}>The other copy: “{c.conflictWith!.title}”</a>
          </dt>
          <dd>{o ? <><TrustBadge trust={o.trust} explain={headlineOf(o)} /> <span className="muted">{headlineOf(o)}</span></> : other.error ? errorMessage(other.error) : 'Loading…'}</dd>
        </div>
      </dl>
      <div className="conflict-actions">
        <Button size="sm" onClick={() => setChoice('this')}>
          Keep this copy
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setChoice('other')}>
          Keep the other copy
        </Button>
      </div>
      <ConfirmDialog
        open={choice !== null}
        title={choice === 'this' ? 'Keep this copy?' : 'Keep the other copy?'}
        message={choice === 'this' ? `“${c.conflictWith!.title}” (the other copy) will be deleted.` : `This copy, “${c.title}”, will be deleted.`}
        confirmLabel={choice === 'this' ? 'Keep this copy' : 'Keep the other copy'}
        danger
        busy={busy}
        onConfirm={() => void resolve()}
        onCancel={() => setChoice(null)}
      />
    </section>
  )
}
