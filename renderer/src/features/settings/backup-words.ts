/** Words for backups as Settings shows them: why one was made, how big it is, how long ago. */
import type { BackupReason } from '../../../../electron/shared/backup'
import { formatDateTime } from '../../format'

export const REASON_WORDS: Record<BackupReason, string> = {
  manual: 'Made by you',
  daily: 'Daily',
  'pre-migration': 'Before an upgrade',
}

/** "840 KB", "2.3 MB": backups are never smaller than a few KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
]

/** "just now", "3 hours ago", "yesterday", "2 months ago". */
export function ago(iso: string, now = new Date()): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const seconds = (then - now.getTime()) / 1000
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  return 'just now'
}

/** A moment inside a sentence: "the backup of today, 3:51 PM", "of Nov 28, 2026, 10:44 AM". */
export function momentInSentence(iso: string): string {
  return formatDateTime(iso).replace(/^Today/, 'today')
}
