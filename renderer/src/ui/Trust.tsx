/**
 * How far a credential can be trusted, as one badge: a word and an icon (never colour alone),
 * with a sentence on hover saying what it means.
 */
import type { Trust } from '../shared'
import { Icon, type IconName } from './Icon'

export const TRUST: Record<Trust, { label: string; icon: IconName; tone: string; explain: string }> = {
  verified: {
    label: 'Verified',
    icon: 'shieldCheck',
    tone: 'success',
    explain: 'The signature checks out, it is within its dates and it has not been revoked.',
  },
  unverified: {
    label: 'Unverified',
    icon: 'shield',
    tone: 'neutral',
    explain: 'Skillfolio could not check it: it is unsigned, signed in a way Skillfolio cannot check, or needs an online check.',
  },
  expired: {
    label: 'Expired',
    icon: 'clock',
    tone: 'warning',
    explain: 'Genuine, but past its expiry date (or not valid yet).',
  },
  problem: {
    label: 'Problem',
    icon: 'shieldAlert',
    tone: 'danger',
    explain: 'The signature does not match the contents, or the issuer revoked it.',
  },
  self_reported: {
    label: 'Self-reported',
    icon: 'pencil',
    tone: 'quiet',
    explain: 'Typed in by hand: there is no original file to check.',
  },
}

export function TrustBadge({ trust, compact }: { trust: Trust; compact?: boolean }) {
  const t = TRUST[trust]
  return (
    <span className={`badge trust trust-${trust} badge-${t.tone}${compact ? ' trust-compact' : ''}`} title={t.explain} data-trust={trust}>
      <Icon name={t.icon} size={12} />
      {t.label}
    </span>
  )
}
