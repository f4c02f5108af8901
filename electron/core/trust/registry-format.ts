/**
 * Issuer registries in the Digital Credentials Consortium's format (the "known issuer" lists
 * the Learner Credential Wallet reads): a JSON object whose `registry` (older files: `entries`)
 * maps each issuer DID to its name, web site and location. Read offline from a file the person
 * chose; nothing is fetched.
 */
import { z } from 'zod'
import { badInput } from '../../shared/errors'
import { cleanImportedText, quote } from '../../shared/text-rules'

const MAX_ENTRIES = 50_000

const Entry = z.object({
  name: z.string().min(1),
  url: z.string().optional(),
  location: z.string().optional(),
})

const RegistryFile = z.object({
  meta: z.object({ name: z.string().optional() }).passthrough().optional(),
  name: z.string().optional(),
  registry: z.record(z.string(), z.unknown()).optional(),
  entries: z.record(z.string(), z.unknown()).optional(),
})

export interface RegistryEntry {
  did: string
  name: string
  url: string | null
  location: string | null
}

export interface ParsedRegistry {
  name: string | null
  entries: RegistryEntry[]
  /** Entries left out, with why (not a DID, no name). */
  skipped: string[]
}

const clean = (text: string | undefined, max: number): string | null => {
  if (text === undefined) return null
  const value = cleanImportedText(text).text.trim().slice(0, max)
  return value || null
}

export function parseRegistry(text: string): ParsedRegistry {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw badInput('The issuer registry is not JSON.')
  }
  const file = RegistryFile.safeParse(json)
  const map = file.success ? (file.data.registry ?? file.data.entries) : undefined
  if (!file.success || !map) {
    throw badInput('This is not an issuer registry: it has no "registry" (or "entries") object mapping issuer DIDs to names.')
  }
  const dids = Object.keys(map)
  if (dids.length > MAX_ENTRIES) throw badInput(`The issuer registry lists ${dids.length.toLocaleString('en-US')} issuers; at most ${MAX_ENTRIES.toLocaleString('en-US')} are accepted.`)
  const entries: RegistryEntry[] = []
  const skipped: string[] = []
  for (const did of dids) {
    if (!/^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,1900}$/.test(did)) {
      skipped.push(`${quote(did)} is not a DID`)
      continue
    }
    const entry = Entry.safeParse(map[did])
    const name = entry.success ? clean(entry.data.name, 300) : null
    if (!entry.success || !name) {
      skipped.push(`${quote(did)} has no name`)
      continue
    }
    entries.push({ did, name, url: clean(entry.data.url, 2000), location: clean(entry.data.location, 300) })
  }
  const name = file.data.name ?? file.data.meta?.name
  return { name: name ? clean(name, 200) : null, entries, skipped }
}
