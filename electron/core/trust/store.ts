/**
 * The trust list in the portfolio: pinned issuer keys (issuer_pin) and imported issuer
 * registries (issuer_registry_entry). Every change re-applies the list to the stored
 * verifications in the same transaction, so "Verified" follows a pin or its removal at once,
 * without re-checking any signature.
 */
import type { Db } from '../db/open'
import type { IssuerBasis, IssuerVerdict, KeySource } from '../../shared/verification'
import type { IssuerPin, RegistryImportResult, TrustListView } from '../../shared/trust'
import { badInput, notFound } from '../../shared/errors'
import { quote } from '../../shared/text-rules'
import { bindIssuer, type TrustList } from '../verify/issuer-binding'
import { base58Decode } from '../verify/keys'
import { parseRegistry } from './registry-format'

interface BindingRow {
  credential_id: number
  issuer_id: string | null
  signer_key: string | null
  key_source: KeySource
  intrinsic_basis: IssuerBasis | null
  issuer_verdict: IssuerVerdict
  issuer_basis: IssuerBasis | null
  online: number
}

/** A key typed in by hand, in the form pins store: did:key:z… → z…; z… and jwk:… as given. */
export function normalisePinKey(key: string): string {
  const text = key.trim()
  const multibase = text.startsWith('did:key:') ? text.slice('did:key:'.length).split('#')[0]! : text
  if (/^z[1-9A-HJ-NP-Za-km-z]{20,200}$/.test(multibase) && base58Decode(multibase.slice(1))) return multibase
  if (/^(jwk:[A-Za-z0-9_-]{43}|spki:[0-9a-f]{64})$/.test(text)) return text
  throw badInput(`${quote(text)} is not a key Skillfolio can pin: give a did:key, a multibase public key (z…) or jwk:<thumbprint>.`)
}

