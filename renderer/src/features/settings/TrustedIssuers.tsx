/**
 * The trust list in Settings: issuer keys the person pinned (with how many credentials each
 * confirms) and issuer registries they imported, each removable; a registry file is read here
 * and only its text crosses the bridge.
 */
import { useRef, useState, type ReactNode } from 'react'
import { call, errorMessage } from '../../api'
import { humanDate } from '../../shared'
import { useInvalidate, useQuery } from '../../data'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { Button } from '../../ui/Button'
import { useToast } from '../../ui/Toast'

const MAX_REGISTRY_BYTES = 20 * 1024 * 1024
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`
const shortKey = (key: string) => (key.length > 28 ? `${key.slice(0, 14)}…${key.slice(-8)}` : key)

export function TrustedIssuers() {
  const list = useQuery('issuers:list', {})
  const invalidate = useInvalidate()
  const toast = useToast()
  const fileInput = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const act = async (key: string, work: () => Promise<string>) => {
    setBusy(key)
    try {
      toast.show(await work())
      invalidate()
    } catch (error) {
      toast.show(errorMessage(error), 'error')
    } finally {
      setBusy(null)
    }
  }

  const importFile = (file: File) =>
    act('import', async () => {
      if (file.size > MAX_REGISTRY_BYTES) throw new Error(`“${file.name}” is larger than 20 MB; an issuer registry is much smaller.`)
      const r = await call('issuers:importRegistry', { text: await file.text(), name: file.name.replace(/\.json$/i, '') })
      const skipped = r.skipped.length ? ` (${plural(r.skipped.length, 'entry', 'entries')} not taken)` : ''
      return `Imported “${r.name}”: ${plural(r.added, 'issuer')}${skipped}; ${plural(r.rebound, 'credential')} changed verdict.`
    })

  const data = list.data
  return (
    <section className="card" aria-labelledby="settings-trust">
      <div className="card-head">
        <h2 className="card-title" id="settings-trust">
          Trusted issuers
        </h2>
        <Button size="sm" variant="ghost" icon="download" busy={busy === 'import'} onClick={() => fileInput.current?.click()}>
          Import issuer registry…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void importFile(file)
          }}
        />
      </div>
      <p className="setting-desc">
        A valid signature only says that some key signed a credential. Skillfolio shows <strong>Verified</strong> when the key is also the issuer’s: the issuer is that
        very key (did:key), its own web document lists the key (online checks), or you pinned the key here. A registry (Digital Credentials Consortium format) names the
        issuers behind DIDs.
      </p>
      {list.error && !data ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {!data ? (
        list.loading ? <Loading /> : null
      ) : (
        <>
          <h3 className="subhead">Pinned keys</h3>
          {data.pins.length ? (
            <ul className="trust-list" aria-label="Pinned keys">
              {data.pins.map((p) => {
                const who = p.label ?? p.issuerId
                const key = `pin ${p.issuerId} ${p.signerKey}`
                return (
                  <TrustRow
                    key={key}
                    title={who}
                    removeLabel={`Remove the pinned key of ${who}`}
                    busy={busy === key}
                    onRemove={() =>
                      void act(key, async () => {
                        await call('issuers:unpin', { issuerId: p.issuerId, signerKey: p.signerKey })
                        return `Removed the pinned key of ${who}`
                      })
                    }
                  >
                    {p.label ? <span className="mono-id">{p.issuerId}</span> : null}
                    <span className="mono-id" title={p.signerKey}>
                      key {shortKey(p.signerKey)}
                    </span>
                    <span>
                      pinned {humanDate(p.pinnedAt)}
                      {p.source === 'online' ? ' after an online check' : ''} · confirms {plural(p.credentials, 'credential')}
                    </span>
                  </TrustRow>
                )
              })}
            </ul>
          ) : (
            <p className="muted">No pinned keys. Open a credential whose issuer is not confirmed and choose “Pin this key for the issuer…” if you know the key is theirs.</p>
          )}
          <h3 className="subhead">Issuer registries</h3>
          {data.registries.length ? (
            <ul className="trust-list" aria-label="Issuer registries">
              {data.registries.map((r) => (
                <TrustRow
                  key={r.name}
                  title={r.name}
                  removeLabel={`Remove the registry ${r.name}`}
                  busy={busy === `registry ${r.name}`}
                  onRemove={() =>
                    void act(`registry ${r.name}`, async () => {
                      await call('issuers:removeRegistry', { name: r.name })
                      return `Removed the registry “${r.name}”`
                    })
                  }
                >
                  <span>
                    {plural(r.entries, 'issuer')} · imported {humanDate(r.importedAt)}
                  </span>
                </TrustRow>
              ))}
            </ul>
          ) : (
            <p className="muted">No registries. Import one from a file you trust; nothing is downloaded.</p>
          )}
        </>
      )}
    </section>
  )
}

/** One entry of the trust list: what it is, facts about it, and Remove. */
function TrustRow({ title, removeLabel, busy, onRemove, children }: { title: string; removeLabel: string; busy: boolean; onRemove: () => void; children: ReactNode }) {
  return (
    <li className="trust-row">
      <div className="trust-row-main">
        <div className="trust-row-title">{title}</div>
        <div className="trust-row-meta">{children}</div>
      </div>
      <Button size="sm" variant="ghost" icon="x" busy={busy} aria-label={removeLabel} onClick={onRemove}>
        Remove
      </Button>
    </li>
  )
}
