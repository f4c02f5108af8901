/** Temp databases and tiny synthetic ESCO / O*NET folders for the taxonomy tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { openDatabase, type Db } from '../../../electron/core/db/open'
import { migrate } from '../../../electron/core/db/migrate'

export interface TempDb {
  dir: string
  db: Db
  cleanup(): void
}

/** A migrated portfolio database in a fresh temp folder. */
export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'skillfolio-taxonomy-'))
  const db = openDatabase(join(dir, 'portfolio.sqlite'))
  migrate(db)
  return {
    dir,
    db,
    cleanup() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n'

export const MINI = {
  skillUri: (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  occupationUri: (n: number) => `http://data.europa.eu/esco/occupation/00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
}

export interface MiniEscoOptions {
  /** Label suffix, to tell two imports apart. */
  label?: string
  gzipRelations?: boolean
  /** Number of skills / occupations (relations: each occupation to the first three skills). */
  skills?: number
  occupations?: number
  /** Writes a relations file whose last record has an unterminated quote. */
  brokenRelations?: boolean
}

/**
 * Writes a small ESCO-shaped folder: real column layout, multi-line quoted labels, a doubled
 * quote, CRLF line ends in one file, and a relation to an occupation that does not exist.
 */
export function writeMiniEsco(dir: string, options: MiniEscoOptions = {}): string {
  const label = options.label ?? ''
  const nSkills = options.skills ?? 5
  const nOcc = options.occupations ?? 2
  mkdirSync(dir, { recursive: true })
  const skillRows = [['conceptType', 'conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'hiddenLabels', 'status', 'modifiedDate', 'scopeNote', 'definition', 'inScheme', 'description']]
  for (let i = 1; i <= nSkills; i++) {
    skillRows.push([
      'KnowledgeSkillCompetence',
      MINI.skillUri(i),
      i === 1 ? 'knowledge' : 'skill/competence',
      i === 2 ? 'transversal' : 'sector-specific',
      `skill ${i}${label}`,
      `alt ${i}a\nalt ${i}b\nskill ${i}${label}`,
      i === 3 ? 'hidden 3' : '',
      'released',
      '2022-01-01T00:00:00Z',
      '',
      '',
      'http://data.europa.eu/esco/concept-scheme/skills,\nhttp://data.europa.eu/esco/concept-scheme/member-skills',
      `Says "hello", then ${i}.`,
    ])
  }
  writeFileSync(join(dir, 'skills_en.csv'), '\ufeff' + csv(skillRows))
  const occRows = [['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'hiddenLabels', 'status', 'modifiedDate', 'regulatedProfessionNote', 'scopeNote', 'definition', 'inScheme', 'description', 'code']]
  for (let i = 1; i <= nOcc; i++) {
    occRows.push(['Occupation', MINI.occupationUri(i), '2511', `occupation ${i}${label}`, `title ${i}a\ntitle ${i}b`, '', 'released', '', '', '', '', '', `Occupation ${i}, described.`, `2511.${i}`])
  }
  writeFileSync(join(dir, 'occupations_en.csv'), csv(occRows).replace(/\n(?=Occupation,|$)/g, '\r\n'))
  const relRows = [['occupationUri', 'relationType', 'skillType', 'skillUri']]
  for (let o = 1; o <= nOcc; o++) {
    for (let s = 1; s <= Math.min(3, nSkills); s++) relRows.push([MINI.occupationUri(o), s === 1 ? 'essential' : 'optional', 'skill/competence', MINI.skillUri(s)])
  }
  relRows.push([MINI.occupationUri(999), 'essential', 'knowledge', MINI.skillUri(1)])
  let relations = csv(relRows)
  if (options.brokenRelations) relations += `${MINI.occupationUri(1)},essential,"knowledge,${MINI.skillUri(2)}\n`
  if (options.gzipRelations) writeFileSync(join(dir, 'occupationSkillRelations.csv.gz'), gzipSync(relations))
  else writeFileSync(join(dir, 'occupationSkillRelations.csv'), relations)
  return dir
}

/** A small O*NET text-edition folder with the four files the importer reads. */
export function writeMiniOnet(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n'
  writeFileSync(join(dir, 'Read Me.txt'), 'O*NET 29.3 Database\nMay 2025 Release\n')
  writeFileSync(
    join(dir, 'Occupation Data.txt'),
    tsv([
      ['O*NET-SOC Code', 'Title', 'Description'],
      ['15-2051.00', 'Data Scientists', 'Develop and implement methods to analyse data.'],
      ['15-1254.00', 'Web Developers', 'Develop and implement websites.'],
    ]),
  )
  writeFileSync(
    join(dir, 'Alternate Titles.txt'),
    tsv([
      ['O*NET-SOC Code', 'Title', 'Alternate Title', 'Short Title', 'Source(s)'],
      ['15-2051.00', 'Data Scientists', 'Machine Learning Engineer', 'ML Engineer', '08'],
      ['15-2051.00', 'Data Scientists', 'Data Scientist', '', '08'],
      ['99-9999.00', 'Nobody', 'Ghost', '', '08'],
    ]),
  )
  writeFileSync(
    join(dir, 'Technology Skills.txt'),
    tsv([
      ['O*NET-SOC Code', 'Title', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'],
      ['15-2051.00', 'Data Scientists', 'Structured query language SQL', '43232112', 'Database management system software', 'Y', 'Y'],
      ['15-2051.00', 'Data Scientists', 'Python', '43232405', 'Object or component oriented development software', 'Y', 'N'],
      ['15-2051.00', 'Data Scientists', 'Apache Airflow', '43232402', 'Development environment software', 'N', 'N'],
      ['15-1254.00', 'Web Developers', 'Structured query language SQL', '43232112', 'Database management system software', 'Y', 'N'],
      ['15-1254.00', 'Web Developers', 'Microsoft Power BI', '43232306', 'Data base user interface and query software', 'N', 'N'],
    ]),
  )
  const head = ['O*NET-SOC Code', 'Title', 'Element ID', 'Element Name', 'Scale ID', 'Scale Name', 'Data Value', 'N', 'Standard Error', 'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress', 'Not Relevant', 'Date', 'Domain Source']
  const rating = (code: string, id: string, name: string, scale: string, value: string, suppress = 'N', notRelevant = '') =>
    [code, 'x', id, name, scale, scale === 'IM' ? 'Importance' : 'Level', value, '8', '0.1', '1', '2', suppress, notRelevant, '08/2023', 'Analyst']
  writeFileSync(
    join(dir, 'Skills.txt'),
    tsv([
      head,
      rating('15-2051.00', '2.B.3.e', 'Programming', 'IM', '4.12'),
      rating('15-2051.00', '2.B.3.e', 'Programming', 'LV', '5', 'N', 'N'),
      rating('15-2051.00', '2.A.2.a', 'Critical Thinking', 'IM', '2.5'),
      rating('15-2051.00', '2.A.2.a', 'Critical Thinking', 'LV', '3', 'N', 'N'),
      rating('15-1254.00', '2.B.3.e', 'Programming', 'IM', '3.00'),
      rating('15-1254.00', '2.B.3.e', 'Programming', 'LV', '0', 'N', 'Y'),
      rating('15-1254.00', '2.A.2.a', 'Critical Thinking', 'IM', '3.5', 'Y'),
      rating('15-1254.00', '2.A.2.a', 'Critical Thinking', 'LV', '3', 'N', 'N'),
    ]),
  )
  return dir
}
