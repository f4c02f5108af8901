import type { Db } from '../db/open'
import type { ProfileGetOutput, ProfileUpdateInput, ProfileUpdateOutput } from '../../shared/io'
import type { Profile } from '../../shared/schemas'
import { parseJsonArray } from './text'

export interface ProfileRow {
  full_name: string | null
  headline: string | null
  email: string | null
  phone: string | null
  location: string | null
  website: string | null
  links: string
  summary: string | null
  updated_at: string | null
}

export const PROFILE_SQL = 'SELECT * FROM profile WHERE id = 1'

/** The profile as `profile:get` returns it; no row yet reads as an empty profile. */
export function toProfile(r: ProfileRow | undefined): Profile {
  return {
    fullName: r?.full_name ?? null,
    headline: r?.headline ?? null,
    email: r?.email ?? null,
    phone: r?.phone ?? null,
    location: r?.location ?? null,
    website: r?.website ?? null,
    links: parseJsonArray(r?.links),
    summary: r?.summary ?? null,
    updatedAt: r?.updated_at ?? null,
  }
}

/** The single profile row (id 1) that heads every resume. */
export function createProfile(db: Db, now: () => Date) {
  const read = db.prepare<[], ProfileRow>(PROFILE_SQL)
  const write = db.prepare(
    `INSERT INTO profile (id, full_name, headline, email, phone, location, website, links, summary, updated_at)
     VALUES (1, @fullName, @headline, @email, @phone, @location, @website, @links, @summary, @at)
     ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, headline = excluded.headline, email = excluded.email,
       phone = excluded.phone, location = excluded.location, website = excluded.website, links = excluded.links,
       summary = excluded.summary, updated_at = excluded.updated_at`,
  )
  const get = (): Profile => toProfile(read.get())
  return {
    get: (): ProfileGetOutput => get(),
    update(input: ProfileUpdateInput): ProfileUpdateOutput {
      write.run({ ...input, links: JSON.stringify(input.links), at: now().toISOString() })
      return get()
    },
  }
}
