/**
 * For imported credentials: the verdicts of the last check (signature, issuer, dates, status)
 * with their sentences and a headline naming what was and was not checked, how and when it was
 * checked, "Re-verify", pinning the signing key for its issuer, and where the credential came
 * from (format, issuer id, recipient, criteria, import warnings).
 */
import { useState } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate } from '../../data'
import { formatDateTime, formatLabel } from '../../format'
import { failedCheck, verificationHeadline, type Credential, type IssuerVerdict, type SignatureVerdict, type StatusVerdict, type ValidityVerdict, type VerificationResult } from '../../shared'
import { Button } from '../../ui/Button'
import { Icon, type IconName } from '../../ui/Icon'
import { Properties, Section } from '../../ui/Layout'
import { TRUST } from '../../ui/Trust'
import { useToast } from '../../ui/Toast'

type Tone = 'success' | 'warning' | 'danger' | 'neutral'
interface VerdictLook {
  label: string
  icon: IconName
  tone: Tone
}

const SIGNATURE: Record<SignatureVerdict, VerdictLook> = {
  valid: { label: 'Valid signature', icon: 'check', tone: 'success' },
  invalid: { label: 'Invalid signature', icon: 'alert', tone: 'danger' },
  unsupported: { label: 'Cannot be checked', icon: 'help', tone: 'warning' },
  needs_network: { label: 'Needs an online check', icon: 'globe', tone: 'neutral' },
  unsigned: { label: 'Not signed', icon: 'minus', tone: 'neutral' },
}

const ISSUER: Record<IssuerVerdict, VerdictLook> = {
  confirmed: { label: 'Issuer confirmed', icon: 'check', tone: 'success' },
  not_confirmed: { label: 'Issuer not confirmed', icon: 'alert', tone: 'warning' },
  not_checked: { label: 'Not checked', icon: 'minus', tone: 'neutral' },
}

const VALIDITY: Record<ValidityVerdict, VerdictLook> = {
  valid: { label: 'In date', icon: 'check', tone: 'success' },
  expired: { label: 'Expired', icon: 'clock', tone: 'warning' },
  not_yet_valid: { label: 'Not valid yet', icon: 'clock', tone: 'warning' },
}

const STATUS: Record<StatusVerdict, VerdictLook> = {
  not_revoked: { label: 'Not revoked', icon: 'check', tone: 'success' },
  revoked: { label: 'Revoked', icon: 'alert', tone: 'danger' },
  suspended: { label: 'Suspended', icon: 'alert', tone: 'warning' },
  unknown: { label: 'No revocation check', icon: 'minus', tone: 'neutral' },
  needs_network: { label: 'Needs an online check', icon: 'globe', tone: 'neutral' },
}

