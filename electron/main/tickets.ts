/**
 * Tickets for files main got from the OS (an open dialog, "Open with"): the window names such a
 * file by an unguessable ticket, never by its path, and a ticket names only the file it was issued
 * for, for the rest of the session. No Electron in here (the browser-test bridge uses it too).
 */
import { randomBytes } from 'node:crypto'

export function createTickets() {
  const paths = new Map<string, string>()
  return {
    /** A new ticket for `path`. */
    issue(path: string): string {
      const ticket = randomBytes(16).toString('hex')
      paths.set(ticket, path)
      return ticket
    },
    /** The path a ticket was issued for, or undefined for anything else. */
    pathOf(ticket: unknown): string | undefined {
      return typeof ticket === 'string' ? paths.get(ticket) : undefined
    },
  }
}
