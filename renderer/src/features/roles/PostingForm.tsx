/**
 * Paste a job posting: find the skills it asks for, show them highlighted in the text, let the
 * person confirm the list (untick what it got wrong, add what it missed, mark the essentials),
 * and save it as a target role.
 */
import { useId, useState, type ReactNode } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate } from '../../data'
import type { PostingExtraction, PostingMention } from '../../shared'
import { Button } from '../../ui/Button'
import { Combobox, type ComboOption } from '../../ui/Combobox'
import { Badge } from '../../ui/Feedback'
import { TextArea, TextField } from '../../ui/Field'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'

interface Choice {
  accept: boolean
  essential: boolean
}

/** A skill the person added that the posting review did not find. */
interface Added {
  name: string
  essential: boolean
}

/** Skills the person adds by hand count like a stated requirement (a "Requirements" mention weighs 0.8). */
const ADDED_WEIGHT = 0.8

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

export function PostingForm({ onSaved, onCancel }: { onSaved: (ref: string) => void; onCancel: () => void }) {
  const [text, setText] = useState('')
  const [found, setFound] = useState<{ text: string; extraction: PostingExtraction } | null>(null)
  const [choices, setChoices] = useState<Record<string, Choice>>({})
  const [added, setAdded] = useState<Added[]>([])
  const addId = useId()
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState<'find' | 'save' | null>(null)
  const invalidate = useInvalidate()
  const toast = useToast()

  const find = async () => {
    if (!text.trim()) {
      setError('Paste the text of a job posting first')
      return
    }
    setError(undefined)
    setBusy('find')
    try {
      const extraction = await call('postings:extract', { text })
      setFound({ text, extraction })
      setChoices(Object.fromEntries(extraction.skills.map((s) => [s.skillId, { accept: s.suggestedAccept, essential: s.suggestedEssential }])))
      if (!title.trim() && extraction.title) setTitle(extraction.title)
    } catch (e) {
      toast.show(`Could not read the posting: ${errorMessage(e)}`, 'error')
    } finally {
      setBusy(null)
    }
  }

  const accepted = found ? found.extraction.skills.filter((s) => choices[s.skillId]?.accept) : []
  // An added skill the posting also names (found again by a later "Find skills") is kept once.
  const extra = added.filter((a) => !accepted.some((s) => sameName(s.name, a.name)))
  const chosen = accepted.length + extra.length

  const save = async () => {
    if (!found) return
    if (!title.trim()) {
      toast.show('Give the role a title first', 'error')
      document.getElementById('posting-title')?.focus()
      return
    }
    setBusy('save')
    try {
      const role = await call('roles:create', {
        title: title.trim(),
        source: 'posting',
        postingText: found.text,
        skills: [
          ...accepted.map((s) => ({ name: s.name, weight: s.suggestedWeight, essential: choices[s.skillId]?.essential ?? false })),
          ...extra.map((a) => ({ name: a.name, weight: ADDED_WEIGHT, essential: a.essential })),
        ],
      })
      invalidate()
      toast.show(`Saved “${role.title}” as a target role`)
      onSaved(role.ref)
    } catch (e) {
      toast.show(`Not saved: ${errorMessage(e)}`, 'error')
    } finally {
      setBusy(null)
    }
  }

  const set = (id: string, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [id]: { accept: false, essential: false, ...c[id], ...patch } }))

  /**
   * Suggestions for a missed skill: the skills catalog (through the same matcher that read the
   * posting) and the person's own skills; any other name can be added as typed.
   */
  const fetchOptions = async (typed: string): Promise<ComboOption[]> => {
    const q = typed.trim()
    if (!q) return []
    const [catalog, own] = await Promise.all([call('postings:extract', { text: q }).catch(() => null), call('skills:suggest', { text: q, limit: 8 })])
    const taken = (name: string) => accepted.some((s) => sameName(s.name, name)) || added.some((a) => sameName(a.name, name))
    const options: ComboOption[] = []
    const push = (o: ComboOption) => {
      if (!taken(o.label) && !options.some((x) => sameName(x.label, o.label))) options.push(o)
    }
    for (const s of catalog?.skills ?? []) push({ key: `catalog:${s.skillId}`, label: s.name, detail: 'Skills catalog' })
    for (const s of own) push({ key: `own:${s.id}`, label: s.name, detail: 'In your portfolio' })
    if (!taken(q) && !options.some((o) => sameName(o.label, q))) options.push({ key: `typed:${q}`, label: `Add “${q}”`, create: true })
    return options
  }

  const add = (o: ComboOption) => {
    const name = o.create ? o.key.slice('typed:'.length) : o.label
    // A skill the review found but was unticked is ticked again rather than added twice.
    const unticked = found?.extraction.skills.find((s) => sameName(s.name, name))
    if (unticked) set(unticked.skillId, { accept: true })
    else if (!added.some((a) => sameName(a.name, name))) setAdded((list) => [...list, { name, essential: false }])
  }

  const removeAdded = (name: string) => {
    setAdded((list) => list.filter((a) => a.name !== name))
    document.getElementById(addId)?.focus()
  }

  return (
    <div className="detail posting">
      <DetailHeader title="Paste a job posting" subtitle="Skillfolio finds the skills it asks for, here on this computer. Check them, then save the posting as a target role." />
      <TextArea
        label="Job posting"
        value={text}
        onChange={(v) => {
          setText(v)
          if (error) setError(undefined)
        }}
        rows={found ? 5 : 12}
        error={error}
        placeholder="Paste the whole posting, with its requirements…"
      />
      <div className="posting-actions">
        <Button variant={found ? 'secondary' : 'primary'} icon="search" busy={busy === 'find'} onClick={() => void find()}>
          Find skills
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>

      {found ? (
        <>
          <Section title={`Found ${found.extraction.skills.length} skills`}>
            <p className="muted section-note">Untick a skill the posting does not really ask for, and add any it missed.</p>
            {found.extraction.skills.length ? (
              <ul className="posting-skills" aria-label="Found skills">
                {found.extraction.skills.map((s) => {
                  const c = choices[s.skillId] ?? { accept: false, essential: false }
                  return (
                    <li key={s.skillId} className={c.accept ? 'posting-skill' : 'posting-skill is-off'}>
                      <label className="check posting-skill-name">
                        <input type="checkbox" checked={c.accept} onChange={(e) => set(s.skillId, { accept: e.target.checked })} />
                        <span>{s.name}</span>
                      </label>
                      <label className="check posting-skill-essential">
                        <input type="checkbox" checked={c.essential} disabled={!c.accept} aria-label={`${s.name} is essential`} onChange={(e) => set(s.skillId, { essential: e.target.checked })} />
                        <span aria-hidden="true">Essential</span>
                      </label>
                      <span className="posting-skill-why muted">
                        {s.count > 1 ? <Badge>{s.count}×</Badge> : null} {s.why}
                      </span>
                    </li>
                  )
                })}
              </ul>
            ) : (
              <p className="muted">No known skills were found. Try pasting the requirements section too, or add the skills below.</p>
            )}
            {added.length ? (
              <ul className="posting-skills" aria-label="Skills you added">
                {added.map((a) => (
                  <li key={a.name} className="posting-skill posting-skill-added">
                    <span className="posting-skill-name">
                      <span>{a.name}</span>
                    </span>
                    <label className="check posting-skill-essential">
                      <input
                        type="checkbox"
                        checked={a.essential}
                        aria-label={`${a.name} is essential`}
                        onChange={(e) => setAdded((list) => list.map((x) => (x.name === a.name ? { ...x, essential: e.target.checked } : x)))}
                      />
                      <span aria-hidden="true">Essential</span>
                    </label>
                    <span className="posting-skill-side">
                      <Badge tone="accent">Added by you</Badge>
                      <Button size="sm" variant="ghost" icon="x" aria-label={`Remove ${a.name}`} onClick={() => removeAdded(a.name)}>
                        Remove
                      </Button>
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="field posting-add">
              <label className="field-label" htmlFor={addId}>
                Add a skill it missed
              </label>
              <Combobox id={addId} label="Add a skill it missed" placeholder="Type a skill, e.g. Power BI" fetchOptions={fetchOptions} onPick={add} />
            </div>
          </Section>

          <Section title="In the posting">
            <div className="posting-text" aria-label="Posting with the found skills highlighted">
              <Highlighted text={found.text} mentions={found.extraction.mentions} accepted={new Set(accepted.map((s) => s.skillId))} />
            </div>
          </Section>

          <div className="posting-save">
            <TextField id="posting-title" label="Role title" value={title} onChange={setTitle} placeholder="e.g. Data Analyst at Acme" />
            <Button variant="primary" icon="check" busy={busy === 'save'} disabled={!chosen} onClick={() => void save()}>
              Save as target role
            </Button>
          </div>
        </>
      ) : null}
    </div>
  )
}

/** The posting as text segments with each mention in a <mark> (no HTML is parsed). */
function Highlighted({ text, mentions, accepted }: { text: string; mentions: readonly PostingMention[]; accepted: Set<string> }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue
    if (m.start > at) parts.push(text.slice(at, m.start))
    parts.push(
      <mark key={`${m.start}-${m.end}`} className={accepted.has(m.skillId) ? 'hl' : 'hl is-off'} title={`${m.name}: ${m.reason}`}>
        {text.slice(m.start, m.end)}
      </mark>,
    )
    at = m.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
