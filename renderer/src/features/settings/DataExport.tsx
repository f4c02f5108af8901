/**
 * Settings → Export: the portfolio as JSON Resume, or everything (originals included) as a ZIP,
 * saved through the shell's save dialog like the Resume screen's PDFs; the saved file is named
 * with an "Open" action.
 */
import { useState } from 'react'
import { errorMessage, openSaved, savePdf } from '../../api'
import { Button } from '../../ui/Button'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { useToast } from '../../ui/Toast'
import { formatSize } from './backup-words'
import '../../styles/settings-data.css'

type ExportKind = 'json-resume' | 'full-export'

const WORDS: Record<ExportKind, { label: string; busy: string }> = {
  'json-resume': { label: 'Export JSON Resume…', busy: 'Making the JSON Resume file…' },
  'full-export': { label: 'Export everything (ZIP)…', busy: 'Packing your portfolio and its original files…' },
}

export function DataExport() {
  const toast = useToast()
  const [running, setRunning] = useState<ExportKind | null>(null)
  const [saved, setSaved] = useState<{ path: string; fileName: string; bytes: number } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)

  const run = async (kind: ExportKind) => {
    if (running) return
    setRunning(kind)
    setFailure(null)
    try {
      const result = await savePdf({ kind })
      if (result.saved) setSaved({ path: result.path, fileName: result.fileName, bytes: result.bytes })
    } catch (error) {
      setFailure(error)
    } finally {
      setRunning(null)
    }
  }

  const open = async (path: string) => {
    try {
      await openSaved(path)
    } catch (error) {
      toast.show(`Could not open it: ${errorMessage(error)}`, 'error')
    }
  }

  return (
    <section className="card" aria-labelledby="settings-export">
      <div className="card-head">
        <h2 className="card-title" id="settings-export">
          Export
        </h2>
      </div>
      <div className="export-options">
        <div className="export-option">
          <div className="setting-text">
            <p className="setting-label">JSON Resume</p>
            <p className="setting-desc">Your profile, experience, education, credentials, projects and skills in the open JSON Resume format, for other resume tools.</p>
          </div>
          <Button icon="fileText" busy={running === 'json-resume'} disabled={running !== null} onClick={() => void run('json-resume')}>
            {WORDS['json-resume'].label}
          </Button>
        </div>
        <div className="export-option">
          <div className="setting-text">
            <p className="setting-label">Everything</p>
            <p className="setting-desc">
              A ZIP with your whole portfolio as readable JSON and every original badge and certificate file, byte for byte. Skillfolio can import it again.
            </p>
          </div>
          <Button icon="download" busy={running === 'full-export'} disabled={running !== null} onClick={() => void run('full-export')}>
            {WORDS['full-export'].label}
          </Button>
        </div>
      </div>
      {running ? <Loading label={WORDS[running].busy} /> : null}
      {failure ? <ErrorBanner error={failure} title="Not exported" /> : null}
      {saved && !running ? (
        <div className="backup-made" role="status" data-export-saved>
          <Icon name="check" />
          <span>
            Saved <strong>{saved.fileName}</strong> ({formatSize(saved.bytes)}).
          </span>
          <Button size="sm" variant="ghost" icon="external" onClick={() => void open(saved.path)}>
            Open
          </Button>
        </div>
      ) : null}
    </section>
  )
}
