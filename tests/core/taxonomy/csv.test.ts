import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { CsvParser, columnIndex, readCsv, readTsv } from '../../../electron/core/taxonomy/csv'

function parseInChunks(text: string, size: number): string[][] {
  const parser = new CsvParser()
  const out: string[][] = []
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size), out)
  parser.end(out)
  return out
}

const SAMPLE = '\ufeffa,b,c\r\n1,"two\nlines","say ""hi"""\r\n,,\n"x,y",plain,"last"\n\nend,"",z'
const EXPECTED = [
  ['a', 'b', 'c'],
  ['1', 'two\nlines', 'say "hi"'],
  ['', '', ''],
  ['x,y', 'plain', 'last'],
  ['end', '', 'z'],
]

describe('CsvParser', () => {
  it('parses quoted fields with commas, doubled quotes and newlines, CRLF, a BOM and blank lines', () => {
    expect(parseInChunks(SAMPLE, SAMPLE.length)).toEqual(EXPECTED)
  })

  it('gives the same records whatever the chunk boundaries', () => {
    for (let size = 1; size <= 12; size++) expect(parseInChunks(SAMPLE, size), `chunk size ${size}`).toEqual(EXPECTED)
  })

  it('keeps a stray quote inside an unquoted field literally', () => {
    expect(parseInChunks('a "quoted" word,b\n', 3)).toEqual([['a "quoted" word', 'b']])
  })

  it('reports a quoted field that never ends, with its line', () => {
    expect(() => parseInChunks('a,b\nc,"open\nstill open\n', 4)).toThrow('a quoted field that starts on line 2 never ends')
  })

  it('handles a file without a final newline and a lone quote pair at a chunk end', () => {
    expect(parseInChunks('x,""', 4)).toEqual([['x', '']])
    expect(parseInChunks('"a"', 3)).toEqual([['a']])
    expect(() => parseInChunks('"a""', 3)).toThrow(/never ends/)
  })
})

describe('readCsv / readTsv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-csv-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('streams a CSV file, gunzipping .gz, in batches, reporting bytes', async () => {
    const rows = ['id,label']
    for (let i = 0; i < 5000; i++) rows.push(`${i},"label ${i}\nline two"`)
    const text = rows.join('\n') + '\n'
    writeFileSync(join(dir, 'big.csv.gz'), gzipSync(text))
    let records = 0
    let batches = 0
    let lastBytes = 0
    for await (const batch of readCsv(join(dir, 'big.csv.gz'), { batchSize: 1000, onBytes: (p) => (lastBytes = p.bytesRead) })) {
      batches++
      records += batch.length
      expect(batch[0]!.length).toBe(2)
    }
    expect(records).toBe(5001)
    expect(batches).toBeGreaterThanOrEqual(5)
    expect(lastBytes).toBeGreaterThan(0)
  })

  it('reads tab-separated text without treating quotes specially', async () => {
    writeFileSync(join(dir, 'a.txt'), '\ufeffcode\ttitle\r\n15-1254.00\tWeb "Developers"\n\n11-1011.00\tChief Executives')
    const all: string[][] = []
    for await (const batch of readTsv(join(dir, 'a.txt'))) all.push(...batch)
    expect(all).toEqual([
      ['code', 'title'],
      ['15-1254.00', 'Web "Developers"'],
      ['11-1011.00', 'Chief Executives'],
    ])
  })

  it('maps header columns and names missing ones', () => {
    expect(columnIndex(['a', ' b ', 'c'], ['c', 'b'], 'x.csv')).toEqual({ c: 2, b: 1 })
    expect(() => columnIndex(['a'], ['a', 'zz', 'yy'], 'x.csv')).toThrow('x.csv has no column "zz", "yy"; is it the right file?')
    expect(() => columnIndex(undefined, ['a'], 'x.csv')).toThrow('x.csv is empty')
  })
})
