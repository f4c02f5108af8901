/**
 * Expiry reminders: earned credentials whose expiry date falls within the next
 * `expiryReminderDays` days (a setting). The window shows them in a banner on start; the
 * desktop shell shows a system notification once per credential and expiry date. Words here
 * are shared by both so they say the same thing.
 */
import { z } from 'zod'
import { CredentialId } from './schemas'
import { humanDate } from './verdict'

/** The setting's default and bounds: 0 turns reminders off. */
export const DEFAULT_EXPIRY_REMINDER_DAYS = 60
export const MAX_EXPIRY_REMINDER_DAYS = 365
export const ExpiryReminderDays = z
  .number({ error: 'must be a number of days' })
  .int('must be a whole number of days')
  .min(0, 'must be 0 (no reminders) or more')
  .max(MAX_EXPIRY_REMINDER_DAYS, `must be at most ${MAX_EXPIRY_REMINDER_DAYS} days`)

export interface ExpiringCredential {
  id: string
  title: string
  /** The issuer's name, else the provider; null when neither is known. */
  issuer: string | null
  /** YYYY-MM-DD. */
  expiresOn: string
  /** Whole days from today (0: expires today). */
  daysLeft: number
}

export interface ExpiringReminders {
  /** The setting in force (0: reminders are off and `items` is empty). */
  days: number
  /** Soonest first. */
  items: ExpiringCredential[]
  /** Ids in `items` whose system notification was not yet shown for their current expiry date. */
  unnoticed: string[]
}

/** Ids whose notification was shown (`reminders:noticed`). */
export const NoticedInput = z.strictObject({ ids: z.array(CredentialId).max(10_000, 'at most 10,000 ids') })

/** "today", "tomorrow", "in 12 days". */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft <= 0) return 'today'
  if (daysLeft === 1) return 'tomorrow'
  return `in ${daysLeft} days`
}

/** "AWS Certified Solutions Architect expires in 12 days (14 March 2027)". */
export function expirySentence(item: Pick<ExpiringCredential, 'title' | 'expiresOn' | 'daysLeft'>): string {
  return `${item.title} expires ${daysLeftWords(item.daysLeft)} (${humanDate(item.expiresOn) ?? item.expiresOn})`
}

/** "5 credentials expire within 60 days". */
export function expirySummary(count: number, days: number): string {
  return `${count} ${count === 1 ? 'credential expires' : 'credentials expire'} within ${days} ${days === 1 ? 'day' : 'days'}`
}
