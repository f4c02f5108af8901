/**
 * Restoring a backup, one dialog per step: the passphrase (only for an encrypted backup), the
 * full check (inspectBackup: hashes, integrity, schema), then what the backup holds beside the
 * current portfolio and, once confirmed, restoreBackup. A refusal (wrong passphrase, damaged
 * file) is shown in the core's words; the portfolio is then untouched.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { ApiError, errorMessage, inspectBackup, restoreBackup } from '../../api'
import { useQuery } from '../../data'
import { plural } from '../../format'
import type { BackupEntry, BackupRef, BackupSummary, RestoreResult } from '../../shared'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { TextField } from '../../ui/Field'
import { Icon } from '../../ui/Icon'
import { ago, momentInSentence, REASON_WORDS } from './backup-words'

export interface RestoreTarget {
  ref: BackupRef
  /** What its header says (no passphrase needed). */
  entry: BackupEntry
}

type Phase =
  | { at: 'ask'; problem?: string }
  | { at: 'checking' }
  | { at: 'refused'; error: unknown }
  | { at: 'confirm'; summary: BackupSummary; restoring: boolean; error: unknown }

const ROWS = [
  ['credentials', 'Credentials'],
  ['projects', 'Projects'],
  ['skills', 'Skills'],
  ['experience', 'Experience'],
  ['education', 'Education'],
] as const

export function RestoreBackup({ target, onClose, onRestored }: { target: RestoreTarget | null; onClose: () => void; onRestored: (result: RestoreResult) => void }) {
  if (!target) return null
  const key = 'name' in target.ref ? `name:${target.ref.name}` : `ticket:${target.ref.ticket}`
  return <RestoreFlow key={key} target={target} onClose={onClose} onRestored={onRestored} />
}

function RestoreFlow({ target, onClose, onRestored }: { target: RestoreTarget; onClose: () => void; onRestored: (result: RestoreResult) => void }) {
  const { ref, entry } = target
  const id = useId()
  const [phase, setPhase] = useState<Phase>(entry.encrypted ? { at: 'ask' } : { at: 'checking' })
  const [passphrase, setPassphrase] = useState('')
  // Answers that arrive after the dialog closed are dropped.
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])

  const check = async (given?: string) => {
    setPhase({ at: 'checking' })
    try {
      const summary = await inspectBackup(ref, given)
      if (live.current) setPhase({ at: 'confirm', summary, restoring: false, error: null })
    } catch (error) {
      if (!live.current) return
      // An encrypted backup refused as bad input is a wrong passphrase: ask again.
      if (entry.encrypted && error instanceof ApiError && error.code === 'BAD_INPUT') setPhase({ at: 'ask', problem: errorMessage(error) })
      else setPhase({ at: 'refused', error })
    }
  }

  const started = useRef(false)
  useEffect(() => {
    if (started.current || entry.encrypted) return
    started.current = true
    void check()
    // Runs once, for a backup without a passphrase.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const restore = async (summary: BackupSummary) => {
    setPhase({ at: 'confirm', summary, restoring: true, error: null })
    try {
      const result = await restoreBackup(ref, entry.encrypted ? passphrase : undefined)
      if (live.current) onRestored(result)
    } catch (error) {
      if (live.current) setPhase({ at: 'confirm', summary, restoring: false, error })
    }
  }

  const made = `${momentInSentence(entry.createdAt)} (${ago(entry.createdAt)})`

  if (phase.at === 'ask') {
    const submit = (e: FormEvent) => {
      e.preventDefault()
      if (!passphrase) {
        setPhase({ at: 'ask', problem: 'Type the passphrase this backup was made with.' })
        return
      }
      void check(passphrase)
    }
    return (
      <Dialog
        key="ask"
        open
        title="Open the encrypted backup"
        onClose={onClose}
        description={<>The backup of {made} is protected with a passphrase.</>}
        initialFocus={`#${CSS.escape(`${id}-pass`)}`}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" form={`${id}-form`}>
              Check the backup
            </Button>
          </>
        }
      >
        <form id={`${id}-form`} onSubmit={submit} noValidate>
          <TextField
            id={`${id}-pass`}
            label="Passphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={setPassphrase}
            error={phase.problem}
          />
        </form>
      </Dialog>
    )
  }

  if (phase.at === 'checking') {
    return (
      <Dialog key="checking" open title="Checking the backup" onClose={onClose} footer={<Button onClick={onClose}>Cancel</Button>}>
        <Loading label="Checking every file in the backup and the portfolio inside it…" />
        <p className="muted">Nothing is changed while it is checked.</p>
      </Dialog>
    )
  }

  if (phase.at === 'refused') {
    return (
      <Dialog
        key="refused"
        open
        title="This backup cannot be restored"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        }
      >
        <ErrorBanner error={phase.error} title="Refused" />
        <p className="muted">Your portfolio was not changed.</p>
      </Dialog>
    )
  }

  const { summary, restoring, error } = phase
  return <ConfirmRestore summary={summary} made={made} restoring={restoring} error={error} onCancel={onClose} onConfirm={() => void restore(summary)} />
}

function ConfirmRestore({
  summary,
  made,
  restoring,
  error,
  onCancel,
  onConfirm,
}: {
  summary: BackupSummary
  made: string
  restoring: boolean
  error: unknown
  onCancel: () => void
  onConfirm: () => void
}) {
  const current = useQuery('app:info', {})
  const now = current.data?.counts
  return (
    <Dialog
      key="confirm"
      open
      size="md"
      title="Restore this backup?"
      onClose={() => {
        if (!restoring) onCancel()
      }}
      initialFocus="[data-cancel]"
      description={
        <>
          The backup of {made} · {REASON_WORDS[summary.reason]} · Skillfolio {summary.appVersion}
          {summary.encrypted ? ' · encrypted' : ''}. It checked out: the portfolio inside{summary.originals.count ? ` and its ${plural(summary.originals.count, 'original file')}` : ''} {summary.originals.count ? 'are' : 'is'} intact.
        </>
      }
      footer={
        <>
          <Button data-cancel onClick={onCancel} disabled={restoring}>
            Cancel
          </Button>
          <Button variant="primary" icon="undo" busy={restoring} onClick={onConfirm}>
            Restore
          </Button>
        </>
      }
    >
      <table className="restore-compare" data-restore-compare>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">What</span>
            </th>
            <th scope="col">Your portfolio now</th>
            <th scope="col">In the backup</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, label]) => {
            const theirs = summary.counts[key]
            const mine = now?.[key]
            return (
              <tr key={key} className={mine !== undefined && mine !== theirs ? 'is-different' : undefined}>
                <th scope="row">{label}</th>
                <td>{mine ?? '…'}</td>
                <td>{theirs}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="restore-kept">
        <Icon name="shieldCheck" size={14} />
        <span>
          Your current portfolio is kept aside: Skillfolio moves it out of the way, next to the portfolio file, and deletes nothing. What you added or changed since
          the backup was made stays in that copy only.
        </span>
      </p>
      {restoring ? <Loading label="Restoring…" /> : null}
      {error ? <ErrorBanner error={error} title="Not restored" /> : null}
    </Dialog>
  )
}
