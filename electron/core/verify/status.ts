/**
 * Revocation and suspension. Skillfolio says `not_revoked` only after a real check: a status
 * list fetched, its signature verified and the credential's bit clear, or an Open Badges 2.0
 * revocation list / hosted assertion fetched without finding the credential revoked. A credential
 * that declares no status mechanism gets `unknown` ("the issuer offers no revocation check"):
 * nothing was checked. Status lists and OB 2.0 revocation lists give `needs_network` offline.
 */
import { gunzipSync } from 'node:zlib'
import type { VerificationResult } from '../../shared/verification'
import { checkValidity, statedDates } from './dates'
import { errorMessage } from './keys'
import { ob2Issuer } from './jws'
import type { FetchJson } from './online-fetch'

export type StatusOutcome = VerificationResult['status']
type SignatureOutcome = VerificationResult['signature']

/** Largest decompressed status list accepted (16 MiB = 134 million entries). */
const MAX_LIST_BYTES = 16 * 1024 * 1024

const out = (verdict: StatusOutcome['verdict'], detail: string): StatusOutcome => ({ verdict, detail })
const obj = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null)
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])

export const NO_STATUS = 'The issuer offers no revocation check: the credential carries no status entry, so there is nothing to look up.'

/** Decodes a status list's `encodedList` (multibase base64url, or plain base64url for StatusList2021) and gunzips it. */
export function decodeStatusList(encodedList: string): Uint8Array {
  const text = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList
  const compressed = Buffer.from(text, 'base64url')
  if (compressed.length === 0) throw new Error('The status list is empty.')
  return new Uint8Array(gunzipSync(compressed, { maxOutputLength: MAX_LIST_BYTES }))
}

/** The value of entry `index` (statusSize bits, first entry at the left-most bit). */
export function readStatus(list: Uint8Array, index: number, size = 1): number | null {
  if (!Number.isInteger(index) || index < 0 || !Number.isInteger(size) || size < 1 || size > 8) return null
  let value = 0
  for (let b = 0; b < size; b++) {
    const bit = index * size + b
    const byte = list[bit >> 3]
    if (byte === undefined) return null
    value = (value << 1) | ((byte >> (7 - (bit & 7))) & 1)
  }
  return value
}

export interface StatusContext {
  online: boolean
  fetchJson?: FetchJson
  now: Date
  /** Verifies a status list credential's embedded proof (the same checks as any credential). */
  verifySignature: (document: Record<string, unknown>) => Promise<SignatureOutcome>
}

async function bitstringEntry(entry: Record<string, unknown>, credential: Record<string, unknown>, ctx: StatusContext): Promise<StatusOutcome> {
  const type = String(entry.type)
  const listUrl = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : null
  const index = Number(entry.statusListIndex)
  const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'revocation'
  if (!listUrl || !Number.isInteger(index) || index < 0) return out('unknown', `The ${type} status entry is incomplete (no list address or no valid index).`)
  if (!ctx.online || !ctx.fetchJson) return out('needs_network', `Has a ${purpose} status list at ${listUrl} (entry ${index}); turn on online checks to look it up.`)
  let list: Record<string, unknown> | null
  try {
    list = obj(await ctx.fetchJson(listUrl))
  } catch (error) {
    return out('needs_network', `Could not fetch the status list ${listUrl}: ${errorMessage(error)}`)
  }
  if (!list) return out('unknown', `${listUrl} is not a status list credential.`)
  const types = asArray(list.type).map(String)
  if (!types.some((t) => t === 'BitstringStatusListCredential' || t === 'StatusList2021Credential')) {
    return out('unknown', `${listUrl} is not a status list credential (type ${types.join(', ') || 'none'}).`)
  }
  const signature = await ctx.verifySignature(list)
  if (signature.verdict !== 'valid') return out('unknown', `The status list ${listUrl} could not be trusted: its signature is ${signature.verdict.replace('_', ' ')} (${signature.detail})`)
  const dates = statedDates(list)
  const validity = checkValidity(dates.from, dates.until, ctx.now)
  if (validity.verdict === 'expired') return out('unknown', `The status list ${listUrl} has expired (${validity.validUntil}), so it no longer tells the status.`)
  const subject = obj(Array.isArray(list.credentialSubject) ? list.credentialSubject[0] : list.credentialSubject)
  const encoded = typeof subject?.encodedList === 'string' ? subject.encodedList : null
  if (!encoded) return out('unknown', `The status list ${listUrl} has no encodedList.`)
  const listPurposes = asArray(subject?.statusPurpose).map(String)
  if (listPurposes.length && !listPurposes.includes(purpose)) {
    return out('unknown', `The status list ${listUrl} is for ${listPurposes.join('/')}, but the credential's entry is for ${purpose}.`)
  }
  let bits: Uint8Array
  try {
    bits = decodeStatusList(encoded)
  } catch (error) {
    return out('unknown', `The status list ${listUrl} could not be decoded: ${errorMessage(error)}`)
  }
  const size = entry.statusSize === undefined ? 1 : Number(entry.statusSize)
  const value = readStatus(bits, index, size)
  if (value === null) return out('unknown', `Entry ${index} is outside the status list ${listUrl} (${bits.length * 8} entries).`)
  const issuerOf = (doc: Record<string, unknown>) => (typeof doc.issuer === 'string' ? doc.issuer : (obj(doc.issuer)?.id as string | undefined) ?? null)
  const listIssuer = issuerOf(list)
  const sameIssuer = listIssuer && listIssuer === issuerOf(credential) ? '' : ` (the list is signed by ${listIssuer ?? 'an unnamed issuer'}, not by the credential's issuer)`
  if (purpose === 'revocation') {
    return value ? out('revoked', `Revoked: entry ${index} is set in the issuer's status list ${listUrl}${sameIssuer}.`) : out('not_revoked', `Not revoked: entry ${index} is clear in the signed status list ${listUrl}${sameIssuer}.`)
  }
  if (purpose === 'suspension') {
    return value ? out('suspended', `Suspended: entry ${index} is set in the issuer's suspension list ${listUrl}${sameIssuer}.`) : out('not_revoked', `Not suspended: entry ${index} is clear in the signed suspension list ${listUrl}${sameIssuer}.`)
  }
  return out('unknown', `The status list ${listUrl} is for "${purpose}" messages (entry ${index} = ${value}); it does not say whether the credential is revoked.`)
}

