/**
 * How far a credential can be trusted, as one badge: a word and an icon (never colour alone),
 * with a sentence on hover saying what it means. The words are shared with the command line
 * (TRUST_WORDS); a credential's own headline can replace the general sentence.
 */
import { TRUST_WORDS, type Trust } from '../shared'
import { Icon, type IconName } from './Icon'

const LOOK: Record<Trust, { icon: IconName; tone: string }> = {
  verified: { icon: 'shieldCheck', tone: 'success' },
  status_unchecked: { icon: 'shieldCheck', tone: 'neutral' },
  signed: { icon: 'shield', tone: 'warning' },
  unverified: { icon: 'shield', tone: 'neutral' },
  expired: { icon: 'clock', tone: 'warning' },
  not_yet_valid: { icon: 'clock', tone: 'neutral' },
  problem: { icon: 'shieldAlert', tone: 'danger' },
  self_reported: { icon: 'pencil', tone: 'quiet' },
}

export const TRUST: Record<Trust, { label: string; icon: IconName; tone: string; explain: string }> = Object.fromEntries(
  (Object.keys(LOOK) as Trust[]).map((t) => [t, { ...TRUST_WORDS[t], ...LOOK[t] }]),
) as Record<Trust, { label: string; icon: IconName; tone: string; explain: string }>

export function TrustBadge({ trust, compact, explain }: { trust: Trust; compact?: boolean; explain?: string }) {
  const t = TRUST[trust]
  return (
    <span className={`badge trust trust-${trust} badge-${t.tone}${compact ? ' trust-compact' : ''}`} title={explain ?? t.explain} data-trust={trust}>
      <Icon name={t.icon} size={12} />
      {t.label}
    </span>
  )
}
