/** Linked skills as chips (name and level), each opening the skill: credentials, projects and work entries. */
import { LEVEL_LABEL } from '../format'
import { formatRoute } from '../router'
import type { SkillLink } from '../shared'

export function SkillLinks({ skills, label }: { skills: readonly SkillLink[]; label?: string }) {
  return (
    <ul className="skill-links" aria-label={label}>
      {skills.map((s) => (
        <li key={s.id}>
          <a className="skill-link" href={formatRoute({ screen: 'skills', id: s.id, edit: false, params: {} })}>
            <span>{s.name}</span>
            {s.level ? <span className="skill-link-level">{LEVEL_LABEL[s.level]}</span> : null}
          </a>
        </li>
      ))}
    </ul>
  )
}
