/** Plain words for import batches and where credentials came from. */
import { plural } from '../../format'
import { humanDate, type ImportItem, type ImportReport, type ImportState } from '../../shared'

export const ORIGIN_LABEL: Record<ImportReport['origin'], string> = {
  drop: 'Dropped',
  dialog: 'Chosen',
  cli: 'Command line',
  'open-with': 'Opened with Skillfolio',
}

/** The state as one or two words, for badges. */
export const STATE_LABEL: Record<ImportState, string> = {
  running: 'Running',
  done: 'Done',
  partial: 'Some failed',
  failed: 'Failed',
  interrupted: 'Interrupted',
  undone: 'Undone',
}

type Summary = Pick<ImportReport, 'state' | 'counts' | 'total' | 'processed'>

/** "2 imported, 1 failed" — only the outcomes that happened; "nothing" for an empty batch. */
export function reportSentence(r: Pick<ImportReport, 'counts' | 'total'>): string {
  const { imported, updated, duplicate, failed } = r.counts
  const parts = [
    imported ? `${imported} imported` : '',
    updated ? `${updated} updated` : '',
    duplicate ? `${plural(duplicate, 'duplicate')}` : '',
    failed ? `${failed} failed` : '',
  ].filter(Boolean)
  return parts.length ? parts.join(', ') : r.total ? 'nothing new' : 'no files found'
}

/**
 * Files of an interrupted batch that were never read (the core fails them with the reason
 * "… before this file was read"); what Resume reads again.
 */
export function unreadItems(items: readonly ImportItem[]): ImportItem[] {
  return items.filter((i) => i.outcome === 'failed' && i.trust === null && /before this file was read/i.test(i.reason ?? ''))
}

/**
 * Where a finished batch ended, in one sentence: "Imported 12 of 14 files; 2 failed",
 * "Nothing new in 3 files: 2 already in your portfolio", "Interrupted: 40 files were not read".
 * `unread` counts the files an interrupted batch never reached (when the items are known).
 */
export function stateSentence(r: Summary, unread?: number): string {
  const { imported, updated, duplicate, failed } = r.counts
  const added = imported + updated
  if (r.state === 'running') return r.total ? `Importing… ${r.processed} of ${plural(r.total, 'file')}` : 'Looking for files…'
  if (r.state === 'interrupted') {
    const before = added ? `; ${added} imported before it stopped` : ''
    if (unread === undefined) return added ? `Interrupted after importing ${added} of ${plural(r.total, 'file')}` : 'Interrupted before anything was imported'
    return `Interrupted: ${plural(unread, 'file')} ${unread === 1 ? 'was' : 'were'} not read${before}`
  }
  const outcome = outcomeSentence(r.total, added, duplicate, failed)
  return r.state === 'undone' ? `Undone. ${outcome}` : outcome
}

function outcomeSentence(total: number, added: number, duplicate: number, failed: number): string {
  if (total === 0) return 'No files were found in what was given'
  const rest = [duplicate ? `${duplicate} already in your portfolio` : '', failed ? `${failed} failed` : ''].filter(Boolean)
  if (added) return `Imported ${added} of ${plural(total, 'file')}${rest.length ? `; ${rest.join(', ')}` : ''}`
  if (duplicate) return `Nothing new in ${plural(total, 'file')}: ${rest.join(', ')}`
  return total === 1 ? 'The file could not be imported' : `None of the ${total} files could be imported`
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })

/** "12 March 2026, 14:05": the day in words (humanDate) and the time, both in the person's own time zone. */
export function humanMoment(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  return `${humanDate(day) ?? day}, ${timeFmt.format(d)}`
}

export function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s
}
