/**
 * A credential's skills: those typed or stated by the issuer, then those taken from its badge's
 * tags, marked as such ("not reviewed" until accepted), with the way to the review on the Skills
 * screen. Rejected tags are not listed (the core leaves them out).
 */
import { plural } from '../../format'
import { navigate } from '../../router'
import type { Credential } from '../../shared'
import { Icon } from '../../ui/Icon'
import { SkillLinks } from '../../ui/SkillLinks'
import { TAG_REVIEW_ID } from '../skills/tag-review'
import '../../styles/tags.css'

export function CredentialSkills({ credential: c }: { credential: Credential }) {
  const own = c.skills.filter((s) => s.origin !== 'tag')
  const tags = c.skills.filter((s) => s.origin === 'tag')
  const pending = tags.filter((s) => s.decision === 'pending').length
  const headingId = `tag-skills-${c.id}`
  if (!own.length && !tags.length) return <p className="muted">No skills yet. Edit the credential to say what it proves.</p>
  return (
    <>
      {own.length ? <SkillLinks skills={own} /> : null}
      {tags.length ? (
        <div className="tag-skills" role="group" aria-labelledby={headingId}>
          <div className="tag-skills-head">
            <Icon name="hash" size={14} />
            <span id={headingId}>From a badge tag{pending ? ` · ${plural(pending, 'skill')} not reviewed, not counted yet` : ''}</span>
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'skills', id: TAG_REVIEW_ID, params: { credential: c.id } })}>
              {pending ? 'Review' : 'Change'}
            </button>
          </div>
          <SkillLinks skills={tags} label={`Skills from the badge tags of ${c.title}`} note={(s) => (s.decision === 'pending' ? 'not reviewed' : null)} />
        </div>
      ) : null}
    </>
  )
}
