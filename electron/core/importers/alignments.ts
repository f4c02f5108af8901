/**
 * Which alignments name a skill. Issuers align badges to competencies ("Requirements Analysis",
 * an ESCO skill), but just as often to a level (EQF level 5, NQF Level 4, a rubric level), a
 * qualification or programme (the degree itself, an accreditation decision), a credit scheme
 * (ECTS, the ACE National Guide), a classification (ISCED fields, ESCO occupations) or a bare
 * catalog code (CCSS.ELA-Literacy.RST.11-12.3). Only the first kind becomes a skill.
 *
 * The rules, first match wins (each has a name, reported with the verdict):
 *   1. skill-url      ESCO /esco/skill/… or an O*NET skill, knowledge or ability descriptor → skill
 *   2. target-type    OB 3.0 targetType: ceasn:Competency → skill; CFRubric* → level;
 *                     ceterms:Credential → qualification; ext:… naming a level,
 *                     qualification, credit, accreditation → not a skill;
 *                     ext:…ESCO…/…Skill…/…Competenc… → skill
 *   3. not-skill-url  ESCO/ELM occupation, qualification, ISCED, EQF/NQF URLs; O*NET-SOC
 *                     occupation codes; …/decision(s)/… records → not a skill
 *   4. framework      ISCED fields → classification; a qualifications-framework or level
 *                     word in the name or framework (EQF, NQF, CEFR, "Level 4", "nivel_6",
 *                     Bloom's, SOLO) → level
 *   5. credit         ECTS, credit hours/points, CEUs, PDUs, a credit framework → credit
 *   6. accreditation  decision records, accreditation, quality assurance → qualification
 *   7. self           the alignment names the badge itself → qualification
 *   8. qualification  degree, diploma, doctorate, qualification in the name → qualification
 *   9. code           a name that is only a code (CCSS.ELA-Literacy.RST.11-12.3, CS 101) → code
 *  10. otherwise a skill.
 * Decided from targetName, targetFramework, targetType, targetCode and targetUrl only; pure.
 * Texts are cut to a few hundred characters first, so a hostile file cannot make a pattern slow.
 */

export type AlignmentKind = 'skill' | 'level' | 'qualification' | 'credit' | 'classification' | 'code'

export interface AlignmentTarget {
  name: string
  framework: string | null
  code: string | null
  url: string | null
  /** OB 3.0 `targetType` (ceasn:Competency, CFItem, CTDL, ext:…), if any. */
  type: string | null
}

export interface AlignmentVerdict {
  kind: AlignmentKind
  /** Which rule decided (the numbered list above), for tests and the import report. */
  rule: 'skill-url' | 'target-type' | 'not-skill-url' | 'framework' | 'credit' | 'accreditation' | 'self' | 'qualification' | 'code' | 'default'
}

const verdict = (kind: AlignmentKind, rule: AlignmentVerdict['rule']): AlignmentVerdict => ({ kind, rule })

// 1. Skill URLs: ESCO skills (and skill groups), O*NET content-model descriptors for skills
// (2.A, 2.B), knowledge (2.C) and abilities (1.A).
const ESCO_SKILL = /\/esco\/skill\//i
const ONET_SKILL = /onet(?:online|center)\.org\/.*(?:descriptor|element|dictionary).*?\b(?:1\.A|2\.[ABC])(?:\.\d+)*(?:\.[a-z])*\b/i

