/** Helpers for forms: turn zod or server issues into per-field messages. */
import type { ZodError } from 'zod'
import { ApiError } from '../api'
import type { FieldIssue } from '../shared'

export type FieldErrors = Record<string, string>

/** `mapPath` turns an issue path ("cost.amountMinor", "skills.2.name") into a form field name. */
export function issuesToErrors(issues: readonly FieldIssue[], mapPath: (path: string) => string = (p) => p): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const field = mapPath(issue.path)
    if (!errors[field]) errors[field] = sentence(issue.message)
  }
  return errors
}

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

/** Server BAD_INPUT issues as field errors; null for any other failure. */
export function serverFieldErrors(error: unknown, mapPath?: (path: string) => string): FieldErrors | null {
  if (error instanceof ApiError && error.code === 'BAD_INPUT' && error.issues.length) return issuesToErrors(error.issues, mapPath)
  return null
}

function sentence(message: string): string {
  const m = message.trim()
  return m ? m[0]!.toUpperCase() + m.slice(1) : m
}

/** Moves focus to the first field marked invalid inside `root`, after React has painted. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]')
    el?.focus()
  })
}
