/**
 * Reading a LinkedIn data export ("Get a copy of your data"): the ZIP LinkedIn sends, or the CSV
 * files of its unpacked folder, into tables of rows keyed by column name. Only the files a career
 * import reads are unpacked; an archive that is not an export is refused in words.
 */
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'
import { badInput } from '../../shared/errors'
import { LINKEDIN_FILES, UNREAD_LINKEDIN_FILES } from '../../shared/exchange'
import { LIMITS, MB } from '../../shared/limits'

export type LinkedInFile = (typeof LINKEDIN_FILES)[number]
/** One row of a CSV file: its cells by column name, trimmed, empty cells left out. */
export type Row = Record<string, string>

/**
 * The columns that identify each file's header row (the real names LinkedIn writes). Some
 * exports put a "Notes:" preamble above the header, so the header is found, not assumed.
 */
const HEADER_COLUMNS: Record<LinkedInFile, readonly string[]> = {
  'Profile.csv': ['First Name', 'Last Name'],
  'Email Addresses.csv': ['Email Address'],
  'PhoneNumbers.csv': ['Number'],
  'Positions.csv': ['Company Name', 'Title'],
  'Education.csv': ['School Name'],
  'Certifications.csv': ['Name', 'Authority'],
  'Projects.csv': ['Title'],
  'Skills.csv': ['Name'],
  'Languages.csv': ['Name'],
}

/** The export's CSV text by file name, and what could not be read (named in the report). */
export interface LinkedInTables {
  tables: Partial<Record<LinkedInFile, Row[]>>
  /** Export files present but not read (Honors.csv …). */
  unread: string[]
  /** Files that were present but could not be read, with the reason. */
  problems: string[]
}

const baseName = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
const known = (name: string): LinkedInFile | null => LINKEDIN_FILES.find((f) => f.toLowerCase() === baseName(name).toLowerCase()) ?? null
const isUnread = (name: string) => UNREAD_LINKEDIN_FILES.some((f) => f.toLowerCase() === baseName(name).toLowerCase())

/** The cells of one header line, unquoted (a header never spans lines). */
const headerCells = (line: string) => line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim())

/**
 * Rows of one export CSV: UTF-8 with or without BOM, CRLF or LF, quoted cells with commas, quotes
 * ("") and line breaks. Throws with the reason when the file has no header row or is not CSV.
 */
export function readLinkedInCsv(file: LinkedInFile, text: string): Row[] {
  const body = text.replace(/^\uFEFF/, '')
  const required = HEADER_COLUMNS[file]
  // The header is the first line naming the file's columns; anything above it is LinkedIn's notes.
  let offset = 0
  let found = false
  for (const line of body.split('\n')) {
    const cells = headerCells(line.replace(/\r$/, ''))
    if (required.every((c) => cells.includes(c))) {
      found = true
      break
    }
    offset += line.length + 1
  }
  if (!found) throw new Error(`it has no header row naming ${required.map((c) => `"${c}"`).join(' and ')}`)
  let records: string[][]
  try {
    records = parse(body.slice(offset), { relax_column_count: true, skip_empty_lines: true }) as string[][]
  } catch (error) {
    throw new Error(`it is not a readable CSV file (${error instanceof Error ? error.message : String(error)})`, { cause: error })
  }
  const [header = [], ...rows] = records
  const columns = header.map((c) => c.trim())
  return rows
    .map((cells) => {
      const row: Row = {}
      cells.forEach((cell, i) => {
        const column = columns[i]
        // Line breaks inside a cell as the person typed them, whatever the file's line endings.
        const value = cell.replace(/\r\n?/g, '\n').trim()
        if (column && value) row[column] = value
      })
      return row
    })
    .filter((row) => Object.keys(row).length > 0)
}

/** The export's files as text (the command line reads an unpacked folder); refused when none is an export file. */
export function readLinkedInFiles(files: ReadonlyArray<{ name: string; text: string }>): LinkedInTables {
  const out: LinkedInTables = { tables: {}, unread: [], problems: [] }
  for (const { name, text } of files) {
    const file = known(name)
    if (!file) {
      if (isUnread(name)) out.unread.push(baseName(name))
      continue
    }
    if (out.tables[file]) continue
    try {
      out.tables[file] = readLinkedInCsv(file, text)
    } catch (error) {
      out.problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}; nothing in it was imported`)
    }
  }
  if (!Object.keys(out.tables).length) {
    if (out.problems.length) throw badInput(`This LinkedIn export could not be read: ${out.problems.join('; ')}.`)
    throw badInput(`This is not a LinkedIn data export: it holds none of ${LINKEDIN_FILES.join(', ')}. Download it from LinkedIn under Settings › Data privacy › Get a copy of your data.`)
  }
  return out
}

/** The export's ZIP: only the files a career import reads are unpacked, each within the limits. */
export function readLinkedInZip(bytes: Uint8Array): LinkedInTables {
  if (bytes.length > LIMITS.linkedInZipBytes) throw badInput(`This file is larger than the ${LIMITS.linkedInZipBytes / MB} MB a LinkedIn export may be; nothing was imported.`)
  const names: string[] = []
  let unpacked: Record<string, Uint8Array>
  try {
    unpacked = unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name)
        if (names.length > LIMITS.linkedInZipEntries) throw new TooLarge(`This ZIP holds more than ${LIMITS.linkedInZipEntries} files, far more than a LinkedIn export; nothing was imported.`)
        if (!known(entry.name)) return false
        if (entry.originalSize > LIMITS.linkedInCsvBytes)
          throw new TooLarge(`${baseName(entry.name)} in this ZIP unpacks to more than ${LIMITS.linkedInCsvBytes / MB} MB, far more than a LinkedIn export's; nothing was imported.`)
        return true
      },
    })
  } catch (error) {
    if (error instanceof TooLarge) throw badInput(error.message)
    throw badInput(`This file is not a ZIP archive that can be read (${error instanceof Error ? error.message : String(error)}); a LinkedIn export is the .zip LinkedIn sends. Nothing was imported.`)
  }
  const decoder = new TextDecoder('utf-8')
  const files = Object.entries(unpacked).map(([name, data]) => {
    // The size the archive declares could be a lie; what was unpacked is checked as well.
    if (data.length > LIMITS.linkedInCsvBytes) throw badInput(`${baseName(name)} in this ZIP is larger than ${LIMITS.linkedInCsvBytes / MB} MB; nothing was imported.`)
    return { name, text: decoder.decode(data) }
  })
  try {
    const tables = readLinkedInFiles(files)
    tables.unread.push(...names.filter(isUnread).map(baseName))
    return tables
  } catch (error) {
    if (files.length === 0 && names.length) {
      const shown = names.filter((n) => !n.endsWith('/')).slice(0, 5).map(baseName)
      throw badInput(
        `This ZIP is not a LinkedIn data export: it holds none of ${LINKEDIN_FILES.join(', ')} (it holds ${shown.join(', ')}${names.length > shown.length ? ' …' : ''}). Nothing was imported.`,
      )
    }
    throw error
  }
}

class TooLarge extends Error {}
