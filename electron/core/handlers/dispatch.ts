import { contract, isChannel, type Channel, type Services } from '../../shared/contract'
import { AppError, type AppErrorShape, type FieldIssue, type Result } from '../../shared/errors'
import type { z } from 'zod'

import type { Logger } from '../log'
export type { Logger }

/**
 * The single entry into the core for every transport (IPC, command line, test bridge):
 * checks the channel, validates the raw input against the contract, runs the service
 * and answers a Result. It never throws.
 */
export async function dispatch(services: Services, channel: unknown, raw: unknown, log: Logger): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request "${String(channel).slice(0, 80)}".` } }
  }
  const parsed = contract[channel].input.safeParse(raw ?? {})
  if (!parsed.success) return { ok: false, error: badInputFromZod(parsed.error) }
  try {
    const run = services[channel] as (input: unknown) => unknown
    return { ok: true, value: await run(parsed.data) }
  } catch (error) {
    return { ok: false, error: toErrorShape(error, channel, log) }
  }
}

export function toErrorShape(error: unknown, channel: Channel | string, log: Logger): AppErrorShape {
  if (error instanceof AppError) return error.toShape()
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return { code: 'CONFLICT', message: 'The portfolio is busy in another program (is the command line writing to it?). Try again.' }
  if (code === 'SQLITE_FULL') return { code: 'INTERNAL', message: 'The disk is full: the change was not saved.' }
  if (code === 'SQLITE_READONLY') return { code: 'INTERNAL', message: 'The portfolio file is read-only: the change was not saved.' }
  log(`Unexpected error in ${channel}`, error)
  return { code: 'INTERNAL', message: 'Something went wrong inside Skillfolio; nothing was changed. Details are in the log.' }
}

export function badInputFromZod(error: z.ZodError): AppErrorShape {
  const issues: FieldIssue[] = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }))
  const first = issues[0]
  return {
    code: 'BAD_INPUT',
    message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'The request is not valid.',
    issues,
  }
}
