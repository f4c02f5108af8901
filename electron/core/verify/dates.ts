/**
 * Validity dates: when a credential starts and stops being valid, compared with the clock the
 * verifier is given. Real files write dates as ISO timestamps (with or without offset, with
 * microseconds), plain dates, Unix seconds, or dates that do not exist (2015-04-31).
 */
import type { VerificationResult } from '../../shared/verification'
import { humanDate } from '../../shared/verdict'

type Validity = VerificationResult['validity']

export interface ParsedDate {
  raw: string
  /** Milliseconds since the epoch; null when the text is not a real date. */
  time: number | null
  /** True when only a calendar day was given. */
  dateOnly: boolean
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i

export function parseDate(value: unknown): ParsedDate | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
    const n = Number(value)
    if (!Number.isFinite(n) || n < 0) return { raw: String(value), time: null, dateOnly: false }
    return { raw: String(value), time: n < 1e11 ? n * 1000 : n, dateOnly: false }
  }
  if (typeof value !== 'string') return { raw: JSON.stringify(value) ?? String(value), time: null, dateOnly: false }
  const raw = value.trim()
  const m = ISO.exec(raw)
  if (!m) {
    const fallback = Date.parse(raw)
    return { raw, time: Number.isNaN(fallback) ? null : fallback, dateOnly: false }
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h ?? 0)
  const minute = Number(mi ?? 0)
  const second = Number(s ?? 0)
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0
  let time = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const check = new Date(time)
  // Reject impossible dates that Date.UTC would roll over (April 31 → May 1).
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) {
    return { raw, time: null, dateOnly: h === undefined }
  }
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000
  }
  return { raw, time, dateOnly: h === undefined }
}

const obj = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null)

/** The start and end dates a document states, whatever its family. */
export function statedDates(document: unknown, jwtPayload?: Record<string, unknown> | null, fallback?: { issuedOn: string | null; expiresOn: string | null }) {
  const doc = obj(document) ?? {}
  const pick = (...keys: string[]) => {
    for (const key of keys) if (doc[key] !== undefined && doc[key] !== null && doc[key] !== '') return { key, value: doc[key] }
    return null
  }
  let from = pick('validFrom', 'issuanceDate', 'issuedOn', 'issued_on')
  let until = pick('validUntil', 'expirationDate', 'expires')
  if (!from && jwtPayload && typeof jwtPayload.nbf === 'number') from = { key: 'nbf', value: jwtPayload.nbf }
  if (!until && jwtPayload && typeof jwtPayload.exp === 'number') until = { key: 'exp', value: jwtPayload.exp }
  if (!from && fallback?.issuedOn) from = { key: 'issued', value: fallback.issuedOn }
  if (!until && fallback?.expiresOn) until = { key: 'expires', value: fallback.expiresOn }
  return { from, until }
}

const iso = (d: ParsedDate | null) => (d ? (d.time === null ? d.raw : d.dateOnly ? d.raw : new Date(d.time).toISOString()) : null)
const DAY = 86_400_000
/** Dates in sentences are for people ("1 June 2024"); the ISO form stays in validFrom/validUntil. */
const day = (isoText: string | null) => humanDate(isoText) ?? ''

export function checkValidity(from: { key: string; value: unknown } | null, until: { key: string; value: unknown } | null, now: Date): Validity {
  const start = from ? parseDate(from.value) : null
  const end = until ? parseDate(until.value) : null
  const validFrom = iso(start)
  const validUntil = iso(end)
  const t = now.getTime()
  const notes: string[] = []
  if (start && start.time === null) notes.push(`The start date "${start.raw}" (${from!.key}) is not a real date, so it was not checked.`)
  if (end && end.time === null) notes.push(`The end date "${end.raw}" (${until!.key}) is not a real date, so it was not checked.`)
  const extra = notes.length ? ` ${notes.join(' ')}` : ''
  // A plain calendar date counts as the whole of that day (UTC).
  if (end?.time != null && t >= end.time + (end.dateOnly ? DAY : 0)) {
    return { verdict: 'expired', detail: `Expired on ${day(validUntil)}.${extra}`, validFrom, validUntil }
  }
  if (start?.time != null && t < start.time) {
    return { verdict: 'not_yet_valid', detail: `Not valid until ${day(validFrom)}; today is ${day(now.toISOString())}.${extra}`, validFrom, validUntil }
  }
  const span = end?.time != null ? `valid until ${day(validUntil)}` : 'no expiry date'
  const since = start?.time != null ? `valid since ${day(validFrom)}` : 'no start date'
  return { verdict: 'valid', detail: `Within its dates: ${since}, ${span}.${extra}`, validFrom, validUntil }
}
