/** Where the core reports errors it caught and did not expect (the shell's log, the CLI's stderr). */
export type Logger = (message: string, error?: unknown) => void