export function VerificationSection({ credential: c }: { credential: Credential }) {
  const [checking, setChecking] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const v = c.verification

  const reverify = async () => {
    setChecking(true)
    try {
      await call('credentials:verify', { id: c.id })
      invalidate()
      toast.show(`Checked “${c.title}” again`)
    } catch (error) {
      toast.show(`Not checked: ${errorMessage(error)}`, 'error')
    } finally {
      setChecking(false)
    }
  }

  const needsNetwork = v && !v.online && (v.signature.verdict === 'needs_network' || v.status.verdict === 'needs_network')
  const problem = failedCheck(v)

  return (
    <Section
      title="Verification"
      actions={
        <Button size="sm" variant="ghost" icon="refresh" busy={checking} onClick={() => void reverify()}>
          {checking ? 'Checking…' : 'Re-verify'}
        </Button>
      }
    >
      <div className="verification" aria-busy={checking || undefined}>
        <p className={`verification-summary trust-text-${c.trust}`}>
          <Icon name={TRUST[c.trust].icon} size={15} />
          <span>
            <strong>{TRUST[c.trust].label}.</strong> {v ? `${verificationHeadline(v)}.` : TRUST[c.trust].explain}
            {problem ? <span className="verification-problem"> {problem}</span> : null}
          </span>
        </p>
        {v ? (
          <>
            <ul className="verdicts">
              <Verdict name="Signature" look={SIGNATURE[v.signature.verdict]} detail={v.signature.detail} />
              <Verdict name="Issuer" look={ISSUER[v.issuer.verdict]} detail={v.issuer.detail}>
                {v.signature.verdict === 'valid' && v.issuer.issuerId && v.issuer.signerKey ? <PinAction credential={c} v={v} /> : null}
              </Verdict>
              <Verdict name="Dates" look={VALIDITY[v.validity.verdict]} detail={v.validity.detail} />
              <Verdict name="Status" look={STATUS[v.status.verdict]} detail={v.status.detail} />
            </ul>
            <CheckFacts v={v} />
            {needsNetwork ? (
              <p className="verification-hint">
                <Icon name="globe" size={14} />
                <span>
                  Turn on <a href="#/settings">online checks</a> to let Skillfolio ask the issuer, then re-verify.
                </span>
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">Not checked yet. Re-verify to check it now.</p>
        )}
        <div className="sr-only" role="status" aria-live="polite">
          {checking ? 'Checking the credential…' : ''}
        </div>
      </div>
    </Section>
  )
}

function Verdict({ name, look, detail, children }: { name: string; look: VerdictLook; detail: string; children?: React.ReactNode }) {
  return (
    <li className="verdict">
      <div className="verdict-name">{name}</div>
      <div className="verdict-body">
        <span className={`verdict-label verdict-${look.tone}`}>
          <Icon name={look.icon} size={13} />
          {look.label}
        </span>
        <p className="verdict-detail">{detail}</p>
        {children}
      </div>
    </li>
  )
}

/**
 * Pin (or unpin) the key that signed this credential for the issuer it names. Pinning says "I
 * know this key is the issuer's", so it asks first and says what it will change.
 */
function PinAction({ credential: c, v }: { credential: Credential; v: VerificationResult }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const issuerId = v.issuer.issuerId!
  const signerKey = v.issuer.signerKey!
  const pinned = v.issuer.basis === 'pinned'
  if (v.issuer.verdict === 'confirmed' && !pinned) return null

  const run = async () => {
    setBusy(true)
    try {
      if (pinned) await call('issuers:unpin', { issuerId, signerKey })
      else await call('issuers:pin', { credentialId: c.id, label: c.issuerName })
      invalidate()
      toast.show(pinned ? `Unpinned the key for ${c.issuerName ?? issuerId}` : `Pinned the key for ${c.issuerName ?? issuerId}`)
      setAsking(false)
    } catch (error) {
      toast.show(`${pinned ? 'Not unpinned' : 'Not pinned'}: ${errorMessage(error)}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  if (pinned) {
    return (
      <div className="verdict-actions">
        <Button size="sm" variant="ghost" icon="x" busy={busy} onClick={() => void run()}>
          Unpin this key
        </Button>
      </div>
    )
  }
  return asking ? (
    <div className="pin-confirm" role="group" aria-label="Pin this key">
      <p>
        Pin only if you know this key is {c.issuerName ? `${c.issuerName}’s` : 'the issuer’s'} (for example the issuer published it or told you so). Every
        credential from <span className="mono-id">{issuerId}</span> signed by this key will then show as confirmed.
      </p>
      <div className="verdict-actions">
        <Button size="sm" variant="primary" icon="pin" busy={busy} onClick={() => void run()} autoFocus>
          Pin the key
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
    </div>
  ) : (
    <div className="verdict-actions">
      <Button size="sm" variant="ghost" icon="pin" onClick={() => setAsking(true)}>
        Pin this key for the issuer…
      </Button>
    </div>
  )
}

function CheckFacts({ v }: { v: VerificationResult }) {
  const facts = [
    v.signature.method ? { label: 'Method', value: v.signature.method, mono: false } : null,
    v.signature.keyId ? { label: v.signature.method === 'hosted' ? 'Hosted at' : 'Key', value: v.signature.keyId, mono: true } : null,
  ].filter((f): f is { label: string; value: string; mono: boolean } => f !== null)
  return (
    <div className="check-facts">
      {facts.map((f) => (
        <span key={f.label} className="check-fact">
          <span className="check-fact-label">{f.label}</span>
          <span className={f.mono ? 'check-fact-value mono' : 'check-fact-value'} title={f.value}>
            {f.value}
          </span>
        </span>
      ))}
      <span className="check-fact">
        <Icon name="clock" size={12} />
        <span>
          Checked {formatDateTime(v.checkedAt)} · {v.online ? 'online checks on' : 'offline'}
        </span>
      </span>
    </div>
  )
}

/** Where an imported credential came from. `shownId` is the credential ID already shown under Details. */
export function SourceSection({ source: s, shownId }: { source: NonNullable<Credential['source']>; shownId: string | null }) {
  const recipient = s.recipientName
    ? s.recipientIdentity && !s.recipientHashed
      ? `${s.recipientName} (${s.recipientIdentity})`
      : s.recipientName
    : s.recipientHashed
      ? 'Hashed e-mail address'
      : s.recipientIdentity
  const isLink = (u: string | null): u is string => Boolean(u && /^https?:\/\//.test(u))
  return (
    <Section title="Imported from">
      <Properties
        items={[
          { label: 'Format', value: formatLabel(s.format, s.container) },
          { label: 'Achievement type', value: s.achievementType },
          {
            label: 'Issuer ID',
            value: s.issuerId ? <span className="mono-id">{s.issuerId}</span> : null,
          },
          {
            label: 'Recipient',
            value: recipient ? (
              s.recipientHashed && !s.recipientName ? (
                <span title="The issuer stored only a fingerprint (hash) of the address, so it stays private.">
                  {recipient} <span className="muted">· kept private</span>
                </span>
              ) : (
                recipient
              )
            ) : null,
          },
          {
            label: 'Credential ID',
            value: s.sourceId && s.sourceId !== shownId ? (
              isLink(s.sourceId) ? (
                <a className="ext-link" href={s.sourceId} target="_blank" rel="noreferrer">
                  {s.sourceId.replace(/^https?:\/\//, '')}
                  <Icon name="external" size={12} />
                </a>
              ) : (
                <span className="mono-id">{s.sourceId}</span>
              )
            ) : null,
          },
        ]}
      />
      {s.criteria ? (
        <div className="criteria">
          <div className="criteria-label">Criteria</div>
          {isLink(s.criteria) ? (
            <a className="ext-link" href={s.criteria} target="_blank" rel="noreferrer">
              {s.criteria.replace(/^https?:\/\//, '')}
              <Icon name="external" size={12} />
            </a>
          ) : (
            <p className="prose">{s.criteria}</p>
          )}
        </div>
      ) : null}
      {s.warnings.length ? (
        <ul className="import-warnings" aria-label="Import warnings">
          {s.warnings.map((w, i) => (
            <li key={i}>
              <Icon name="alert" size={13} />
              <span>{w}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  )
}
