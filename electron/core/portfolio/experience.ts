import type { Db } from '../db/open'
import type { Experience, ExperienceValues, SkillLink } from '../../shared/schemas'
import { toRowId } from './ids'
import { createDatedEntries, EXPERIENCE_ENTRIES, type ExperienceFields } from './resume-entries'
import { groupSkillLinks, skillLinksSql, type ResolvedSkill, type SkillLinkRow, type SkillsService } from './skills'

/** A work entry as the API returns it: the dated entry, then the skills linked to it. */
export function toExperience(entry: ExperienceFields & { id: string }, skills: SkillLink[]): Experience {
  return { ...entry, skills }
}

/**
 * Work experience: a dated entry (resume-entries.ts) plus the skills used in the job, written
 * and read in the same transaction as the row, resolved by name like a project's skills.
 * Deleting an entry removes its links (experience_skill cascades).
 */
export function createExperience(db: Db, skills: SkillsService, now: () => Date) {
  const entries = createDatedEntries<ExperienceFields>(db, now, EXPERIENCE_ENTRIES)
  const clearSkills = db.prepare('DELETE FROM experience_skill WHERE experience_id = ?')
  const linkSkill = db.prepare(
    'INSERT INTO experience_skill (experience_id, skill_id, level, position) VALUES (@experienceId, @skillId, @level, @position)',
  )
  const allLinks = db.prepare<[], SkillLinkRow>(skillLinksSql('experience', 'all'))

  function writeSkills(experienceId: number, resolved: ResolvedSkill[]): void {
    clearSkills.run(experienceId)
    resolved.forEach((s, position) => linkSkill.run({ experienceId, skillId: s.skillId, level: s.level, position }))
  }

  function read(entry: ExperienceFields & { id: string }): Experience {
    return toExperience(entry, skills.linksOf('experience', toRowId('experience', entry.id)))
  }

  return {
    list: (): Experience[] =>
      db.transaction(() => {
        const links = groupSkillLinks(allLinks.all())
        return entries.list().map((e) => toExperience(e, links.get(toRowId('experience', e.id)) ?? []))
      })(),

    create(values: ExperienceValues): Experience {
      const { skills: refs, ...fields } = values
      return db.transaction(() => {
        const entry = entries.create(fields)
        writeSkills(toRowId('experience', entry.id), skills.resolve(refs))
        return read(entry)
      })()
    },

    /** Only the given fields change; `skills`, when given, replaces the list. */
    update(id: string, patch: Partial<ExperienceValues>): Experience {
      const { skills: refs, ...fields } = patch
      return db.transaction(() => {
        const entry = entries.update(id, fields)
        if (refs !== undefined) writeSkills(toRowId('experience', id), skills.resolve(refs))
        return read(entry)
      })()
    },

    remove: (id: string): { id: string } => entries.remove(id),
    count: (): number => entries.count(),
  }
}
