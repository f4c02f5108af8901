/**
 * Paste a job posting: find the skills it asks for, show them highlighted in the text, let the
 * person confirm the list (and which are essential), and save it as a target role.
 */
import { useState, type ReactNode } from 'react'
import { call, errorMessage } from '../../api'
import { useInvalidate } from '../../data'
import type { PostingExtraction, PostingMention } from '../../shared'
import { Button } from '../../ui/Button'
import { Badge } from '../../ui/Feedback'
import { TextArea, TextField } from '../../ui/Field'
import { DetailHeader, Section } from '../../ui/Layout'
import { useToast } from '../../ui/Toast'

interface Choice {
  accept: boolean
  essential: boolean
}

export function PostingForm({ onSaved, onCancel }: { onSaved: (ref: string) => void; onCancel: () => void }) {
  const [text, setText] = useState('')
  const [found, setFound] = useState<{ text: string; extraction: PostingExtraction } | null>(null)
  const [choices, setChoices] = useState<Record<string, Choice>>({})
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
        skills: accepted.map((s) => ({ name: s.name, weight: s.suggestedWeight, essential: choices[s.skillId]?.essential ?? false })),
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
              <p className="muted">No known skills were found. Try pasting the requirements section too.</p>
            )}
          </Section>

          <Section title="In the posting">
            <div className="posting-text" aria-label="Posting with the found skills highlighted">
              <Highlighted text={found.text} mentions={found.extraction.mentions} accepted={new Set(accepted.map((s) => s.skillId))} />
            </div>
          </Section>

          <div className="posting-save">
            <TextField id="posting-title" label="Role title" value={title} onChange={setTitle} placeholder="e.g. Data Analyst at Acme" />
            <Button variant="primary" icon="check" busy={busy === 'save'} disabled={!accepted.length} onClick={() => void save()}>
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
