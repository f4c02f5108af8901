/** Where a batch stands, as a badge: a word and an icon, never colour alone. */
import type { ImportState } from '../../shared'
import { Badge } from '../../ui/Feedback'
import type { IconName } from '../../ui/Icon'
import { STATE_LABEL } from './words'

const LOOK: Record<Exclude<ImportState, 'running'>, { tone: 'neutral' | 'success' | 'danger' | 'warning'; icon: IconName }> = {
  done: { tone: 'success', icon: 'check' },
  partial: { tone: 'warning', icon: 'alert' },
  failed: { tone: 'danger', icon: 'alert' },
  interrupted: { tone: 'warning', icon: 'clock' },
  undone: { tone: 'neutral', icon: 'undo' },
}

export function StateBadge({ state }: { state: ImportState }) {
  if (state === 'running')
    return (
      <Badge tone="accent">
        <span className="spinner spinner-xs" aria-hidden="true" /> {STATE_LABEL.running}
      </Badge>
    )
  return (
    <Badge tone={LOOK[state].tone} icon={LOOK[state].icon}>
      {STATE_LABEL[state]}
    </Badge>
  )
}