async function oneEdTechRevocationList(entry: Record<string, unknown>, credential: Record<string, unknown>, ctx: StatusContext): Promise<StatusOutcome> {
  const url = typeof entry.id === 'string' ? entry.id : null
  if (!url) return out('unknown', 'The 1EdTech revocation list entry has no address.')
  if (!ctx.online || !ctx.fetchJson) return out('needs_network', `Has a 1EdTech revocation list at ${url}; turn on online checks to look it up.`)
  try {
    const list = obj(await ctx.fetchJson(url))
    const revoked = asArray(list?.revokedCredentials ?? list?.revokedAssertions)
    const id = credential.id
    const hit = revoked.find((r) => r === id || obj(r)?.id === id)
    if (hit) return out('revoked', `Revoked according to the issuer's revocation list ${url}${obj(hit)?.revocationReason ? `: ${String(obj(hit)!.revocationReason)}` : ''}.`)
    return out('not_revoked', `Not listed in the issuer's revocation list ${url}.`)
  } catch (error) {
    return out('needs_network', `Could not fetch the revocation list ${url}: ${errorMessage(error)}`)
  }
}

/** Status of a W3C credential (OB 3.0, CLR 2.0, other VCs) from its `credentialStatus`. */
export async function checkCredentialStatus(credential: Record<string, unknown>, ctx: StatusContext): Promise<StatusOutcome> {
  const entries = asArray(credential.credentialStatus).map(obj).filter((e): e is Record<string, unknown> => !!e)
  if (entries.length === 0) return out('unknown', NO_STATUS)
  const results: StatusOutcome[] = []
  for (const entry of entries) {
    const type = asArray(entry.type).map(String)
    if (type.includes('BitstringStatusListEntry') || type.includes('StatusList2021Entry')) results.push(await bitstringEntry(entry, credential, ctx))
    else if (type.includes('1EdTechRevocationList')) results.push(await oneEdTechRevocationList(entry, credential, ctx))
    else results.push(out('unknown', `The status method ${type.join(', ') || '(no type)'} is not supported, so revocation could not be checked.`))
  }
  return combine(results)
}

const ORDER: StatusOutcome['verdict'][] = ['revoked', 'suspended', 'needs_network', 'unknown', 'not_revoked']
export function combine(results: StatusOutcome[]): StatusOutcome {
  if (results.length === 1) return results[0]!
  for (const verdict of ORDER) {
    const hits = results.filter((r) => r.verdict === verdict)
    if (hits.length) return out(verdict, results.map((r) => r.detail).join(' '))
  }
  return out('unknown', NO_STATUS)
}

/**
 * Open Badges 2.0: a hosted assertion is revoked by its issuer taking it down (or marking it
 * `revoked`); both hosted and signed assertions may be listed in the issuer's revocationList.
 */
export async function checkOb2Status(assertion: Record<string, unknown>, hostedCheck: StatusOutcome | null, ctx: StatusContext): Promise<StatusOutcome> {
  if (hostedCheck && hostedCheck.verdict !== 'not_revoked') return hostedCheck
  if (!ctx.online || !ctx.fetchJson) return out('needs_network', 'Open Badges 2.0 revocation is published by the issuer on the web; turn on online checks to look it up.')
  let issuer: Record<string, unknown> | null
  try {
    issuer = await ob2Issuer(assertion, ctx.fetchJson)
  } catch (error) {
    return out('needs_network', `Could not fetch the badge issuer to look for a revocation list: ${errorMessage(error)}`)
  }
  const listRef = issuer?.revocationList
  if (!listRef) {
    return hostedCheck ?? out('unknown', 'The issuer offers no revocation check: its profile has no revocation list.')
  }
  try {
    const list = obj(typeof listRef === 'string' ? await ctx.fetchJson(listRef) : listRef)
    const revoked = asArray(list?.revokedAssertions)
    const ids = [assertion.id, assertion.uid].filter((v) => typeof v === 'string')
    const hit = revoked.find((r) => ids.includes(r as string) || ids.includes(obj(r)?.id as string) || ids.includes(obj(r)?.uid as string))
    if (hit) {
      const reason = obj(hit)?.revocationReason
      return out('revoked', `Revoked by the issuer${reason ? `: "${String(reason)}"` : ''} (listed in ${typeof listRef === 'string' ? listRef : 'its revocation list'}).`)
    }
    return out('not_revoked', `Not revoked: not listed in the issuer's revocation list ${typeof listRef === 'string' ? listRef : ''}`.trim() + (hostedCheck ? ` ${hostedCheck.detail}` : '.'))
  } catch (error) {
    return out('needs_network', `Could not fetch the revocation list: ${errorMessage(error)}`)
  }
}
