/**
 * File names inside a bundle. A stored original keeps the name it was imported with, which can
 * be anything ("../../x", "<b>.json", 300 characters): the bundle's name is made of portable
 * characters only, prefixed with the credential's id so two originals never collide.
 */
const EXTENSIONS: Record<string, string> = {
  'application/json': '.json',
  'application/ld+json': '.jsonld',
  'image/png': '.png',
  'image/svg+xml': '.svg',
  'application/pdf': '.pdf',
  'application/jwt': '.jwt',
  'text/plain': '.txt',
}

const MAX_STEM = 60

/** `originals/cred-4-aws-cloud-practitioner.json` for a credential's original file. */
export function originalFileName(credentialId: string, storedName: string, mediaType: string): string {
  const base = storedName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  const rawExt = dot > 0 ? base.slice(dot).toLowerCase() : ''
  const ext = /^\.[a-z0-9]{1,8}$/.test(rawExt) ? rawExt : (EXTENSIONS[mediaType] ?? '.bin')
  const stem = (dot > 0 ? base.slice(0, dot) : base)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/[-.]{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[-._]+$/, '')
  return `originals/${credentialId}${stem ? `-${stem}` : ''}${ext}`
}
