/** Settings: whether Skillfolio may go online to check credentials, backups and exports, and where the data lives. */
import { useId } from 'react'
import { useQuery } from '../../data'
import { ErrorBanner, Loading } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { TrustedIssuers } from './TrustedIssuers'
import { Backups } from './Backups'
import { DataExport } from './DataExport'
import { ExpiryReminders } from './ExpiryReminders'
import { CurrencySetting } from './CurrencySetting'
import { SettingsCard, useSetting } from './use-setting'

export function SettingsScreen() {
  const settings = useQuery('settings:get', {})
  const info = useQuery('app:info', {})
  return (
    <div className="screen screen-page">
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Settings</h1>
          <p className="page-subtitle">Skillfolio works offline. Everything here is stored only on this computer.</p>
        </header>
        {settings.error && !settings.data ? <ErrorBanner error={settings.error} onRetry={settings.reload} /> : null}
        {settings.data ? <OnlineChecks on={settings.data.onlineChecks} /> : settings.loading ? <Loading /> : null}
        {settings.data ? <ExpiryReminders days={settings.data.expiryReminderDays} /> : null}
        {settings.data ? <CurrencySetting currency={settings.data.currency} /> : null}
        <TrustedIssuers />
        <Backups />
        <DataExport />
        {info.data ? (
          <section className="card" aria-labelledby="settings-data">
            <div className="card-head">
              <h2 className="card-title" id="settings-data">
                Your data
              </h2>
            </div>
            <dl className="props props-1">
              <div className="prop">
                <dt>Portfolio file</dt>
                <dd>
                  <code className="code">{info.data.dbPath}</code>
                </dd>
              </div>
              <div className="prop">
                <dt>Data folder (with the original badge and certificate files)</dt>
                <dd>
                  <code className="code">{info.data.dataDir}</code>
                </dd>
              </div>
              <div className="prop">
                <dt>Version</dt>
                <dd>
                  Skillfolio {info.data.version} · data format {info.data.schemaVersion}
                </dd>
              </div>
            </dl>
          </section>
        ) : null}
      </div>
    </div>
  )
}

function OnlineChecks({ on: stored }: { on: boolean }) {
  const id = useId()
  const { value: on, saving, failure, save } = useSetting(stored)

  // Turning off moves the switch at once (it goes back if saving fails); turning on waits for
  // the answer to the confirmation the app shows first.
  const toggle = (next: boolean) =>
    save({ onlineChecks: next }, next ? on : false, (saved) =>
      next && !saved.onlineChecks
        ? { value: false, message: 'Online checks stay off', tone: 'info' }
        : { value: saved.onlineChecks, message: saved.onlineChecks ? 'Online checks are on' : 'Online checks are off: Skillfolio stays offline' },
    )

  return (
    <SettingsCard title="Checking credentials" failure={failure}>
      <div className="setting">
        <div className="setting-text">
          <label className="setting-label" htmlFor={id}>
            Online checks
          </label>
          <p className="setting-desc" id={`${id}-desc`}>
            Off by default. Signatures and dates are always checked on this computer. Some credentials can only be confirmed
            by asking their issuer: when this is on, Skillfolio fetches, over https only,
          </p>
          <ul className="setting-list">
            <li>hosted badges (the issuer&rsquo;s copy of an Open Badges 2.0 badge),</li>
            <li>issuer keys and did:web documents, to check signatures,</li>
            <li>revocation and status lists, to see whether a credential was withdrawn.</li>
          </ul>
          <p className="setting-desc">
            Each request tells that site which of its credentials you hold. Skillfolio asks you to confirm before turning this
            on.
          </p>
          <p className="setting-desc setting-private">
            <Icon name="shieldCheck" size={14} />
            Nothing else leaves this computer: your portfolio, files and notes are never uploaded.
          </p>
        </div>
        <span className="switch">
          <input
            id={id}
            type="checkbox"
            role="switch"
            className="switch-input"
            checked={on}
            aria-busy={saving || undefined}
            aria-describedby={`${id}-desc`}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
        </span>
      </div>
      <p className="setting-foot muted">
        {on
          ? 'On. New imports use online checks; use “Re-verify” on a credential to check it again.'
          : 'Off. Credentials that need the issuer’s site show “Needs an online check”.'}
      </p>
    </SettingsCard>
  )
}
