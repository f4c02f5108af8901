/**
 * JSON Resume export and import. The import checks the file against the official schema
 * first (a file with problems is refused whole, with every problem named, and nothing is
 * written), then adds every section as every career import does (apply.ts): in one transaction,
 * matched against what the portfolio already holds, a preview being the import rolled back.
 */
import type { Db } from '../db/open'
import type { Portfolio } from '../portfolio'
import { readPortfolioSnapshot } from '../portfolio/snapshot'
import { parseJson } from '../importers/json'
import { ImportError } from '../importers/types'
import { badInput } from '../../shared/errors'
import type { JsonResumeImport } from '../../shared/exchange'
import { jsonResumeProblems } from './schema'
import { toJsonResume } from './json-resume'
import { importCareer } from './apply'

type Obj = Record<string, unknown>

/** Parses and checks a JSON Resume text; BAD_INPUT listing every problem when it is not one. */
export function readJsonResume(text: string): Obj {
  let value: unknown
  try {
    value = parseJson(text, { what: 'This JSON Resume' })
  } catch (error) {
    if (error instanceof ImportError) throw badInput(error.message)
    throw error
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badInput('This file is not a JSON Resume: a JSON Resume is one JSON object, with sections such as "basics" and "work".')
  const problems = jsonResumeProblems(value)
  if (problems.length)
    throw badInput(`This file is not a valid JSON Resume (${problems.length} problem${problems.length > 1 ? 's' : ''}); nothing was imported.`, problems)
  return value as Obj
}

export function createJsonResumeService({ db, portfolio, now }: { db: Db; portfolio: Portfolio; now: () => Date }) {
  const run = (text: string, apply: boolean, leaveOut: readonly string[] = []): JsonResumeImport => importCareer({ db, portfolio }, readJsonResume(text), apply, { leaveOut })

  return {
    /** The portfolio as JSON Resume text, checked against the schema before it leaves. */
    exportText(): string {
      const resume = toJsonResume(readPortfolioSnapshot(db), now())
      const problems = jsonResumeProblems(resume)
      // Never expected: the mapping writes only what the schema allows. Refuse rather than hand out an invalid file.
      if (problems.length) throw new Error(`JSON Resume export does not match the schema: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
      return `${JSON.stringify(resume, null, 2)}\n`
    },
    /** What importing `text` would add, find already there or skip; nothing is written. */
    preview: (text: string): JsonResumeImport => run(text, false),
    /** Imports `text`, leaving out the entries named (ExchangeItem.key of a preview). */
    importText: (text: string, leaveOut: readonly string[] = []): JsonResumeImport => run(text, true, leaveOut),
  }
}

export type JsonResumeService = ReturnType<typeof createJsonResumeService>
