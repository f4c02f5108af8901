/**
 * Linked skills as chips (name and level), each opening the skill: credentials, projects and work
 * entries. A skill from a badge tag still waiting for review is drawn dashed; `note` adds a word
 * to a chip ("not reviewed").
 */
import { LEVEL_LABEL } from '../format'
import { formatRoute } from '../router'
import type { SkillLink } from '../shared'

export function SkillLinks({ skills, label, note }: { skills: readonly SkillLink[]; label?: string; note?: (skill: SkillLink) => string | null }) {
  return (
    <ul className="skill-links" aria-label={label}>
      {skills.map((s) => {
        const extra = note?.(s) ?? null
        const fromTag = s.origin === 'tag' ? `From the badge tag “${s.tag ?? s.name}”` : undefined
        return (
          <li key={s.id}>
            <a className={s.decision === 'pending' ? 'skill-link is-pending' : 'skill-link'} href={formatRoute({ screen: 'skills', id: s.id, edit: false, params: {} })} title={fromTag}>
              <span>{s.name}</span>
              {s.level ? <span className="skill-link-level">{LEVEL_LABEL[s.level]}</span> : null}
              {extra ? <span className="skill-link-level">{extra}</span> : null}
            </a>
          </li>
        )
      })}
    </ul>
  )
}
