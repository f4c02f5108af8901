/**
 * The renderer's one door to electron/shared: domain schemas (zod, used for inline
 * validation) and types. Nothing here reaches Node or Electron.
 */
export * from '../../electron/shared/schemas'
export type { Api, Channel, Input, Output } from '../../electron/shared/contract'
export type { AppErrorShape, ErrorCode, FieldIssue, Result } from '../../electron/shared/errors'
export type { ImportItem, ImportProgress, ImportReport, ImportSource, ImportState, Settings } from '../../electron/shared/imports'
export type { IssuerVerdict, SignatureVerdict, StatusVerdict, ValidityVerdict, VerificationResult } from '../../electron/shared/verification'
export { TRUST_WORDS, failedCheck, humanDate, verificationHeadline } from '../../electron/shared/verdict'
export type {
  AboutInfo,
  BreadthDepthProfile,
  Depth,
  GapAnalysis,
  GroupDepth,
  PlanAlternative,
  PostingExtraction,
  PostingMention,
  PostingSkill,
  RoleFit,
  RoleListItem,
  SavedPlan,
  SavedStep,
  SkillGap,
} from '../../electron/shared/analysis'
export { formatPriceEstimate, skillNamesOf } from '../../electron/shared/analysis'
export { AREA_LABEL, areaLabel } from '../../electron/shared/areas'
export { CURRENCIES, DEFAULT_CURRENCY, RATES_AS_OF, currencyLabel, currencyName } from '../../electron/shared/currencies'
export { DEPTHS, DEPTH_WORD } from '../../electron/shared/evidence'
export type { EvidenceItem, EvidenceKind, ExperienceInference, InferenceDecision } from '../../electron/shared/evidence'
export { currencyDigits, formatMoney as formatMoneyIn } from '../../electron/shared/format'
export { LIMITS, MB } from '../../electron/shared/limits'
export { bulletsText, descriptionBullets } from '../../electron/shared/bullets'
export { ResumeSettings, FONT_SCALES, PAGE_SIZES, RESUME_TEMPLATES } from '../../electron/shared/resume'
export type {
  FontScale,
  PageSize,
  ReportSettingsInput,
  ResumeDecision,
  ResumeItemKind,
  ResumePreview,
  ResumeSettingsInput,
  ResumeSettingsValue,
  ResumeTemplate,
  ResumeVariant,
} from '../../electron/shared/resume'
export type {
  BackupFilesApi,
  BackupRef,
  ChooseImportKind,
  ImportFilesApi,
  ImportFilesOrigin,
  ImportFilesResult,
  ImportRefusal,
  OpenedCertificate,
  OpenedFilesApi,
  SaveFilesApi,
  SavePdfRequest,
  SavePdfResult,
  SaveShareResult,
  ShareFilesApi,
} from '../../electron/shared/files'
export type { BackupEntry, BackupList, BackupSummary, RestoreResult } from '../../electron/shared/backup'
export { tooLargeReason } from '../../electron/shared/files'
export { JSON_RESUME_SECTIONS, LINKEDIN_FILES, UNREAD_LINKEDIN_FILES, zipEntryNames } from '../../electron/shared/exchange'
export type { CareerImport, ExchangeItem, JsonResumeSection, LinkedInImport } from '../../electron/shared/exchange'
