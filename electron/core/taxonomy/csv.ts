/**
 * Streaming readers for the official taxonomy downloads: RFC 4180 CSV (ESCO; quoted fields
 * may hold commas, doubled quotes and newlines) and plain tab-separated text (O*NET; no
 * quoting at all). Both read a file chunk by chunk, so memory stays flat whatever its size,
 * transparently gunzip a `.gz` file, and yield records in small arrays (fewer awaits).
 */
import { createReadStream, statSync } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'

export interface FileProgress {
  /** Bytes of the file on disk read so far (compressed bytes for a .gz file). */
  bytesRead: number
  totalBytes: number
}

export interface ReadOptions {
  /** Called after every chunk with how far into the file the reader is. */
  onBytes?: (progress: FileProgress) => void
  /** Records per yielded array. */
  batchSize?: number
}

/** Opens `path` as a UTF-8 text stream, gunzipping when the name ends in .gz, and counts bytes read. */
function openText(path: string, onBytes?: (progress: FileProgress) => void): Readable {
  const totalBytes = statSync(path).size
  let bytesRead = 0
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 })
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length
      onBytes?.({ bytesRead, totalBytes })
      callback(null, chunk)
    },
  })
  let stream: Readable = raw.pipe(counter)
  raw.on('error', (error) => counter.destroy(error))
  if (path.toLowerCase().endsWith('.gz')) {
    const gunzip = createGunzip()
    counter.on('error', (error) => gunzip.destroy(error))
    stream = counter.pipe(gunzip)
  }
  stream.setEncoding('utf8')
  return stream
}

/**
 * Incremental RFC 4180 parser: feed it text in arbitrary chunks, collect complete records.
 * Exported for tests; a quote that never closes is reported by `end()`.
 */
export class CsvParser {
  private field = ''
  private record: string[] = []
  private inQuotes = false
  /** A quote seen inside a quoted field at the end of a chunk: escape ("") or closing quote. */
  private pendingQuote = false
  private atStart = true
  private line = 1
  private recordLine = 1

  constructor(private readonly delimiter = ',') {}

  /** Parses `chunk`, appending every record it completes to `out`. */
  push(chunk: string, out: string[][]): void {
    let text = chunk
    if (this.atStart) {
      this.atStart = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    const delimiter = this.delimiter
    const n = text.length
    let i = 0
    if (this.pendingQuote) {
      this.pendingQuote = false
      if (n > 0 && text[0] === '"') {
        this.field += '"'
        i = 1
      } else {
        this.inQuotes = false
      }
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i)
        if (q === -1) {
          this.countLines(text, i, n)
          this.field += text.slice(i)
          return
        }
        this.countLines(text, i, q)
        this.field += text.slice(i, q)
        if (q + 1 === n) {
          this.pendingQuote = true
          return
        }
        if (text[q + 1] === '"') {
          this.field += '"'
          i = q + 2
        } else {
          this.inQuotes = false
          i = q + 1
        }
        continue
      }
      const c = text[i]!
      if (c === delimiter) {
        this.record.push(this.field)
        this.field = ''
        i++
      } else if (c === '\n') {
        this.endRecord(out)
        this.line++
        this.recordLine = this.line
        i++
      } else if (c === '\r') {
        i++ // CRLF line ends: the \n ends the record
      } else if (c === '"' && this.field.length === 0) {
        this.inQuotes = true
        i++
      } else {
        // Plain run up to the next special character.
        let j = i + 1
        while (j < n) {
          const d = text[j]!
          if (d === delimiter || d === '\n' || d === '\r' || d === '"') break
          j++
        }
        // A quote in the middle of an unquoted field is kept literally (lenient, like most readers).
        if (j < n && text[j] === '"') j++
        this.field += text.slice(i, j)
        i = j
      }
    }
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(out: string[][]): void {
    if (this.pendingQuote) {
      this.pendingQuote = false
      this.inQuotes = false
    }
    if (this.inQuotes) throw new Error(`a quoted field that starts on line ${this.recordLine} never ends`)
    if (this.field.length > 0 || this.record.length > 0) this.endRecord(out)
  }

  private endRecord(out: string[][]): void {
    this.record.push(this.field)
    this.field = ''
    // Blank lines carry no record.
    if (!(this.record.length === 1 && this.record[0] === '')) out.push(this.record)
    this.record = []
  }

  private countLines(text: string, from: number, to: number): void {
    for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) this.line++
  }
}

/** Reads a CSV file (optionally .gz) and yields its records, header included, in arrays of up to `batchSize`. */
export async function* readCsv(path: string, options: ReadOptions = {}): AsyncGenerator<string[][]> {
  const parser = new CsvParser(',')
  const batchSize = options.batchSize ?? 2000
  let out: string[][] = []
  for await (const chunk of openText(path, options.onBytes)) {
    parser.push(chunk as string, out)
    if (out.length >= batchSize) {
      yield out
      out = []
    }
  }
  parser.end(out)
  if (out.length > 0) yield out
}

/** Reads a tab-separated file without quoting (O*NET's text edition) in arrays of records. */
export async function* readTsv(path: string, options: ReadOptions = {}): AsyncGenerator<string[][]> {
  const batchSize = options.batchSize ?? 2000
  let rest = ''
  let first = true
  let out: string[][] = []
  const take = (line: string) => {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line
    if (clean.length > 0) out.push(clean.split('\t'))
  }
  for await (const chunk of openText(path, options.onBytes)) {
    let text = rest + (chunk as string)
    if (first) {
      first = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    let start = 0
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      take(text.slice(start, nl))
      start = nl + 1
    }
    rest = text.slice(start)
    if (out.length >= batchSize) {
      yield out
      out = []
    }
  }
  take(rest)
  if (out.length > 0) yield out
}

/**
 * Maps a header row to column indexes, failing with the file's name and the missing column
 * when a required one is absent (a different file, or a different edition of it).
 */
export function columnIndex<K extends string>(header: string[] | undefined, required: readonly K[], fileLabel: string): Record<K, number> {
  if (!header) throw new Error(`${fileLabel} is empty`)
  const positions = new Map(header.map((name, i) => [name.trim(), i] as const))
  const index = {} as Record<K, number>
  const missing: string[] = []
  for (const name of required) {
    const i = positions.get(name)
    if (i === undefined) missing.push(name)
    else index[name] = i
  }
  if (missing.length > 0) throw new Error(`${fileLabel} has no column ${missing.map((m) => `"${m}"`).join(', ')}; is it the right file?`)
  return index
}
