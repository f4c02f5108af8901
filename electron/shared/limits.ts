/**
 * Size and count limits, defined once (ARCHITECTURE.md: constants both sides need live in
 * shared). The contract's schemas, the importers, the command line and the window read them
 * from here, so a limit cannot differ between the place that checks it and the place that
 * names it. Pure TypeScript: no Node, DOM or Electron.
 */

/** Bytes in a megabyte, as the messages count them ("20 MB"). */
export const MB = 1024 * 1024

export const LIMITS = {
  // ---------- text, in characters ----------
  /** A skill name or alias, a role's skill, a link's label. */
  nameChars: 120,
  /** One-line text: provider, issuer, organisation, job title, place, role or variant name, a list's filter text. */
  shortTextChars: 200,
  /** A credential's or project's title, the profile's headline. */
  titleChars: 300,
  /** One sentence-sized item: a project outcome, a plan step's reason. */
  itemTextChars: 1000,
  /** A web address. */
  urlChars: 2000,
  /** A skill's description, where a resume variant was sent. */
  mediumTextChars: 2000,
  /** The profile's summary, a role's description, a plan step's notes. */
  summaryChars: 5000,
  /** Descriptions and notes of credentials, projects, experience and education. */
  longTextChars: 20_000,
  emailChars: 320,
  phoneChars: 60,
  /** A job posting: 100 KB of text. */
  postingChars: 100_000,

  // ---------- counts ----------
  /** Skills on one credential or project, skills of one role. */
  skillsPerRecord: 200,
  /** Skills one plan step names. */
  skillsPerStep: 50,
  aliasesPerSkill: 50,
  linksPerRecord: 20,
  outcomesPerProject: 30,
  credentialsPerProject: 200,
  /** Items pinned or hidden in one resume. */
  resumeItems: 2000,
  /** The largest page of credentials or projects one list call returns. */
  pageSize: 500,
  /** The largest page of skills (the skills screen shows them all). */
  skillPageSize: 5000,

  // ---------- amounts ----------
  /** Money, in minor units. */
  amountMinor: 1e12,
  /** Hours a credential took. */
  credentialHours: 100_000,
  /** Hours one plan step takes. */
  stepHours: 10_000,
  hoursPerWeek: 80,

  // ---------- imports ----------
  /** The largest credential file Skillfolio reads. */
  importFileBytes: 20 * MB,
  /** `importFileBytes` as base64 (4/3) plus slack, for files the window sends as contents. */
  importBase64Chars: 28_000_000,
  /** Files (after walking folders) in one import. */
  importFiles: 10_000,
  /** How deep an import walks into folders. */
  importFolderDepth: 12,
  /** A path given to import. */
  pathChars: 4096,
  /** A file name sent with its contents. */
  fileNameChars: 1024,
  /** The largest text payload (JSON, JWS, URL) read from inside a file. */
  payloadChars: 5 * MB,
  /** The largest image kept from a data: URI (5 MB of image as base64). */
  dataUriChars: 7 * MB,
  /** JSON text Skillfolio parses at all. */
  jsonChars: 20 * MB,
  jsonDepth: 64,
  /** Arrays and objects in one JSON text. */
  jsonContainers: 200_000,
  /** SVG elements read before the badge. */
  svgElements: 100_000,
  svgDepth: 256,
  /** Credentials wrapped in credentials (a CLR holding achievements …) followed down. */
  nestedDocuments: 3,
  /** A JSON Resume file: a whole career in text, far below any real one's size. */
  jsonResumeChars: 5 * MB,
  /** A LinkedIn data export ZIP ("Get a copy of your data"); the full archive with messages is a few MB. */
  linkedInZipBytes: 64 * MB,
  /** `linkedInZipBytes` as base64, as the window or the command line sends it. */
  linkedInZipBase64Chars: Math.ceil((64 * MB) / 3) * 4,
  /** Entries in that ZIP (it holds a CSV per kind of data, a few hundred at most). */
  linkedInZipEntries: 5_000,
  /** One CSV file of the export, unpacked: a whole career is far less. */
  linkedInCsvBytes: 16 * MB,

  /** A full Skillfolio export (portfolio.json plus the originals): larger is a job for a backup. */
  fullExportBytes: 256 * MB,
  /** `fullExportBytes` as base64, as the window or the command line sends it. */
  fullExportBase64Chars: Math.ceil((256 * MB) / 3) * 4,
  /** Files in an export's ZIP: portfolio.json, README.txt and one per original. */
  fullExportEntries: 50_000,
  /** portfolio.json unpacked. */
  fullExportJsonBytes: 100 * MB,

  // ---------- sharing ----------
  /** Credentials and projects in one verification bundle (each kind). */
  shareItems: 500,
  /** The original files of one verification bundle, together (it travels as base64 to the window). */
  shareBundleBytes: 100 * MB,
} as const

export type Limit = keyof typeof LIMITS
