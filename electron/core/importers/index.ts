/**
 * The importers' one entry point: bytes in, ParsedCredential out, or an ImportError with a
 * plain-words reason. Pure and platform-free (Node's zlib only): no database, no network,
 * no verification.
 *
 * What is recognised, by content (never by file name):
 * - PNG with an `openbadges` / `openbadgecredential` iTXt (plain or compressed), tEXt or zTXt
 *   chunk anywhere before IEND, holding JSON, a compact JWS or a link;
 * - SVG with `<openbadges:assertion>` (OB 2.0) or `<openbadges:credential>` (OB 3.0): `verify`
 *   attribute and/or CDATA;
 * - JSON: Open Badges 0.5/1.0/2.0 assertions, OB 3.0 and CLR 2.0 credentials, other VCs,
 *   Blockcerts v1.2/v2/v3, European Digital Credentials (plain or JAdES-signed);
 * - compact JWS/JWT (OB 2.0 signed assertions, VC-JWTs); a bare link to a hosted assertion.
 *
 * Refusals (ImportError.reason): 'empty', 'too_large' (over 20 MB), 'unknown_format' (not ours,
 * or XML with entity declarations), 'corrupt' (damaged PNG/JWS), 'no_credential' (an image
 * without a baked badge; a badge class, issuer, key, status list, DID document …),
 * 'invalid_json', 'invalid_credential' (no badge in an assertion), 'too_complex' (nesting,
 * element counts or unpacked size past the limits).
 */
import { LIMITS, MB } from '../../shared/limits'
import { detect } from './detect'
import { readPayload } from './payload'
import { readPng } from './png'
import { readSvg } from './svg'
import { isBareUrl, isCompactJws } from './text'
import { ImportError, type ParsedCredential } from './types'
import { type ReadContext, formatBytes } from './util'

export { ImportError } from './types'
export type { CredentialContainer, CredentialFormat, ImportFailure, ParsedCredential, ParsedSkill } from './types'

export const MAX_FILE_BYTES = LIMITS.importFileBytes

/**
 * Reads one credential file. Throws ImportError only: anything else escaping a reader is a bug,
 * reported to the user as a damaged file rather than crashing an import batch.
 */
export function readCredentialFile(bytes: Uint8Array, fileName: string): ParsedCredential {
  try {
    return read(bytes, fileName)
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw new ImportError('corrupt', 'Skillfolio could not read this file: it is damaged or unusual in a way Skillfolio does not recognise.')
  }
}

function read(bytes: Uint8Array, fileName: string): ParsedCredential {
  if (!(bytes instanceof Uint8Array)) throw new ImportError('unknown_format', 'This is not a file Skillfolio can read.')
  if (bytes.length === 0) throw new ImportError('empty', 'This file is empty (0 bytes): there is nothing to import.')
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too_large', `This file is larger than the ${MAX_FILE_BYTES / MB} MB Skillfolio reads (it is ${formatBytes(bytes.length)}). Badges and credentials are much smaller than that.`)

  const detected = detect(bytes, fileName)
  const ctx: ReadContext = { container: 'json', jws: null, image: null, verifyUrl: null, warnings: [] }
  switch (detected.kind) {
    case 'png': {
      const baked = readPng(bytes)
      ctx.container = 'png'
      ctx.image = { bytes, mediaType: 'image/png' }
      ctx.warnings.push(...baked.warnings)
      const linkFormat = baked.keyword === 'openbadgecredential' ? 'ob3' : baked.chunkType === 'tEXt' ? 'ob1' : 'ob2'
      return readPayload(baked.text, ctx, { what: 'The badge data in this PNG', linkFormat, fileName: '' })
    }
    case 'xml': {
      const baked = readSvg(detected.text)
      ctx.container = 'svg'
      ctx.image = { bytes, mediaType: 'image/svg+xml' }
      ctx.warnings.push(...baked.warnings)
      const hint = { what: 'The badge data in this SVG', linkFormat: baked.kind === 'credential' ? 'ob3' : 'ob2', fileName: '' } as const
      const verify = baked.verify
      // A signed JWS in `verify` is the credential itself; CDATA is then at most an unsigned copy.
      if (verify !== null && isCompactJws(verify)) return readPayload(verify, ctx, hint)
      if (baked.content !== '') {
        if (verify !== null && isBareUrl(verify)) ctx.verifyUrl = verify
        return readPayload(baked.content, ctx, hint)
      }
      if (verify !== null) return readPayload(verify, ctx, hint)
      throw new ImportError('no_credential', 'The badge element in this SVG is empty: it holds neither badge data nor a link.')
    }
    case 'json':
      return readPayload(detected.text, ctx, { what: 'This file', linkFormat: 'ob2', fileName })
    case 'jws':
      ctx.container = 'jws'
      return readPayload(detected.text, ctx, { what: 'This file', linkFormat: 'ob2', fileName })
    case 'url':
      ctx.container = 'url'
      return readPayload(detected.text, ctx, { what: 'This file', linkFormat: 'ob2', fileName })
  }
}
