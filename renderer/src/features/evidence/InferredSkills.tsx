/**
 * "Skills inferred from this job title" under a work entry: the catalog role the title names,
 * and each of its essential skills with the person's decision. A pending skill counts as
 * practised until it is confirmed (then it counts in full) or rejected (then not at all).
 * One the person already lists under the entry's "Skills used" counts in full whatever the
 * decision, so it says so instead of asking.
 */
import { useQuery } from '../../data'
import { navigate } from '../../router'
import type { ExperienceInference, InferenceDecision } from '../../shared'
import { Button } from '../../ui/Button'
import { Badge } from '../../ui/Feedback'
import { Icon } from '../../ui/Icon'
import { useDecide, useFocusLater } from './decide'
import { decisionLabel, focusKey, type DecideAction } from './words'

const TONE: Record<InferenceDecision, 'neutral' | 'success' | 'danger'> = { pending: 'neutral', confirmed: 'success', rejected: 'danger' }
const STATE_WORD: Record<InferenceDecision, string> = { pending: 'Not reviewed', confirmed: 'Confirmed', rejected: 'Rejected' }

/** `used`: the names of the skills linked to the entry ("Skills used"). */
export function InferredSkills({ experienceId, used = [] }: { experienceId: string; used?: readonly string[] }) {
  const query = useQuery('evidence:inferences', { experienceId })
  const data = query.data && query.data.experienceId === experienceId ? query.data : undefined
  if (!data?.role || !data.skills.length) return null
  return <Inferred inference={data} role={data.role} used={new Set(used.map(fold))} />
}

/** "Power-BI", "power bi" → "power bi": near enough to the core's skill key to tell a used skill. */
function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim()
}

function Inferred({ inference, role, used }: { inference: ExperienceInference; role: NonNullable<ExperienceInference['role']>; used: ReadonlySet<string> }) {
  const { decide, busy } = useDecide()
  const focusLater = useFocusLater()
  const isUsed = (s: { key: string; name: string }) => used.has(fold(s.name)) || used.has(fold(s.key))
  const pending = inference.skills.filter((s) => s.decision === 'pending' && !isUsed(s))
  const confirmed = inference.skills.filter((s) => s.decision === 'confirmed').length
  const headingId = `inferred-${inference.experienceId}`

  const run = async (skillKey: string, action: DecideAction) => {
    const decision = action === 'confirm' ? 'confirmed' : action === 'reject' ? 'rejected' : 'pending'
    const answer = await decide({ experienceId: inference.experienceId, skillKey, decision })
    if (answer) focusLater(focusKey(inference.experienceId, skillKey, action === 'undo' ? 'confirm' : 'undo'))
  }
  const confirmAll = async () => {
    for (const s of pending) {
      if (!(await decide({ experienceId: inference.experienceId, skillKey: s.key, decision: 'confirmed' }))) return
    }
    // The button goes away with the last pending skill: focus the first skill's Undo instead.
    const first = pending[0]
    if (first) focusLater(focusKey(inference.experienceId, first.key, 'undo'))
  }

  return (
    <section className="inferred" aria-labelledby={headingId}>
      <div className="inferred-head">
        <Icon name="sparkles" size={14} />
        <h3 className="inferred-title" id={headingId}>
          Skills inferred from this job title
        </h3>
        {pending.length > 1 ? (
          <Button size="sm" variant="ghost" icon="check" disabled={busy !== null} aria-label={`Confirm all ${pending.length} skills for ${inference.entry}`} onClick={() => void confirmAll()}>
            Confirm all
          </Button>
        ) : null}
      </div>
      <p className="inferred-note">
        The essentials of the{' '}
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'roles', id: role.ref, params: {} })} title={`Open the ${role.title} role`}>
          {role.title}
        </button>{' '}
        role. Until you review them they count as practised, a little less than skills you name in the entry; confirmed ones count as if named,
        rejected ones not at all.{confirmed ? ` ${confirmed} of ${inference.skills.length} confirmed.` : ''}
      </p>
      <ul className="inferred-skills" aria-label={`Skills inferred for ${inference.entry}`}>
        {inference.skills.map((s) => {
          const isBusy = busy === `${inference.experienceId}|${s.key}`
          if (isUsed(s))
            return (
              <li key={s.key} className="inferred-skill is-used" data-skill={s.key}>
                <span className="inferred-skill-name">{s.name}</span>
                <Badge tone="success" icon="check">
                  In skills used
                </Badge>
                <span className="inferred-skill-actions" />
              </li>
            )
          return (
            <li key={s.key} className={`inferred-skill is-${s.decision}`} data-skill={s.key}>
              <span className="inferred-skill-name">{s.name}</span>
              <Badge tone={TONE[s.decision]} icon={s.decision === 'confirmed' ? 'check' : s.decision === 'rejected' ? 'x' : undefined}>
                {STATE_WORD[s.decision]}
              </Badge>
              <span className="inferred-skill-actions">
                {s.decision === 'pending' ? (
                  <>
                    <Button size="sm" icon="check" busy={isBusy} aria-label={decisionLabel('confirm', s.name, inference.entry)} data-focus-key={focusKey(inference.experienceId, s.key, 'confirm')} onClick={() => void run(s.key, 'confirm')}>
                      Confirm
                    </Button>
                    <Button size="sm" variant="ghost" icon="x" disabled={isBusy} aria-label={decisionLabel('reject', s.name, inference.entry)} data-focus-key={focusKey(inference.experienceId, s.key, 'reject')} onClick={() => void run(s.key, 'reject')}>
                      Reject
                    </Button>
                  </>
                ) : (
                  <Button size="sm" variant="ghost" icon="undo" busy={isBusy} aria-label={decisionLabel('undo', s.name, inference.entry, s.decision)} data-focus-key={focusKey(inference.experienceId, s.key, 'undo')} onClick={() => void run(s.key, 'undo')}>
                    Undo
                  </Button>
                )}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
