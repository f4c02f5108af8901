/**
 * The words shown before online checks are turned on, in one place: the desktop app's native
 * confirmation (electron/main) and `skillfolio settings online on` say exactly the same thing.
 */

export const ONLINE_CHECKS_QUESTION = 'Turn on online checks?'
export const ONLINE_CHECKS_CONFIRM = 'Turn on'
export const ONLINE_CHECKS_CANCEL = 'Cancel'

/** What is fetched, from whom, and what that tells the issuers. */
export const ONLINE_CHECKS_WARNING = [
  'With online checks on, Skillfolio fetches, over https only:',
  '• hosted badges: the issuer’s own copy of an Open Badges 2.0 badge, from the issuer’s web site;',
  '• issuer keys and did:web documents, from the issuer’s web site, to check signatures;',
  '• revocation and status lists, from the address each credential names (its issuer or the issuer’s badge platform).',
  '',
  'Each request reveals to that site your IP address and which of its credentials you hold, and when you check them.',
  'Nothing else leaves this computer: your portfolio, files and notes are never uploaded.',
].join('\n')
