/** Types for @jsonresume/schema (the package ships none): its validator and the schema it checks against. */
declare module '@jsonresume/schema' {
  /** One failed check, as the package's validator (jsonschema) reports it. */
  export interface SchemaProblem {
    /** Where in the resume: ['work', 0, 'startDate']. */
    path: Array<string | number>
    /** The failed keyword: type, format, pattern … */
    name: string
    argument: unknown
    message: string
  }
  export function validate(resume: unknown, callback: (errors: SchemaProblem[] | null, valid: boolean) => void): void
  export const schema: { $schema: string; properties: Record<string, unknown> }
}
