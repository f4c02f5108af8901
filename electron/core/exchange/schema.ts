/**
 * Checks a JSON Resume against the official schema with the schema package's own validator
 * (@jsonresume/schema, maintained in the jsonresume.org repository), and words each problem
 * for a person: the dotted path of the field and what it must be.
 */
import { validate, type SchemaProblem } from '@jsonresume/schema'
import type { FieldIssue } from '../../shared/errors'

/** Where the schema lives, for the `$schema` of every export. */
export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json'

const FORMAT_WORDS: Record<string, string> = { email: 'an email address like name@example.com', uri: 'a full web address such as https://example.com' }

function wording(p: SchemaProblem): string {
  switch (p.name) {
    case 'type':
      return `must be ${Array.isArray(p.argument) ? p.argument.join(' or ') : String(p.argument)}`
    case 'format':
      return `must be ${FORMAT_WORDS[String(p.argument)] ?? `in the ${String(p.argument)} format`}`
    case 'pattern':
      // The schema's only pattern is its iso8601 date.
      return 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD'
    default:
      return p.message
  }
}

/** The schema's problems with `resume`, in the order found; empty when it is a valid JSON Resume. */
export function jsonResumeProblems(resume: unknown): FieldIssue[] {
  let problems: SchemaProblem[] = []
  // The package's validator calls back synchronously.
  validate(resume, (errors) => {
    problems = errors ?? []
  })
  return problems.map((p) => ({ path: p.path.join('.'), message: wording(p) }))
}
