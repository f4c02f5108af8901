/**
 * What every importer produces from one file, whatever its format. The importer only reads;
 * storing (with duplicate detection) and verification happen elsewhere.
 */
import type { AlignmentKind, AlignmentVerdict } from './alignments'

export type CredentialFormat =
  | 'ob0.5' // legacy Open Badges 0.5
  | 'ob1' // Open Badges 1.0/1.1
  | 'ob2' // Open Badges 2.0
  | 'ob3' // Open Badges 3.0 (OpenBadgeCredential / AchievementCredential / EndorsementCredential)
  | 'clr2' // Comprehensive Learner Record 2.0
  | 'vc' // another W3C verifiable credential
  | 'blockcerts' // Blockcerts v2/v3
  | 'edc' // European Digital Credential

/** How the credential was wrapped in the file. */
export type CredentialContainer = 'json' | 'jws' | 'jwt' | 'png' | 'svg' | 'url'

export interface ParsedSkill {
  /** The human name (targetName, alignment name, tag or skill text). */
  name: string
  framework: string | null
  code: string | null
  url: string | null
  source: 'alignment' | 'tag' | 'skill' | 'field'
}

/** An alignment that names a level, a qualification, a credit scheme … rather than a skill. */
export interface ParsedAlignment {
  name: string
  framework: string | null
  code: string | null
  url: string | null
  /** OB 3.0 `targetType`, if stated. */
  type: string | null
  kind: Exclude<AlignmentKind, 'skill'>
  rule: AlignmentVerdict['rule']
}

export interface ParsedCredential {
  format: CredentialFormat
  container: CredentialContainer
  /**
   * The credential's own identifier (assertion or VC `id`, else the hosted assertion URL, else
   * the 1.0 `uid`; the link itself for link-only badges), used to spot the same credential
   * imported again; null when the file has none (then the bytes' hash is used).
   */
  sourceId: string | null
  /**
   * Achievement / badge name (OB 3.0: the achievement's name, else the credential's); null when
   * the file holds just a URL (the name is not in it) or names nothing at all.
   */
  title: string | null
  description: string | null
  criteria: string | null
  /** What the issuer calls the kind of achievement (Badge, Certificate, Degree, …), if stated. */
  achievementType: string | null
  issuer: { id: string | null; name: string | null; url: string | null }
  /** As ISO strings: full timestamps when the file has them, else YYYY-MM-DD. */
  issuedOn: string | null
  expiresOn: string | null
  recipient: {
    name: string | null
    /** Email, DID, URL or a hash; hashed identities stay hashed (`sha256$…`). */
    identity: string | null
    type: string | null
    hashed: boolean
    salt: string | null
    /**
     * OB 3.0: every `credentialSubject.identifier` (IdentityObject) when there are any; the
     * first one fills identity/type/hashed/salt above when the subject has no `id`.
     */
    identifiers?: { identity: string; type: string | null; hashed: boolean; salt: string | null }[]
  }
  /** Skills the file names: competency alignments, tags, fields of study, learning outcomes. */
  skills: ParsedSkill[]
  /** Alignments that are not skills (alignments.ts says which), when there are any. */
  otherAlignments?: ParsedAlignment[]
  /** The badge image: bytes when embedded (data: URI or the baked file itself), else a URL. */
  image: { bytes: Uint8Array; mediaType: string } | { url: string } | null
  /** Links the file itself declares: hosted assertion URL, badge class URL, evidence. */
  urls: { verify: string | null; badge: string | null; evidence: string[] }
  /**
   * The document to verify as found in the file: the JSON-LD credential, or the compact JWS
   * string for JWS/JWT containers (also when baked), or the whole JAdES object for a signed
   * EDC; null when the file holds only a link (bare URL text, tEXt URL, SVG `verify` URL).
   */
  document: unknown
  jws: string | null
  /** Deviations accepted because the meaning was clear ("issuedOn was a Unix timestamp"). */
  warnings: string[]

  // Optional details (added with the importers; absent when the format has no such thing).

  /** OB 3.0 / CLR / EDC: the credential's own `name` when the file has one (title is the achievement's). */
  credentialName?: string | null
  /** OB 3.0 `awardedDate` (ISO string, as written): when the achievement was awarded, if stated. */
  awardedOn?: string | null
  /** OB 3.0 achievement fields beyond name/description/criteria/achievementType. */
  achievement?: {
    id: string | null
    humanCode: string | null
    fieldOfStudy: string | null
    specialization: string | null
    creditsAvailable: number | null
  }
  /** EDC: the awarding body, when the document names one besides the (signing) issuer. */
  awardedBy?: { id: string | null; name: string | null; url: string | null }
  /** CLR 2.0: a summary of what the learner record bundles (each nested credential is not imported separately). */
  contents?: {
    credentialCount: number
    /** Title of each nested credential (its own name, else its achievement's name). */
    credentialTitles: string[]
    /** Names of the achievements listed by the record itself (`credentialSubject.achievement`). */
    achievementTitles: string[]
  }
  /** OB 2.0 extensions with simple values, by property ("Language": "nl_NL", "EQF": 7). */
  extensions?: Record<string, string | number | boolean>
}

/** A file an importer refused, with a reason in plain words. */
export class ImportError extends Error {
  readonly reason: ImportFailure
  constructor(reason: ImportFailure, message: string) {
    super(message)
    this.name = 'ImportError'
    this.reason = reason
  }
}

export type ImportFailure =
  | 'empty' // 0 bytes
  | 'too_large' // over the 20 MB cap
  | 'unknown_format' // not something Skillfolio can read (incl. JSON that is no credential, XML with unsafe DOCTYPE entities)
  | 'corrupt' // the container is broken (bad PNG chunk, damaged JWS, truncated)
  | 'no_credential' // a valid image or document with no credential inside (image without a baked badge; BadgeClass, Issuer, key, status list, DID document …)
  | 'invalid_json' // the credential text is not valid JSON
  | 'invalid_credential' // parsed, but required parts are missing (no badge, no issuer …)
  | 'too_complex' // nesting, decompressed size or element counts past safe limits
