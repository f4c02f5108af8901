/** Plain words for import batches and where credentials came from. */
import { plural } from '../../format'
import type { ImportReport } from '../../shared'

export const ORIGIN_LABEL: Record<ImportReport['origin'], string> = {
  drop: 'Dropped',
  dialog: 'Chosen',
  cli: 'Command line',
  'open-with': 'Opened with Skillfolio',
}

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

export function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s
}
