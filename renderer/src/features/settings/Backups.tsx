/**
 * Settings → Backups: where backups go, when the last one was made, the backups there, "Back up
 * now" (optionally encrypted), and restoring one from the list or from any file. The page never
 * names a path: the folder and a file elsewhere are picked in the shell's native dialogs.
 */
import { useId, useState, type FormEvent } from 'react'
import { call, chooseBackup, chooseBackupFolder, errorMessage } from '../../api'
import { useInvalidate, useQuery } from '../../data'
import { formatDateTime } from '../../format'
import { MIN_PASSPHRASE_LENGTH } from '../../../../electron/shared/backup'
import type { BackupEntry, RestoreResult } from '../../shared'
import { Button } from '../../ui/Button'
import { Badge, ErrorBanner, Loading } from '../../ui/Feedback'
import { TextField } from '../../ui/Field'
import { Icon } from '../../ui/Icon'
import { useToast } from '../../ui/Toast'
import { ago, formatSize, momentInSentence, REASON_WORDS } from './backup-words'
import { RestoreBackup, type RestoreTarget } from './RestoreBackup'
import '../../styles/settings-data.css'

/** The last part of a path the shell returned, on any platform. */
export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path

export function Backups() {
  const list = useQuery('backup:list', {})
  const invalidate = useInvalidate()
  const toast = useToast()
  const [choosing, setChoosing] = useState<'folder' | 'file' | null>(null)
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null)
  const [restored, setRestored] = useState<RestoreResult | null>(null)

  const changeFolder = async () => {
    setChoosing('folder')
    try {
      const picked = await chooseBackupFolder()
      if (picked) {
        invalidate()
        toast.show(`Backups now go to ${picked.folder}`)
      }
    } catch (error) {
      toast.show(`Not changed: ${errorMessage(error)}`, 'error')
    } finally {
      setChoosing(null)
    }
  }

  const restoreFromFile = async () => {
    setChoosing('file')
    try {
      const picked = await chooseBackup()
      if (picked) {
        setRestored(null)
        setRestoring({ ref: { ticket: picked.ticket }, entry: picked.entry })
      }
    } catch (error) {
      toast.show(errorMessage(error), 'error')
    } finally {
      setChoosing(null)
    }
  }

  const data = list.data
  const last = data?.backups[0]
  return (
    <section className="card" aria-labelledby="settings-backups">
      <div className="card-head">
        <h2 className="card-title" id="settings-backups">
          Backups
        </h2>
        <Button size="sm" variant="ghost" icon="undo" busy={choosing === 'file'} onClick={() => void restoreFromFile()}>
          Restore from a file…
        </Button>
      </div>
      <p className="setting-desc">
        A backup is one file with your whole portfolio, original badge and certificate files included. Skillfolio also makes one
        each day you use it (keeping a week of them, then one a week for a month) and one before every upgrade.
      </p>
      {restored ? <RestoredNote result={restored} /> : null}
      {list.error && !data ? <ErrorBanner error={list.error} onRetry={list.reload} title="The backups could not be listed" /> : null}
      {!data ? (
        list.loading ? <Loading /> : null
      ) : (
        <>
          <dl className="props props-1">
            <div className="prop">
              <dt>Backups folder</dt>
              <dd className="backup-folder">
                <code className="code">{data.folder}</code>
                <Button size="sm" variant="ghost" icon="folder" busy={choosing === 'folder'} onClick={() => void changeFolder()} aria-label="Change the backups folder…">
                  Change…
                </Button>
              </dd>
            </div>
            <div className="prop">
              <dt>Last backup</dt>
              <dd data-last-backup>
                {last ? (
                  <>
                    {ago(last.createdAt)} <span className="muted">· {formatDateTime(last.createdAt)}</span>
                  </>
                ) : (
                  'None yet'
                )}
              </dd>
            </div>
          </dl>
          <BackupNow onMade={() => setRestored(null)} />
          <h3 className="subhead">In the backups folder</h3>
          {data.backups.length ? (
            <ul className="trust-list backup-list" aria-label="Backups">
              {data.backups.map((b) => (
                <BackupRow
                  key={b.name}
                  entry={b}
                  onRestore={() => {
                    setRestored(null)
                    setRestoring({ ref: { name: b.name }, entry: b })
                  }}
                />
              ))}
            </ul>
          ) : (
            <p className="muted">No backups in this folder yet. “Back up now” makes one.</p>
          )}
          {data.unreadable.length ? (
            <div className="banner banner-warning backup-unreadable" role="note">
              <Icon name="alert" />
              <div className="banner-text">
                <strong>{data.unreadable.length === 1 ? 'One file could not be read as a backup' : `${data.unreadable.length} files could not be read as backups`}:</strong>
                <ul>
                  {data.unreadable.map((u) => (
                    <li key={u.path}>
                      {fileName(u.path)}: {u.reason}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
        </>
      )}
      <RestoreBackup
        target={restoring}
        onClose={() => setRestoring(null)}
        onRestored={(result) => {
          setRestoring(null)
          setRestored(result)
          invalidate()
          toast.show('Restored the backup')
        }}
      />
    </section>
  )
}

function BackupRow({ entry, onRestore }: { entry: BackupEntry; onRestore: () => void }) {
  const when = formatDateTime(entry.createdAt)
  return (
    <li className="trust-row backup-row" data-backup={entry.name}>
      <div className="trust-row-main">
        <div className="trust-row-title">
          {when} <span className="backup-ago">· {ago(entry.createdAt)}</span>
        </div>
        <div className="trust-row-meta">
          <span>{REASON_WORDS[entry.reason]}</span>
          <span>{formatSize(entry.bytes)}</span>
          <span className="mono-id" title={entry.name}>
            {entry.name}
          </span>
        </div>
      </div>
      {entry.encrypted ? (
        <Badge tone="accent" icon="shieldCheck">
          Encrypted
        </Badge>
      ) : null}
      <Button size="sm" icon="undo" onClick={onRestore} aria-label={`Restore the backup of ${when}…`}>
        Restore…
      </Button>
    </li>
  )
}

/** "Back up now", with an optional passphrase typed twice. */
function BackupNow({ onMade }: { onMade: () => void }) {
  const id = useId()
  const invalidate = useInvalidate()
  const [encrypt, setEncrypt] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  const [shown, setShown] = useState<{ passphrase?: string; again?: string }>({})
  const [busy, setBusy] = useState(false)
  const [made, setMade] = useState<{ name: string; bytes: number; encrypted: boolean } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)

  const problems = () => ({
    passphrase: passphrase.length < MIN_PASSPHRASE_LENGTH ? `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` : undefined,
    again: again !== passphrase ? 'The two passphrases differ.' : undefined,
  })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    if (encrypt) {
      const found = problems()
      setShown(found)
      if (found.passphrase || found.again) {
        document.getElementById(found.passphrase ? `${id}-pass` : `${id}-again`)?.focus()
        return
      }
    }
    setBusy(true)
    setFailure(null)
    setMade(null)
    try {
      const created = await call('backup:create', encrypt ? { passphrase } : {})
      setMade({ name: fileName(created.path), bytes: created.bytes, encrypted: encrypt })
      setPassphrase('')
      setAgain('')
      setShown({})
      onMade()
      invalidate()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="backup-now" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h3 className="subhead" id={`${id}-title`}>
        Back up now
      </h3>
      <label className="check">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} disabled={busy} />
        Protect it with a passphrase
      </label>
      {encrypt ? (
        <div className="backup-passphrase">
          <div className="backup-passphrase-fields">
            <TextField
              id={`${id}-pass`}
              label="Passphrase"
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(v) => {
                setPassphrase(v)
                if (shown.passphrase || shown.again) setShown({})
              }}
              error={shown.passphrase}
              hint={`At least ${MIN_PASSPHRASE_LENGTH} characters.`}
              disabled={busy}
            />
            <TextField
              id={`${id}-again`}
              label="The passphrase again"
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(v) => {
                setAgain(v)
                if (shown.again) setShown({ ...shown, again: undefined })
              }}
              error={shown.again}
              disabled={busy}
            />
          </div>
          <p className="banner banner-warning" role="note">
            <Icon name="alert" />
            <span className="banner-text">
              Keep the passphrase somewhere safe. If it is lost, this backup cannot be opened: nobody, Skillfolio included, can recover it.
            </span>
          </p>
        </div>
      ) : null}
      <div className="backup-now-actions">
        <Button type="submit" variant="primary" icon="save" busy={busy}>
          Back up now
        </Button>
        {busy ? <Loading label="Backing up your portfolio…" /> : null}
      </div>
      {failure ? <ErrorBanner error={failure} title="No backup was made" /> : null}
      {made ? (
        <p className="backup-made" role="status" data-backup-made>
          <Icon name="check" />
          <span>
            Backed up to <strong>{made.name}</strong> ({formatSize(made.bytes)}
            {made.encrypted ? ', encrypted' : ''}).
          </span>
        </p>
      ) : null}
    </form>
  )
}

/** After a restore: where the replaced portfolio was kept. */
function RestoredNote({ result }: { result: RestoreResult }) {
  return (
    <div className="backup-made backup-restored" role="status" data-restored>
      <Icon name="check" />
      <span>
        Restored the backup of {momentInSentence(result.backup.createdAt)}.{' '}
        {result.keptAside ? (
          <>
            Your previous portfolio was kept at <code className="code">{result.keptAside}</code>.
          </>
        ) : (
          'There was no previous portfolio to keep.'
        )}
      </span>
    </div>
  )
}