export function createTrustStore(db: Db, now: () => Date) {
  const isPinned = db.prepare<[string, string], number>('SELECT 1 FROM issuer_pin WHERE issuer_id = ? AND signer_key = ?').pluck()
  const keyOfPin = db.prepare<[string], string>('SELECT signer_key FROM issuer_pin WHERE key_id = ? ORDER BY pinned_at LIMIT 1').pluck()
  const registryOf = db.prepare<[string], { name: string; registry: string }>('SELECT name, registry FROM issuer_registry_entry WHERE did = ?')
  const pins = db.prepare<[], { issuer_id: string; signer_key: string; key_id: string | null; label: string | null; source: 'manual' | 'online'; pinned_at: string; credentials: number }>(
    `SELECT p.*, (SELECT count(*) FROM credential_verification v
                   WHERE v.issuer_id = p.issuer_id AND v.signer_key = p.signer_key AND v.issuer_basis = 'pinned') AS credentials
       FROM issuer_pin p ORDER BY p.issuer_id, p.pinned_at`,
  )
  const registries = db.prepare<[], { name: string; entries: number; imported_at: string }>(
    'SELECT registry AS name, count(*) AS entries, min(imported_at) AS imported_at FROM issuer_registry_entry GROUP BY registry ORDER BY min(imported_at)',
  )
  const insertPin = db.prepare(
    `INSERT INTO issuer_pin (issuer_id, signer_key, key_id, label, source, pinned_at) VALUES (@issuerId, @signerKey, @keyId, @label, @source, @at)
     ON CONFLICT (issuer_id, signer_key) DO UPDATE SET label = coalesce(excluded.label, label)`,
  )
  const deletePin = db.prepare('DELETE FROM issuer_pin WHERE issuer_id = ? AND signer_key = ?')
  const verificationOf = db.prepare<[number], BindingRow & { signature_verdict: string; signature_key_id: string | null }>('SELECT * FROM credential_verification WHERE credential_id = ?')
  const bindable = db.prepare<[], BindingRow>(`SELECT * FROM credential_verification WHERE signature_verdict = 'valid' AND key_source IS NOT NULL`)
  const updateBinding = db.prepare('UPDATE credential_verification SET issuer_verdict = ?, issuer_basis = ?, issuer_detail = ? WHERE credential_id = ?')
  const deleteRegistry = db.prepare('DELETE FROM issuer_registry_entry WHERE registry = ?')
  const insertEntry = db.prepare(
    `INSERT INTO issuer_registry_entry (did, name, url, location, registry, imported_at) VALUES (@did, @name, @url, @location, @registry, @at)
     ON CONFLICT (did) DO NOTHING`,
  )

  const trustList: TrustList = {
    pinned: (issuerId, signerKey) => isPinned.get(issuerId, signerKey) === 1,
    pinnedKey: (keyId) => keyOfPin.get(keyId) ?? null,
    registryName: (did) => registryOf.get(did) ?? null,
  }

  /** Applies the list to every stored valid signature again; returns how many verdicts changed. */
  function rebind(): number {
    let changed = 0
    for (const row of bindable.all()) {
      const bound = bindIssuer(row.issuer_id, { keySource: row.key_source, signerKey: row.signer_key, boundTo: row.intrinsic_basis ? row.issuer_id : null }, trustList)
      if (bound.verdict === row.issuer_verdict && bound.basis === row.issuer_basis) continue
      updateBinding.run(bound.verdict, bound.basis, bound.detail, row.credential_id)
      changed++
    }
    return changed
  }

  function list(): TrustListView {
    return {
      pins: pins.all().map(
        (p): IssuerPin => ({ issuerId: p.issuer_id, signerKey: p.signer_key, keyId: p.key_id, label: p.label, source: p.source, pinnedAt: p.pinned_at, credentials: p.credentials }),
      ),
      registries: registries.all().map((r) => ({ name: r.name, entries: r.entries, importedAt: r.imported_at })),
    }
  }

  return {
    trustList,
    list,
    rebind: () => db.transaction(rebind).immediate(),

    /** Pins the key that signed a credential (its latest check) for the issuer it names. */
    pinCredential(credentialRowId: number, label: string | null): TrustListView {
      db.transaction(() => {
        const v = verificationOf.get(credentialRowId)
        if (!v || v.signature_verdict !== 'valid') throw badInput('Only a credential with a valid signature has a key to pin.')
        if (!v.issuer_id) throw badInput('This credential names no issuer to pin its key for.')
        if (!v.signer_key) throw badInput('Skillfolio does not know this credential’s signing key in a form it can pin; check it again first.')
        // Confirmed by the issuer's own published document while online: the pin keeps that.
        const source = v.online === 1 && (v.intrinsic_basis === 'did:web' || v.intrinsic_basis === 'https' || v.intrinsic_basis === 'hosted') ? 'online' : 'manual'
        insertPin.run({ issuerId: v.issuer_id, signerKey: v.signer_key, keyId: v.signature_key_id, label, source, at: now().toISOString() })
        rebind()
      }).immediate()
      return list()
    },

    pinKey(issuerId: string, key: string, label: string | null): TrustListView {
      const signerKey = normalisePinKey(key)
      db.transaction(() => {
        insertPin.run({ issuerId: issuerId.trim(), signerKey, keyId: key.startsWith('did:key:') ? key.trim() : null, label, source: 'manual', at: now().toISOString() })
        rebind()
      }).immediate()
      return list()
    },

    unpin(issuerId: string, signerKey: string): TrustListView {
      db.transaction(() => {
        if (deletePin.run(issuerId, signerKey).changes === 0) throw notFound(`No key ${quote(signerKey)} is pinned for ${quote(issuerId)}.`)
        rebind()
      }).immediate()
      return list()
    },

    importRegistry(text: string, name: string | null): RegistryImportResult {
      const parsed = parseRegistry(text)
      const registry = name ?? parsed.name ?? 'Imported registry'
      if (parsed.entries.length === 0) throw badInput(`The issuer registry lists no usable issuer${parsed.skipped.length ? ` (${parsed.skipped.slice(0, 3).join('; ')})` : ''}.`)
      const at = now().toISOString()
      let added = 0
      let rebound = 0
      db.transaction(() => {
        deleteRegistry.run(registry) // a registry imported again replaces its earlier copy
        for (const e of parsed.entries) added += insertEntry.run({ ...e, registry, at }).changes
        rebound = rebind()
      }).immediate()
      const shadowed = parsed.entries.length - added
      const skipped = shadowed > 0 ? [...parsed.skipped, `${shadowed} issuer${shadowed === 1 ? ' is' : 's are'} already named by a registry imported earlier`] : parsed.skipped
      return { name: registry, added, skipped, rebound }
    },

    removeRegistry(name: string): TrustListView {
      db.transaction(() => {
        if (deleteRegistry.run(name).changes === 0) throw notFound(`There is no issuer registry named ${quote(name)}.`)
        rebind()
      }).immediate()
      return list()
    },
  }
}
export type TrustStore = ReturnType<typeof createTrustStore>