// 3. URLs of things that are not skills.
const NOT_SKILL_URLS: ReadonlyArray<[RegExp, AlignmentKind]> = [
  [/\/esco\/(?:occupation|isco)\//i, 'classification'],
  [/\/esco\/qualification\/|\/snb\/qualification\/|europa\.eu\/(?:ploteus|europass)\/.*qualification/i, 'qualification'],
  [/\/(?:esco|snb)\/isced|\/isced-f\//i, 'classification'],
  [/\/(?:snb\/)?(?:eqf|nqf)(?:\/|-levels?|$)|eqf-levels?|description-eqf/i, 'level'],
  [/onet(?:online|center)\.org\/.*\b\d{2}-\d{4}\.\d{2}\b/i, 'classification'],
  [/\/decisions?\//i, 'qualification'],
]

// 2. targetType. The OB 3.0 enumeration plus `ext:` extensions seen in real files
// (ext:EQF, ext:QualificationLevel, ext:QualityAssurance, ext:ACENationalGuideLink, ext:ESCOAlignment).
const RUBRIC_TYPE = /^CFRubric/i
const EXT_NOT_SKILL: ReadonlyArray<[RegExp, AlignmentKind]> = [
  [/level|eqf|nqf|cefr|bloom/i, 'level'],
  [/credit|ects|nationalguide|guide/i, 'credit'],
  [/isced|occupation|isco|field/i, 'classification'],
  [/qualif|quality|accredit|decision|degree|program/i, 'qualification'],
]
const EXT_SKILL = /esco|skill|competenc|outcome/i

// 4. Levels and qualifications frameworks. Acronyms are matched as words, case-sensitive, so a
// skill like "Requirements Analysis" never trips on a lower-case fragment.
const FRAMEWORK_ACRONYM = /\b(?:EQF|NQF|NLQF|NFQ|QCF|RQF|SCQF|CQFW|AQF|NZQF|DQR|CEFR)\b/
const ISCED = /\bISCED(?:-F|-P)?\b/
const LEVEL_WORD = /^(?:level|niveau|nivel|stufe|livello|taso|poziom)[\s_-]*(?:\d+|[IVX]+)\b|\blevel[\s_-]*\d+\b/i
const LEVEL_FRAMEWORK = /qualifications?\s+framework|kwalificatie|cualificaci|qualifikation|certifica(?:ti)?on\s+framework|common european framework|level descriptors?|bloom'?s|\bSOLO\b/i
const BLOOM = /\bbloom'?s\b|\bSOLO taxonomy\b/i
const CEFR_LEVEL = /^(?:A1|A2|B1|B2|C1|C2)(?:\+)?$/

// 5. Credit schemes ("Credit risk analysis" is a skill: the word "credit" alone is not enough).
const CREDIT = /\b(?:ECTS|CEUs?|PDUs?|credit\s+(?:hours?|points?|units?|transfer|framework|system|recommendations?)|study\s+points|studiepunten|carnegie\s+units?|ACE\s+(?:credit|national guide))\b|^\d+(?:[.,]\d+)?\s*(?:credits?|EC|ECTS|CEUs?)$/i

// 6. Decision records and accreditation (a programme's accreditation, not a skill).
const ACCREDITATION = /\b(?:decision\s+records?|accreditation|accreditatie|quality\s+assurance|kwaliteitszorg|besluit)\b/i

// 8. Qualifications named in the alignment ("1EdTech University Degree").
const QUALIFICATION = /\b(?:degree|diploma|doctorate|qualifications?)\b/i

// 9. Codes: a dotted/dashed identifier led by capitals (CCSS.ELA-Literacy.RST.11-12.3), or a
// course code (CS 101, MATH-2413) that is not a standard's name (ISO 9001).
const DOTTED_CODE = /^[A-Z]{2,}[A-Z0-9]*(?:[._:/-][A-Za-z0-9]+){2,}$/
const COURSE_CODE = /^(?!(?:ISO|IEC|IEEE|DIN|BS|EN|NIST|PCI)\b)[A-Z]{2,5}[ -]?\d{3,4}[A-Z]?$/

const fold = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * What an alignment names. `badgeName` is the achievement's or badge's own name: an alignment
 * that repeats it points at the badge (or its programme), not at a skill.
 */
export function classifyAlignment(a: AlignmentTarget, badgeName: string | null = null): AlignmentVerdict {
  const name = a.name.trim().slice(0, 300)
  const framework = (a.framework ?? '').slice(0, 300)
  const url = (a.url ?? '').slice(0, 2048)
  const type = (a.type ?? '').slice(0, 100)

  if (ESCO_SKILL.test(url) || ONET_SKILL.test(url)) return verdict('skill', 'skill-url')

  if (/^ceasn:Competency$/i.test(type)) return verdict('skill', 'target-type')
  if (RUBRIC_TYPE.test(type)) return verdict('level', 'target-type')
  if (/^ceterms:Credential$/i.test(type)) return verdict('qualification', 'target-type')
  if (/^ext:/i.test(type)) {
    const ext = type.slice(4)
    for (const [pattern, kind] of EXT_NOT_SKILL) if (pattern.test(ext)) return verdict(kind, 'target-type')
    if (EXT_SKILL.test(ext)) return verdict('skill', 'target-type')
  }

  for (const [pattern, kind] of NOT_SKILL_URLS) if (pattern.test(url)) return verdict(kind, 'not-skill-url')

  const text = `${name}\n${framework}`
  if (ISCED.test(text)) return verdict('classification', 'framework')
  if (FRAMEWORK_ACRONYM.test(text) || LEVEL_WORD.test(name) || LEVEL_FRAMEWORK.test(framework) || BLOOM.test(name) || CEFR_LEVEL.test(name))
    return verdict('level', 'framework')
  if (CREDIT.test(name) || CREDIT.test(framework)) return verdict('credit', 'credit')
  if (ACCREDITATION.test(text)) return verdict('qualification', 'accreditation')
  if (badgeName !== null && fold(badgeName) === fold(name)) return verdict('qualification', 'self')
  if (QUALIFICATION.test(name)) return verdict('qualification', 'qualification')
  if (/\d/.test(name) && (DOTTED_CODE.test(name) || COURSE_CODE.test(name))) return verdict('code', 'code')
  if (a.code !== null && !/\s/.test(name) && fold(a.code.slice(0, 300)) === fold(name) && /\d/.test(name)) return verdict('code', 'code')
  return verdict('skill', 'default')
}

/** "a level", "a qualification" …: for the sentence the import report shows. */
export const KIND_WORDS: Record<Exclude<AlignmentKind, 'skill'>, string> = {
  level: 'a level',
  qualification: 'a qualification or programme',
  credit: 'a credit scheme',
  classification: 'a classification',
  code: 'a catalog code',
}
