import { extname, isAbsolute, resolve } from 'node:path'

/**
 * Files a person opened with Skillfolio (double-click, "Open with", or a path on the command
 * line of a second copy). Only existing files with a credential-like extension count: the OS
 * associates by extension, and this keeps a dev run (`electron .`) from importing the project.
 */
const CREDENTIAL_EXTENSIONS = new Set(['.png', '.svg', '.json', '.jsonld', '.jwt', '.jws'])

export function credentialFilesIn(argv: readonly string[], cwd: string, isFile: (path: string) => boolean): string[] {
  return argv
    .slice(1) // the executable
    .filter((arg) => !arg.startsWith('-') && CREDENTIAL_EXTENSIONS.has(extname(arg).toLowerCase()))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
    .filter(isFile)
}

/** The renderer route that shows an import batch's progress and report. */
export const importRoute = (batchId: number) => `#/import/${batchId}`
