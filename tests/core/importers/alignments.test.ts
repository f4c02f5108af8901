/**
 * Which alignments are skills (electron/core/importers/alignments.ts). The shapes are real:
 * the corpus files in ../shared/fixtures/credentials that carry alignments, and alignment
 * objects as published issuers write them (edubadges' OB 3.0 examples with ext:EQF and
 * ext:QualityAssurance, a Mexican university's ceasn:Competency and ext:QualificationLevel, the
 * 1EdTech ACE extension's ext:ACENationalGuideLink, OB 1.0's name/url form, ESCO and O*NET URLs).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { classifyAlignment, type AlignmentTarget } from '../../../electron/core/importers/alignments'
import { readCredentialFile } from '../../../electron/core/importers'
import { toCredential } from '../../../electron/core/imports/to-credential'
import { sharedPath } from '../../helpers/shared-data'

const DIR = sharedPath('fixtures', 'credentials')

const target = (a: Partial<AlignmentTarget> & { name: string }): AlignmentTarget => ({ framework: null, code: null, url: null, type: null, ...a })
const kindOf = (a: Partial<AlignmentTarget> & { name: string }, badge: string | null = null) => classifyAlignment(target(a), badge)

describe('alignment rules', () => {
  it('keeps competencies as skills: course-catalog competencies, CASE items, CTDL-ASN competencies, ESCO and O*NET skills', () => {
    // dcc-vc2-eddsa-didkey-alignments.json: a competency published in a course catalog.
    expect(kindOf({ name: 'Requirements Analysis', framework: 'Edmonds College Course Catalog', code: 'ce-cf4dee18-7cea-443a-b920-158a0762c6bf', url: 'https://credentialfinder.org/credential/20229/Requirements_Analysis' })).toEqual({ kind: 'skill', rule: 'default' })
    expect(kindOf({ name: 'Robot Programming', framework: 'Example Robotics Framework', type: 'CFItem', url: 'https://robotics-competencies.example.com/competencies/robot-programming' }).kind).toBe('skill')
    expect(kindOf({ name: 'Compara alternativas con datos y justifica una decisión', code: 'RA1', framework: 'Resultados de aprendizaje', type: 'ceasn:Competency' })).toEqual({ kind: 'skill', rule: 'target-type' })
    expect(kindOf({ name: 'interne geneeskunde', type: 'ext:ESCOAlignment', code: '1337', url: 'https://example.com/esco/1337' })).toEqual({ kind: 'skill', rule: 'target-type' })
    expect(kindOf({ name: 'manage musical staff', framework: 'ESCO', url: 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab' })).toEqual({ kind: 'skill', rule: 'skill-url' })
    expect(kindOf({ name: 'Critical Thinking', framework: 'O*NET', url: 'https://www.onetonline.org/find/descriptor/result/2.A.2.a' })).toEqual({ kind: 'skill', rule: 'skill-url' })
    // Words that look like the rules' but are skills.
    for (const name of ['Credit risk analysis', 'Master data management', 'Data pipeline design', 'ISO 9001', 'HTML5', 'Course design'])
      expect(kindOf({ name }).kind, name).toBe('skill')
  })

  it('takes levels out: EQF/NQF levels, "Level 4", national qualification levels, rubric levels, Bloom\'s, CEFR', () => {
    expect(kindOf({ name: 'EQF level 5', type: 'ext:EQF', code: '5', url: 'https://content.example.com/description-eqf-levels' })).toEqual({ kind: 'level', rule: 'target-type' })
    expect(kindOf({ name: 'nivel_6', code: 'nivel_6', framework: 'Marco Nacional de Cualificaciones (SEP)', type: 'ext:QualificationLevel' }).kind).toBe('level')
    expect(kindOf({ name: 'Nivel II', code: 'II', framework: 'Marco institucional CGAI' })).toEqual({ kind: 'level', rule: 'framework' })
    expect(kindOf({ name: 'EQF level 6' })).toEqual({ kind: 'level', rule: 'framework' })
    expect(kindOf({ name: 'Level 4' })).toEqual({ kind: 'level', rule: 'framework' })
    expect(kindOf({ name: 'NQF Level 5', framework: 'South African NQF' }).kind).toBe('level')
    expect(kindOf({ name: 'Bachelor', framework: 'European Qualifications Framework' }).kind).toBe('level')
    expect(kindOf({ name: 'B2', framework: 'Common European Framework of Reference for Languages' }).kind).toBe('level')
    expect(kindOf({ name: "Bloom's taxonomy: Apply" }).kind).toBe('level')
    expect(kindOf({ name: 'Final Project', framework: '1EdTech University Program and Course Catalog', type: 'CFRubricCriterionLevel', url: 'https://1edtech.edu/catalog/degree/project/rubric/levels/mastered' })).toEqual({ kind: 'level', rule: 'target-type' })
    expect(kindOf({ name: 'Level 6', url: 'http://data.europa.eu/snb/eqf/6' }).kind).toBe('level')
  })

  it('takes programmes, decision records, credit schemes, classifications and bare codes out', () => {
    // The badge's own programme, aligned twice (1edtech-complete.json: CFItem and CTDL).
    const degree = { name: '1EdTech University Degree', code: 'degree', framework: '1EdTech University Program and Course Catalog' }
    expect(kindOf({ ...degree, type: 'CFItem', url: 'https://1edtech.edu/catalog/degree' }, '1EdTech University Degree')).toEqual({ kind: 'qualification', rule: 'self' })
    expect(kindOf({ ...degree, type: 'CTDL', url: 'https://credentialengineregistry.org/resources/ce-98cb027b-95ef-4494-908d-6f7790ec6b6b' })).toEqual({ kind: 'qualification', rule: 'qualification' })
    // edubadges: an accreditation decision record for the programme.
    expect(kindOf({ name: 'M Philosophy of Science, Technology and Society', type: 'ext:QualityAssurance', code: 'AV-2391', url: 'https://data.example.com/decisions/AV-2391' })).toEqual({ kind: 'qualification', rule: 'target-type' })
    expect(kindOf({ name: 'M Performance, Sport and Health', code: 'AV-1337', url: 'https://data.example.com/decisions/AV-1337' })).toEqual({ kind: 'qualification', rule: 'not-skill-url' })
    expect(kindOf({ name: 'Accreditation decision record 2024' })).toEqual({ kind: 'qualification', rule: 'accreditation' })
    // Credit schemes.
    expect(kindOf({ name: 'National Guide Link', type: 'ext:ACENationalGuideLink', url: 'https://example.com' }).kind).toBe('credit')
    expect(kindOf({ name: '6 ECTS' })).toEqual({ kind: 'credit', rule: 'credit' })
    expect(kindOf({ name: '3 credit hours' }).kind).toBe('credit')
    expect(kindOf({ name: 'Lower division baccalaureate', framework: 'ACE National Guide' }).kind).toBe('credit')
    // Classifications: fields of study and occupations; qualifications.
    expect(kindOf({ name: 'Software and applications development and analysis', framework: 'ISCED-F 2013', code: '0613' })).toEqual({ kind: 'classification', rule: 'framework' })
    expect(kindOf({ name: 'data scientist', url: 'http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30' })).toEqual({ kind: 'classification', rule: 'not-skill-url' })
    expect(kindOf({ name: 'Data Scientists', url: 'https://www.onetonline.org/link/summary/15-2051.00' }).kind).toBe('classification')
    expect(kindOf({ name: 'Vakopleiding', url: 'http://data.europa.eu/esco/qualification/5a1e8e4b-5c4b-4e0f-9c0c-0a0b0c0d0e0f' }).kind).toBe('qualification')
    // OB 1.0's alignment form (nti-v1-badgeclass-tags-alignment.json): a Common Core code.
    expect(kindOf({ name: 'CCSS.ELA-Literacy.RST.11-12.3', url: 'http://www.corestandards.org/ELA-Literacy/RST/11-12/3' })).toEqual({ kind: 'code', rule: 'code' })
    expect(kindOf({ name: 'CS 101', framework: 'Course catalog' })).toEqual({ kind: 'code', rule: 'code' })
    expect(kindOf({ name: 'MATH-2413' }).kind).toBe('code')
  })
})

describe.skipIf(!DIR)('alignments of the corpus files (../shared/fixtures/credentials)', () => {
  const read = (file: string) => readCredentialFile(new Uint8Array(readFileSync(join(DIR!, file))), file)

  it('1edtech-complete.json: the two alignments name the degree itself, not a skill; tags stay tags', () => {
    const c = read('ob3-json/1edtech-complete.json')
    expect(c.skills.filter((s) => s.source === 'alignment')).toEqual([])
    expect(c.otherAlignments?.map((a) => [a.name, a.type, a.kind])).toEqual([
      ['1EdTech University Degree', 'CFItem', 'qualification'],
      ['1EdTech University Degree', 'CTDL', 'qualification'],
    ])
    expect(c.skills.filter((s) => s.source === 'tag').map((s) => s.name)).toEqual(['research', 'computer science'])
    const { values, warnings } = toCredential(c)
    expect(values.skills.map((s) => s.name)).not.toContain('1EdTech University Degree')
    expect(warnings).toContain('2 alignments name a qualification or programme, not skills (“1EdTech University Degree”, “1EdTech University Degree”), so they were not added as skills.')
  })

  it('dcc-vc2-eddsa-didkey-alignments.json: "Requirements Analysis" is a competency and stays a skill', () => {
    const c = read('ob3-json/dcc-vc2-eddsa-didkey-alignments.json')
    expect(c.otherAlignments).toBeUndefined()
    expect(c.skills.filter((s) => s.source === 'alignment').map((s) => [s.name, s.framework])).toEqual([
      ['Requirements Analysis', 'Edmonds College Course Catalog'],
      ['Requirements Analysis', null],
    ])
    expect(toCredential(c).values.skills).toEqual([{ name: 'Requirements Analysis', origin: 'alignment', level: null }])
  })

  it('nti-v1-badgeclass-tags-alignment.json: its OB 1.0 alignment is a code, in a badge built on that badge class', () => {
    const badgeClass = JSON.parse(readFileSync(join(DIR!, 'ob2-json/nti-v1-badgeclass-tags-alignment.json'), 'utf8')) as Record<string, unknown>
    const doc = { uid: 'x1', recipient: { identity: 'a@b.example', hashed: false, type: 'email' }, issuedOn: '2015-04-30', verify: { type: 'hosted', url: 'https://example.org/x1' }, badge: badgeClass }
    const c = readCredentialFile(new TextEncoder().encode(JSON.stringify(doc)), 'built.json')
    expect(c.otherAlignments?.map((a) => [a.name, a.kind])).toEqual([['CCSS.ELA-Literacy.RST.11-12.3', 'code']])
    expect(toCredential(c).values.skills).toEqual([
      { name: 'robots', origin: 'tag', level: null },
      { name: 'awesome', origin: 'tag', level: null },
    ])
  })
})
